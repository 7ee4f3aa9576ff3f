"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { BandKind, ChartData, ChartRow } from "../chart-data";
import type { CheckInTarget } from "../checkins.schema";
import { useAxisNumber, useReadingFormat } from "./use-check-in-format";

type Measure = Pick<CheckInTarget, "measureType" | "unit" | "decimals" | "baseline" | "minimum" | "target" | "stretch" | "startDate" | "dueDate">;

/** Band fills: a tint and a pattern each, so the bands differ without colour. */
const BAND_STYLE: Record<BandKind, { fill: string; stroke: string; pattern: "hatch" | "dots" | "cross" }> = {
  belowMinimum: { fill: "#fee2e2", stroke: "#b91c1c", pattern: "hatch" },
  minimumToTarget: { fill: "#fef3c7", stroke: "#b45309", pattern: "dots" },
  targetToStretch: { fill: "#d1fae5", stroke: "#047857", pattern: "cross" },
};

const SERIES_COLOUR = "#1d4ed8";
const IDEAL_COLOUR = "#475569";

export function useChartDates() {
  const format = useFormatter();
  return {
    tick: (time: number, spanDays: number) =>
      format.dateTime(new Date(time), spanDays <= 70 ? { day: "numeric", month: "short", timeZone: "UTC" } : { month: "short", year: "2-digit", timeZone: "UTC" }),
    full: (time: number) => format.dateTime(new Date(time), { dateStyle: "medium", timeZone: "UTC" }),
  };
}

/** The date axis both charts share, so the confidence chart lines up under the values. */
export function useTimeAxis(data: ChartData) {
  const dates = useChartDates();
  const spanDays = (data.xDomain[1] - data.xDomain[0]) / 86_400_000;
  return {
    dataKey: "time",
    type: "number",
    scale: "time",
    domain: data.xDomain,
    ticks: data.xTicks,
    tickFormatter: (time: number) => dates.tick(time, spanDays),
    tick: { fontSize: 12, fill: "#334155" },
    stroke: "#94a3b8",
    allowDataOverflow: true,
  } as const;
}

/** The patterns the bands and the legend share; ids are per chart so two charts on a page do not clash. */
export function BandPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {(Object.keys(BAND_STYLE) as BandKind[]).map((kind) => {
        const { fill, stroke, pattern } = BAND_STYLE[kind];
        return (
          <pattern key={kind} id={`${prefix}-${kind}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={fill} />
            {pattern === "hatch" ? <path d="M-2 2l4-4M0 8l8-8M6 10l4-4" stroke={stroke} strokeWidth="0.8" strokeOpacity="0.45" /> : null}
            {pattern === "dots" ? <circle cx="4" cy="4" r="1" fill={stroke} fillOpacity="0.45" /> : null}
            {pattern === "cross" ? <path d="M0 4h8M4 0v8" stroke={stroke} strokeWidth="0.6" strokeOpacity="0.4" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

/** A diamond: the reported values' own shape, unlike any other mark in the chart. */
function Diamond({ cx, cy, size = 5 }: { cx?: number; cy?: number; size?: number }) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  return <path d={`M${cx} ${cy - size}L${cx + size} ${cy}L${cx} ${cy + size}L${cx - size} ${cy}Z`} fill={SERIES_COLOUR} stroke="white" strokeWidth={1.5} />;
}

function ChartTooltip({ active, payload, measure }: { active?: boolean; payload?: readonly { payload?: unknown }[]; measure: Measure }) {
  const t = useTranslations("goalProgress.chart");
  const reading = useReadingFormat();
  const dates = useChartDates();
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-slate-900">{dates.full(row.time)}</p>
      {row.value !== null ? (
        <p className="text-slate-800">
          {t("series")}: <span className="font-semibold">{reading(measure, row.value)}</span>
        </p>
      ) : null}
      {row.ideal !== null && measure.measureType !== "BINARY" ? (
        <p className="text-slate-600">
          {t("ideal")}: {reading(measure, round(row.ideal, measure.decimals))}
        </p>
      ) : null}
    </div>
  );
}

const round = (value: number, decimals: number) => Number(value.toFixed(Math.min(4, Math.max(0, decimals))));

/**
 * The values over time against the bands of the levels, with the ideal path from the baseline
 * at the start to the target at the due date. Screen readers get the summary; the numbers are
 * in the table beside it.
 */
export function ProgressChart({ measure, data, summary }: { measure: Measure; data: ChartData; summary: string }) {
  const t = useTranslations("goalProgress.chart");
  const axisNumber = useAxisNumber();
  const reading = useReadingFormat();
  const prefix = `band${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const timeAxis = useTimeAxis(data);
  const binary = measure.measureType === "BINARY";
  const yLabel =
    measure.measureType === "MILESTONES"
      ? t("yAxisMilestones")
      : binary
        ? t("yAxisBinary")
        : measure.measureType === "PERCENT"
          ? t("yAxisUnit", { unit: "%" })
          : measure.unit
            ? t("yAxisUnit", { unit: measure.unit })
            : t("yAxis");
  const levelName = (kind: "minimum" | "target" | "stretch") => t(`levels.${kind}`);

  return (
    <figure className="flex flex-col gap-2">
      <div role="img" aria-label={summary} data-testid="progress-chart" className="h-72 w-full sm:h-80">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data.rows} margin={{ top: 16, right: 12, bottom: 28, left: 8 }} accessibilityLayer={false}>
            <BandPatterns prefix={prefix} />
            {data.bands.map((band) => (
              <ReferenceArea
                key={band.kind}
                y1={band.from}
                y2={band.to}
                fill={`url(#${prefix}-${band.kind})`}
                fillOpacity={1}
                stroke="none"
                ifOverflow="hidden"
              />
            ))}
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
            <XAxis {...timeAxis} label={{ value: t("xAxis"), position: "insideBottom", offset: -18, fontSize: 12, fill: "#475569" }} />
            <YAxis
              type="number"
              domain={data.yDomain}
              ticks={data.yTicks}
              width={binary ? 76 : 64}
              tickFormatter={(value: number) => (binary ? (value >= 1 ? t("done") : t("notDone")) : axisNumber(value, measure.decimals))}
              tick={{ fontSize: 12, fill: "#334155" }}
              stroke="#94a3b8"
              label={{ value: yLabel, angle: -90, position: "insideLeft", offset: 4, fontSize: 12, fill: "#475569", style: { textAnchor: "middle" } }}
              allowDataOverflow
            />
            {data.levels.map((level) => (
              <ReferenceLine
                key={level.kind}
                y={level.value}
                stroke={level.kind === "minimum" ? BAND_STYLE.minimumToTarget.stroke : level.kind === "target" ? BAND_STYLE.targetToStretch.stroke : "#1e3a8a"}
                strokeDasharray={level.kind === "minimum" ? "2 3" : level.kind === "target" ? "8 3" : "1 2"}
                strokeWidth={1.25}
                label={{
                  value: `${levelName(level.kind)} ${reading(measure, level.value)}`,
                  position: "insideTopRight",
                  fontSize: 11,
                  fill: "#1e293b",
                }}
              />
            ))}
            {data.todayTime !== null ? (
              <ReferenceLine
                x={data.todayTime}
                stroke="#64748b"
                strokeDasharray="1 3"
                label={{
                  value: t("today"),
                  // beside the line on the side with room
                  position: data.todayTime > (data.xDomain[0] + data.xDomain[1]) / 2 ? "insideTopRight" : "insideTopLeft",
                  fontSize: 11,
                  fill: "#334155",
                }}
              />
            ) : null}
            <Line
              dataKey="ideal"
              name={t("ideal")}
              type="linear"
              stroke={IDEAL_COLOUR}
              strokeWidth={1.5}
              strokeDasharray="6 4"
              dot={false}
              activeDot={false}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              dataKey="value"
              name={t("series")}
              type={binary ? "stepAfter" : "linear"}
              stroke={SERIES_COLOUR}
              strokeWidth={2.5}
              dot={<Diamond />}
              activeDot={<Diamond size={7} />}
              connectNulls
              isAnimationActive={false}
            />
            <Tooltip content={(props) => <ChartTooltip active={props.active} payload={props.payload} measure={measure} />} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <ChartLegend prefix={prefix} bands={data.bands.map((band) => band.kind)} showToday={data.todayTime !== null} />
      </figcaption>
    </figure>
  );
}

function ChartLegend({ prefix, bands, showToday }: { prefix: string; bands: BandKind[]; showToday: boolean }) {
  const t = useTranslations("goalProgress.chart");
  return (
    <ul className="relative flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-slate-700" aria-label={t("legend")}>
      <svg aria-hidden width="0" height="0" className="absolute">
        <BandPatterns prefix={`${prefix}-legend`} />
      </svg>
      <li className="flex items-center gap-1.5">
        <svg aria-hidden width="28" height="12" viewBox="0 0 28 12">
          <path d="M0 6h28" stroke={SERIES_COLOUR} strokeWidth="2.5" />
          <path d="M14 1l5 5-5 5-5-5z" fill={SERIES_COLOUR} stroke="white" />
        </svg>
        {t("series")}
      </li>
      <li className="flex items-center gap-1.5">
        <svg aria-hidden width="28" height="12" viewBox="0 0 28 12">
          <path d="M0 6h28" stroke={IDEAL_COLOUR} strokeWidth="1.5" strokeDasharray="6 4" />
        </svg>
        {t("ideal")}
      </li>
      {bands.map((kind) => (
        <li key={kind} className="flex items-center gap-1.5">
          <svg aria-hidden width="18" height="12" viewBox="0 0 18 12">
            <rect x="0.5" y="0.5" width="17" height="11" fill={`url(#${prefix}-legend-${kind})`} stroke={BAND_STYLE[kind].stroke} strokeOpacity="0.5" />
          </svg>
          {t(`bands.${kind}`)}
        </li>
      ))}
      {showToday ? (
        <li className="flex items-center gap-1.5">
          <svg aria-hidden width="12" height="14" viewBox="0 0 12 14">
            <path d="M6 0v14" stroke="#64748b" strokeWidth="1.5" strokeDasharray="1 3" />
          </svg>
          {t("today")}
        </li>
      ) : null}
    </ul>
  );
}
