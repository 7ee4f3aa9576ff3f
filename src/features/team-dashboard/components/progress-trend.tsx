"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { usePointsFormat } from "@/features/checkins/components/use-check-in-format";
import { useDayFormat } from "@/features/goals/components/use-goal-format";
import type { TrendPoint } from "../team-dashboard.schema";

/** Each line has its own dash and marker shape, so the lines differ without colour. */
const SERIES = {
  team: { colour: "#1d4ed8", dash: undefined, marker: "circle" },
  people: { colour: "#7c3aed", dash: "7 4", marker: "square" },
  expected: { colour: "#475569", dash: "2 3", marker: "none" },
} as const;
type SeriesKey = keyof typeof SERIES;

type Row = { month: string; label: string; team: number | null; people: number | null; expected: number | null };

function Marker({ cx, cy, shape, colour, size = 4 }: { cx?: number; cy?: number; shape: "circle" | "square"; colour: string; size?: number }) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  return shape === "circle" ? (
    <circle cx={cx} cy={cy} r={size} fill={colour} stroke="white" strokeWidth={1.5} />
  ) : (
    <rect x={cx - size} y={cy - size} width={size * 2} height={size * 2} fill={colour} stroke="white" strokeWidth={1.5} />
  );
}

function LegendSample({ series }: { series: SeriesKey }) {
  const { colour, dash, marker } = SERIES[series];
  return (
    <svg aria-hidden width="30" height="12" viewBox="0 0 30 12">
      <path d="M0 6h30" stroke={colour} strokeWidth="2" strokeDasharray={dash} />
      {marker === "circle" ? <circle cx="15" cy="6" r="4" fill={colour} stroke="white" /> : null}
      {marker === "square" ? <rect x="11" y="2" width="8" height="8" fill={colour} stroke="white" /> : null}
    </svg>
  );
}

function TrendTooltip({ active, payload, names }: { active?: boolean; payload?: readonly { payload?: unknown }[]; names: Record<SeriesKey, string> }) {
  const points = usePointsFormat();
  const row = payload?.[0]?.payload as Row | undefined;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-slate-900">{row.label}</p>
      {(Object.keys(SERIES) as SeriesKey[]).map((key) => {
        const value = row[key];
        return value === null ? null : (
          <p key={key} className="text-slate-800">
            {names[key]}: <span className="font-semibold">{points(value)}</span>
          </p>
        );
      })}
    </div>
  );
}

/**
 * The mean progress at each month end: team goals and personal goals as two lines, with the
 * progress expected by then as a dotted reference. The numbers are in the table below.
 */
export function ProgressTrend({ trend, showPeople }: { trend: TrendPoint[]; showPeople: boolean }) {
  const t = useTranslations("teamDashboard.trend");
  const format = useFormatter();
  const points = usePointsFormat();
  const day = useDayFormat();
  const monthOf = (month: string) => format.dateTime(new Date(`${month}-01T00:00:00Z`), { month: "short", year: "numeric", timeZone: "UTC" });
  const rows: Row[] = trend.map((point) => ({
    month: point.month,
    label: monthOf(point.month),
    team: point.team.meanProgressPoints,
    people: point.people?.meanProgressPoints ?? null,
    expected: point.expectedPoints,
  }));
  const names: Record<SeriesKey, string> = { team: t("team"), people: t("people"), expected: t("expected") };
  const shown: SeriesKey[] = showPeople ? ["team", "people", "expected"] : ["team", "expected"];
  const anything = rows.some((row) => row.team !== null || row.people !== null);
  if (!anything) return <p className="text-sm text-slate-600">{t("empty")}</p>;

  const cell = (value: number | null, count: number | null) =>
    value === null ? "–" : count === null ? points(value) : t("withCount", { value: points(value), count });

  return (
    <figure className="flex flex-col gap-3">
      <div role="img" aria-label={t("chartLabel")} data-testid="progress-trend-chart" className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 12, right: 16, bottom: 28, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="label"
              tick={{ fontSize: 12, fill: "#334155" }}
              stroke="#94a3b8"
              label={{ value: t("xAxis"), position: "insideBottom", offset: -18, fontSize: 12, fill: "#475569" }}
            />
            <YAxis
              type="number"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(value: number) => points(value)}
              width={56}
              tick={{ fontSize: 12, fill: "#334155" }}
              stroke="#94a3b8"
              label={{ value: t("yAxis"), angle: -90, position: "insideLeft", offset: 4, fontSize: 12, fill: "#475569", style: { textAnchor: "middle" } }}
            />
            {shown.map((key) => {
              const { colour, dash, marker } = SERIES[key];
              return (
                <Line
                  key={key}
                  dataKey={key}
                  name={names[key]}
                  type="linear"
                  stroke={colour}
                  strokeWidth={key === "expected" ? 1.5 : 2.5}
                  strokeDasharray={dash}
                  dot={marker === "none" ? false : <Marker shape={marker} colour={colour} />}
                  activeDot={marker === "none" ? false : <Marker shape={marker} colour={colour} size={6} />}
                  isAnimationActive={false}
                />
              );
            })}
            <Tooltip content={(props) => <TrendTooltip active={props.active} payload={props.payload} names={names} />} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-slate-700" aria-label={t("legend")}>
          {shown.map((key) => (
            <li key={key} className="flex items-center gap-1.5">
              <LegendSample series={key} />
              {names[key]}
            </li>
          ))}
        </ul>
      </figcaption>
      <details className="rounded-md border border-slate-200 bg-white">
        <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-slate-50">{t("showTable")}</summary>
        <div className="relative overflow-x-auto border-t border-slate-200">
          <table className="w-full text-left text-sm" data-testid="progress-trend-table">
            <caption className="px-3 pt-2 pb-1 text-left text-xs text-slate-600">{t("caption")}</caption>
            <thead className="bg-slate-50 text-xs text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("columns.month")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("columns.asOf")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("columns.team")}
                </th>
                {showPeople ? (
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {t("columns.people")}
                  </th>
                ) : null}
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("columns.expected")}
                </th>
              </tr>
            </thead>
            <tbody>
              {trend.map((point, index) => (
                <tr key={point.month} data-month={point.month} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-1.5 font-normal whitespace-nowrap">
                    {rows[index]!.label}
                  </th>
                  <td className="px-3 py-1.5 whitespace-nowrap text-slate-600">{day(point.asOf)}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{cell(point.team.meanProgressPoints, point.team.goals)}</td>
                  {showPeople ? (
                    <td className="px-3 py-1.5 text-right tabular-nums">{cell(point.people?.meanProgressPoints ?? null, point.people?.goals ?? 0)}</td>
                  ) : null}
                  <td className="px-3 py-1.5 text-right text-slate-600 tabular-nums">{cell(point.expectedPoints, null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
