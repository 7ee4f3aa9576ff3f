"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, LabelList, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { usePointsFormat } from "@/features/checkins/components/use-check-in-format";
import { EmptyState } from "@/ui/page-parts";
import type { TrendPoint } from "../org-dashboard.schema";

const SERIES = "#1d4ed8";

function useMonthName() {
  const format = useFormatter();
  return (month: string, style: "short" | "long" = "short") =>
    format.dateTime(new Date(`${month}-01T00:00:00Z`), { month: style, year: "numeric", timeZone: "UTC" });
}

/** A square marker: the series' own shape, with its value written above it. */
function Marker({ cx, cy }: { cx?: number; cy?: number }) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  return <rect x={cx - 4} y={cy - 4} width={8} height={8} fill={SERIES} stroke="white" strokeWidth={1.5} />;
}

/** The organisation's mean progress at each month's end of the period, as a labelled line and a table. */
export function MonthlyTrend({ trend }: { trend: TrendPoint[] }) {
  const t = useTranslations("orgDashboard.trend");
  const percent = usePointsFormat();
  const monthName = useMonthName();
  const format = useFormatter();

  if (trend.length === 0) return <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;

  const rows = trend.map((point) => ({
    ...point,
    label: point.partial ? t("partialTick", { month: monthName(point.month) }) : monthName(point.month),
    value: point.meanProgressPoints,
    valueLabel: point.meanProgressPoints === null ? "" : percent(point.meanProgressPoints),
  }));
  const summary = rows.map((row) => `${row.label}: ${row.meanProgressPoints === null ? t("noGoals") : row.valueLabel}`).join(", ");

  return (
    <div className="flex flex-col gap-4">
      <figure className="flex flex-col gap-2">
        <div role="img" aria-label={t("chartLabel", { summary })} data-testid="dashboard-trend-chart" className="h-64 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={rows} margin={{ top: 24, right: 24, bottom: 28, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
              <XAxis
                dataKey="label"
                tick={{ fontSize: 12, fill: "#334155" }}
                stroke="#94a3b8"
                interval="preserveStartEnd"
                label={{ value: t("xAxis"), position: "insideBottom", offset: -18, fontSize: 12, fill: "#475569" }}
              />
              <YAxis
                type="number"
                domain={[0, 100]}
                ticks={[0, 25, 50, 75, 100]}
                width={56}
                tickFormatter={(value: number) => percent(value)}
                tick={{ fontSize: 12, fill: "#334155" }}
                stroke="#94a3b8"
                label={{ value: t("yAxis"), angle: -90, position: "insideLeft", offset: 4, fontSize: 12, fill: "#475569", style: { textAnchor: "middle" } }}
              />
              <Line dataKey="value" name={t("series")} stroke={SERIES} strokeWidth={2.5} dot={<Marker />} activeDot={false} connectNulls isAnimationActive={false}>
                <LabelList dataKey="valueLabel" position="top" offset={10} style={{ fontSize: 11, fill: "#0f172a", fontWeight: 600 }} />
              </Line>
            </LineChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="text-xs text-slate-600">{t("caption")}</figcaption>
      </figure>

      <div className="relative overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm" data-testid="dashboard-trend-table">
          <caption className="px-3 pt-2 pb-1 text-left text-xs text-slate-600">{t("tableCaption")}</caption>
          <thead className="bg-slate-50 text-xs text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("columns.month")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("columns.asOf")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("columns.goals")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("columns.mean")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("columns.checkIns")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.month} data-testid="dashboard-trend-row" data-month={row.month} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-1.5 font-normal whitespace-nowrap">
                  {monthName(row.month, "long")}
                  {row.partial ? <span className="ml-1 text-xs text-slate-600">{t("partial")}</span> : null}
                </th>
                <td className="px-3 py-1.5 whitespace-nowrap">{format.dateTime(new Date(`${row.asOf}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{row.goalCount}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{row.meanProgressPoints === null ? t("noGoals") : row.valueLabel}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{row.checkIns}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
