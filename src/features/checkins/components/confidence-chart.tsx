"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartData, ChartRow } from "../chart-data";
import { useChartDates, useTimeAxis } from "./progress-chart";

const COLOUR = "#7c3aed";
const TICKS = [1, 4, 7, 10];

function ConfidenceTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const t = useTranslations("goalProgress");
  const dates = useChartDates();
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row || row.confidence === null) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-slate-900">{dates.full(row.time)}</p>
      <p className="text-slate-800">{t("history.confidence", { value: row.confidence })}</p>
    </div>
  );
}

/** Confidence 1–10 at each check-in, on the same time axis as the values above it. */
export function ConfidenceChart({ data, points, summary }: { data: ChartData; points: ChartRow[]; summary: string }) {
  const t = useTranslations("goalProgress.chart");
  const timeAxis = useTimeAxis(data);
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-sm font-medium text-slate-800">{t("confidenceTitle")}</figcaption>
      <div role="img" aria-label={summary} data-testid="confidence-chart" className="h-40 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
            <XAxis {...timeAxis} />
            <YAxis
              type="number"
              domain={[1, 10]}
              ticks={TICKS}
              width={64}
              tick={{ fontSize: 12, fill: "#334155" }}
              stroke="#94a3b8"
              label={{ value: t("confidenceAxis"), angle: -90, position: "insideLeft", offset: 4, fontSize: 11, fill: "#475569", style: { textAnchor: "middle" } }}
            />
            <Line
              dataKey="confidence"
              name={t("confidenceSeries")}
              type="linear"
              stroke={COLOUR}
              strokeWidth={2}
              strokeDasharray="4 2"
              dot={{ r: 3.5, fill: "white", stroke: COLOUR, strokeWidth: 2 }}
              activeDot={{ r: 5, fill: COLOUR }}
              isAnimationActive={false}
            />
            <Tooltip content={(props) => <ConfidenceTooltip active={props.active} payload={props.payload} />} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
