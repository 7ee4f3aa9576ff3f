"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { DISTRIBUTION_BUCKETS, type DistributionBucket, type TeamStats } from "../team-dashboard.schema";

/** A tint, an outline and a pattern per bucket: the bars differ without colour too (and each is named on the axis). */
const BUCKET_STYLE: Record<DistributionBucket, { fill: string; stroke: string; pattern: "solid" | "hatch" | "dots" | "cross" | "horizontal" | "vertical" | "none" }> = {
  ACHIEVED: { fill: "#047857", stroke: "#064e3b", pattern: "solid" },
  ON_TRACK: { fill: "#d1fae5", stroke: "#047857", pattern: "hatch" },
  AT_RISK: { fill: "#fef3c7", stroke: "#b45309", pattern: "dots" },
  OFF_TRACK: { fill: "#fee2e2", stroke: "#b91c1c", pattern: "cross" },
  OVERDUE: { fill: "#fecaca", stroke: "#7f1d1d", pattern: "horizontal" },
  CLOSED: { fill: "#e0f2fe", stroke: "#0369a1", pattern: "vertical" },
  NOT_ACTIVE: { fill: "#f8fafc", stroke: "#64748b", pattern: "none" },
};

function BucketPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {DISTRIBUTION_BUCKETS.map((bucket) => {
        const { fill, stroke, pattern } = BUCKET_STYLE[bucket];
        return (
          <pattern key={bucket} id={`${prefix}-${bucket}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={fill} />
            {pattern === "hatch" ? <path d="M-2 2l4-4M0 8l8-8M6 10l4-4" stroke={stroke} strokeWidth="1" strokeOpacity="0.6" /> : null}
            {pattern === "dots" ? <circle cx="4" cy="4" r="1.3" fill={stroke} fillOpacity="0.6" /> : null}
            {pattern === "cross" ? <path d="M0 0l8 8M8 0l-8 8" stroke={stroke} strokeWidth="0.9" strokeOpacity="0.6" /> : null}
            {pattern === "horizontal" ? <path d="M0 2h8M0 6h8" stroke={stroke} strokeWidth="1" strokeOpacity="0.6" /> : null}
            {pattern === "vertical" ? <path d="M2 0v8M6 0v8" stroke={stroke} strokeWidth="1" strokeOpacity="0.6" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

/** The order people read statuses in: how active goals stand, best first, then the rest. */
const CHART_ORDER: readonly DistributionBucket[] = ["ACHIEVED", "ON_TRACK", "AT_RISK", "OFF_TRACK", "OVERDUE", "CLOSED", "NOT_ACTIVE"];

/** How many goals stand where: a bar per status, its count written at its end, and the same numbers as a table. */
export function StatusDistribution({ stats }: { stats: TeamStats }) {
  const t = useTranslations("teamDashboard.distribution");
  const format = useFormatter();
  const prefix = `dist${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const total = CHART_ORDER.reduce((sum, bucket) => sum + stats.distribution[bucket], 0);
  const rows = CHART_ORDER.map((bucket) => ({ bucket, label: t(`bucket.${bucket}`), count: stats.distribution[bucket] }));
  const share = (count: number) => (total === 0 ? "–" : format.number(count / total, { style: "percent", maximumFractionDigits: 0 }));

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
      <div role="img" aria-label={t("chartLabel")} data-testid="status-distribution-chart" className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 36, bottom: 24, left: 8 }} accessibilityLayer={false}>
            <BucketPatterns prefix={prefix} />
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              allowDecimals={false}
              domain={[0, (max: number) => Math.max(1, max)]}
              tick={{ fontSize: 12, fill: "#334155" }}
              stroke="#94a3b8"
              label={{ value: t("xAxis"), position: "insideBottom", offset: -14, fontSize: 12, fill: "#475569" }}
            />
            <YAxis type="category" dataKey="label" width={128} tick={{ fontSize: 12, fill: "#1e293b" }} stroke="#94a3b8" />
            <Bar dataKey="count" isAnimationActive={false} barSize={20}>
              {rows.map((row) => (
                <Cell key={row.bucket} fill={`url(#${prefix}-${row.bucket})`} stroke={BUCKET_STYLE[row.bucket].stroke} strokeWidth={1} />
              ))}
              <LabelList dataKey="count" position="right" style={{ fontSize: 12, fill: "#0f172a", fontWeight: 600 }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="w-full text-left text-sm" data-testid="status-distribution-table">
        <caption className="pb-1 text-left text-xs text-slate-600">{t("caption")}</caption>
        <thead className="bg-slate-50 text-xs text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("columns.status")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("columns.goals")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("columns.share")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.bucket} data-bucket={row.bucket} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-1.5 font-normal">
                <span className="flex items-center gap-2">
                  <svg aria-hidden width="14" height="14" viewBox="0 0 14 14" className="shrink-0">
                    <rect x="0.5" y="0.5" width="13" height="13" fill={`url(#${prefix}t-${row.bucket})`} stroke={BUCKET_STYLE[row.bucket].stroke} />
                  </svg>
                  {row.label}
                </span>
              </th>
              <td className="px-3 py-1.5 text-right tabular-nums" data-testid="status-distribution-count">
                {format.number(row.count)}
              </td>
              <td className="px-3 py-1.5 text-right text-slate-600 tabular-nums">{share(row.count)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t border-slate-300 font-medium">
            <th scope="row" className="px-3 py-1.5 text-left">
              {t("total")}
            </th>
            <td className="px-3 py-1.5 text-right tabular-nums">{format.number(total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      {/* the table's swatches have patterns of their own: the chart's exist only once it has measured itself */}
      <svg aria-hidden width="0" height="0" className="absolute">
        <BucketPatterns prefix={`${prefix}t`} />
      </svg>
    </div>
  );
}
