"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { HrReport } from "../reports.schema";
import { useReportFormat } from "./use-report-format";

/** The chart shows at most this many groups; the table below it lists all of them. */
const CHART_GROUPS_MAX = 15;

type SeriesKey = "minimum" | "target" | "stretch";

/** A tint, an outline and a pattern per level, so the bars differ without colour; each bar also names its level. */
const SERIES: { key: SeriesKey; figure: "completionMinimum" | "completionTarget" | "completionStretch"; fill: string; stroke: string; pattern: "hatch" | "dots" | "solid" }[] = [
  { key: "minimum", figure: "completionMinimum", fill: "#fde68a", stroke: "#b45309", pattern: "hatch" },
  { key: "target", figure: "completionTarget", fill: "#a7f3d0", stroke: "#047857", pattern: "dots" },
  { key: "stretch", figure: "completionStretch", fill: "#1e40af", stroke: "#1e3a8a", pattern: "solid" },
];

type Row = { key: string; label: string; minimum: number; target: number; stretch: number };

function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {SERIES.map(({ key, fill, stroke, pattern }) => (
        <pattern key={key} id={`${prefix}-${key}`} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill={fill} />
          {pattern === "hatch" ? <path d="M-1 1l2-2M0 6l6-6M5 7l2-2" stroke={stroke} strokeWidth="1" /> : null}
          {pattern === "dots" ? <circle cx="3" cy="3" r="1.1" fill={stroke} /> : null}
        </pattern>
      ))}
    </defs>
  );
}

function Swatch({ prefix, series }: { prefix: string; series: (typeof SERIES)[number] }) {
  return (
    <svg viewBox="0 0 16 12" aria-hidden className="h-3 w-4 shrink-0">
      <rect x="0.5" y="0.5" width="15" height="11" fill={`url(#${prefix}-legend-${series.key})`} stroke={series.stroke} />
    </svg>
  );
}

/**
 * Completion at minimum, target and stretch for the whole selection and each group with goals
 * due, as horizontal bars labelled with their level and value. The breakdown table holds the
 * same numbers (`tableId`).
 */
export function CompletionChart({ report, tableId }: { report: HrReport; tableId: string }) {
  const t = useTranslations("reports");
  const f = useReportFormat();
  const prefix = useId().replace(/:/g, "");
  const whole = report.completion;

  if (whole.due === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600" data-testid="report-chart-empty">
        {t("chart.noRates")}
      </p>
    );
  }

  const rows: Row[] = [
    { key: "whole", label: t("chart.whole"), minimum: whole.atMinimum.percent!, target: whole.atTarget.percent!, stretch: whole.atStretch.percent! },
    ...report.breakdown.rows
      .filter((row) => row.completion.due > 0)
      .slice(0, CHART_GROUPS_MAX)
      .map((row) => ({
        key: row.team?.id ?? "none",
        label: row.team?.name ?? t("breakdown.noTeam"),
        minimum: row.completion.atMinimum.percent!,
        target: row.completion.atTarget.percent!,
        stretch: row.completion.atStretch.percent!,
      })),
  ];
  const summary = t("chart.summary", { minimum: f.percent(whole.atMinimum.percent), target: f.percent(whole.atTarget.percent), stretch: f.percent(whole.atStretch.percent) });
  const short = (key: SeriesKey) => t(`figures.${SERIES.find((series) => series.key === key)!.figure}.short`);

  return (
    <figure className="flex flex-col gap-2 print:break-inside-avoid" aria-describedby={tableId}>
      <figcaption className="text-sm text-slate-600">{t("chart.description")}</figcaption>
      {/* the legend's patterns, defined once for its swatches */}
      <svg aria-hidden width="0" height="0" className="absolute">
        <Patterns prefix={`${prefix}-legend`} />
      </svg>
      <ul aria-label={t("chart.legend")} className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {SERIES.map((series) => (
          <li key={series.key} className="flex items-center gap-1.5">
            <Swatch prefix={prefix} series={series} />
            {t(`figures.${series.figure}.label`)}
          </li>
        ))}
      </ul>
      <div role="img" aria-label={summary} data-testid="report-rates-chart" className="w-full" style={{ height: 40 + rows.length * 66 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 150, bottom: 4, left: 8 }} barCategoryGap="18%" barGap={2} accessibilityLayer={false}>
            <Patterns prefix={prefix} />
            <CartesianGrid horizontal={false} stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis
              type="number"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(value: number) => f.percent(value)}
              tick={{ fontSize: 12, fill: "#334155" }}
              stroke="#94a3b8"
            />
            <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12, fill: "#0f172a" }} stroke="#94a3b8" interval={0} />
            {SERIES.map((series) => (
              <Bar
                key={series.key}
                dataKey={series.key}
                name={t(`figures.${series.figure}.label`)}
                fill={`url(#${prefix}-${series.key})`}
                stroke={series.stroke}
                isAnimationActive={false}
                minPointSize={2}
              >
                <LabelList
                  dataKey={series.key}
                  position="right"
                  fontSize={11}
                  fill="#0f172a"
                  formatter={(value) => (typeof value === "number" ? `${short(series.key)} ${f.percent(value)}` : "")}
                />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
