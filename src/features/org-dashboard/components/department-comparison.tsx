"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { GOAL_HEALTHS, type GoalHealthStatus } from "@/features/checkins/checkins.schema";
import { usePointsFormat } from "@/features/checkins/components/use-check-in-format";
import { EmptyState } from "@/ui/page-parts";
import type { ComparisonRow, DepartmentComparison as Comparison } from "../org-dashboard.schema";

/** A tint, an outline and a pattern per status, so the stacked bars read without colour (the legend names each). */
const HEALTH_STYLE: Record<GoalHealthStatus, { fill: string; stroke: string; pattern: "solid" | "hatch" | "dots" | "cross" | "lines" }> = {
  ACHIEVED: { fill: "#047857", stroke: "#064e3b", pattern: "solid" },
  ON_TRACK: { fill: "#d1fae5", stroke: "#047857", pattern: "hatch" },
  AT_RISK: { fill: "#fef3c7", stroke: "#b45309", pattern: "dots" },
  OFF_TRACK: { fill: "#fee2e2", stroke: "#b91c1c", pattern: "cross" },
  OVERDUE: { fill: "#fecaca", stroke: "#7f1d1d", pattern: "lines" },
};

/** Best first, the way people read a status bar. */
const HEALTH_ORDER: readonly GoalHealthStatus[] = ["ACHIEVED", "ON_TRACK", "AT_RISK", "OFF_TRACK", "OVERDUE"];

function HealthPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {GOAL_HEALTHS.map((health) => {
        const { fill, stroke, pattern } = HEALTH_STYLE[health];
        return (
          <pattern key={health} id={`${prefix}-${health}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={fill} />
            {pattern === "hatch" ? <path d="M-2 2l4-4M0 8l8-8M6 10l4-4" stroke={stroke} strokeWidth="1" strokeOpacity="0.6" /> : null}
            {pattern === "dots" ? <circle cx="4" cy="4" r="1.3" fill={stroke} fillOpacity="0.6" /> : null}
            {pattern === "cross" ? <path d="M0 0l8 8M8 0l-8 8" stroke={stroke} strokeWidth="0.9" strokeOpacity="0.6" /> : null}
            {pattern === "lines" ? <path d="M0 2h8M0 6h8" stroke={stroke} strokeWidth="1" strokeOpacity="0.6" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

function Swatch({ prefix, health }: { prefix: string; health: GoalHealthStatus }) {
  return (
    <svg aria-hidden width="14" height="14" viewBox="0 0 14 14" className="shrink-0">
      <rect x="0.5" y="0.5" width="13" height="13" fill={`url(#${prefix}-${health})`} stroke={HEALTH_STYLE[health].stroke} />
    </svg>
  );
}

type ChartRow = { key: string; name: string; mean: number | null; meanLabel: string } & Record<GoalHealthStatus, number>;

/**
 * One row per department (top-level team, its sub-teams included) and the whole organisation:
 * mean progress and how the active goals stand, as two labelled charts and one table.
 */
export function DepartmentComparison({ orgSlug, comparison, canManageTeams }: { orgSlug: string; comparison: Comparison; canManageTeams: boolean }) {
  const t = useTranslations("orgDashboard.departments");
  const tHealth = useTranslations("checkIns.health");
  const percent = usePointsFormat();
  const prefix = `dept${useId().replace(/[^a-zA-Z0-9]/g, "")}`;

  if (comparison.departments.length === 0) {
    return (
      <EmptyState title={t("emptyTitle")}>
        {canManageTeams ? (
          <Link href={`/o/${orgSlug}/admin/teams`} className="font-medium text-brand-700 underline">
            {t("emptyAdmin")}
          </Link>
        ) : (
          t("emptyBody")
        )}
      </EmptyState>
    );
  }

  const rowOf = (key: string, name: string, row: ComparisonRow): ChartRow => ({
    key,
    name,
    mean: row.meanProgressPoints,
    meanLabel: row.meanProgressPoints === null ? t("noMean") : percent(row.meanProgressPoints),
    ...row.health,
  });
  const rows = [
    ...comparison.departments.map((row) => rowOf(row.teamId, row.name, row)),
    rowOf("organization", t("organization"), comparison.organization),
  ];
  const height = 48 + rows.length * 40;
  const meanSummary = rows.map((row) => `${row.name}: ${row.meanLabel}`).join(", ");
  const healthSummary = rows
    .map((row) => `${row.name}: ${HEALTH_ORDER.map((health) => `${tHealth(health)} ${row[health]}`).join(", ")}`)
    .join("; ");

  return (
    <div className="flex flex-col gap-5">
      <div className="grid gap-6 lg:grid-cols-2">
        <figure className="flex min-w-0 flex-col gap-2">
          <figcaption className="text-sm font-medium text-slate-800">{t("meanChartTitle")}</figcaption>
          <div role="img" aria-label={t("meanChartLabel", { summary: meanSummary })} data-testid="dashboard-departments-chart" className="w-full" style={{ height }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 48, bottom: 24, left: 8 }} accessibilityLayer={false}>
                <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" horizontal={false} />
                <XAxis
                  type="number"
                  domain={[0, 100]}
                  ticks={[0, 25, 50, 75, 100]}
                  tickFormatter={(value: number) => percent(value)}
                  tick={{ fontSize: 12, fill: "#334155" }}
                  stroke="#94a3b8"
                  label={{ value: t("meanAxis"), position: "insideBottom", offset: -14, fontSize: 12, fill: "#475569" }}
                />
                <YAxis type="category" dataKey="name" width={132} tick={{ fontSize: 12, fill: "#1e293b" }} stroke="#94a3b8" />
                <Bar dataKey="mean" fill="#1d4ed8" isAnimationActive={false} barSize={18}>
                  <LabelList dataKey="meanLabel" position="right" style={{ fontSize: 12, fill: "#0f172a", fontWeight: 600 }} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        </figure>

        <figure className="flex min-w-0 flex-col gap-2">
          <figcaption className="text-sm font-medium text-slate-800">{t("healthChartTitle")}</figcaption>
          <div role="img" aria-label={t("healthChartLabel", { summary: healthSummary })} data-testid="dashboard-health-chart" className="w-full" style={{ height }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 24, left: 8 }} accessibilityLayer={false}>
                <HealthPatterns prefix={prefix} />
                <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" horizontal={false} />
                <XAxis
                  type="number"
                  allowDecimals={false}
                  domain={[0, (max: number) => Math.max(1, max)]}
                  tick={{ fontSize: 12, fill: "#334155" }}
                  stroke="#94a3b8"
                  label={{ value: t("healthAxis"), position: "insideBottom", offset: -14, fontSize: 12, fill: "#475569" }}
                />
                <YAxis type="category" dataKey="name" width={132} tick={{ fontSize: 12, fill: "#1e293b" }} stroke="#94a3b8" />
                {HEALTH_ORDER.map((health) => (
                  <Bar
                    key={health}
                    dataKey={health}
                    name={tHealth(health)}
                    stackId="health"
                    fill={`url(#${prefix}-${health})`}
                    stroke={HEALTH_STYLE[health].stroke}
                    isAnimationActive={false}
                    barSize={18}
                  >
                    <LabelList
                      dataKey={health}
                      position="center"
                      formatter={(value: unknown) => (typeof value === "number" && value > 0 ? String(value) : "")}
                      style={{ fontSize: 11, fill: health === "ACHIEVED" ? "#ffffff" : "#0f172a", fontWeight: 600 }}
                    />
                  </Bar>
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ul className="relative flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t("legend")}>
            <svg aria-hidden width="0" height="0" className="absolute">
              <HealthPatterns prefix={`${prefix}-legend`} />
            </svg>
            {HEALTH_ORDER.map((health) => (
              <li key={health} className="flex items-center gap-1.5">
                <Swatch prefix={`${prefix}-legend`} health={health} />
                {tHealth(health)}
              </li>
            ))}
          </ul>
        </figure>
      </div>

      <div className="relative overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm" data-testid="dashboard-departments-table">
          <caption className="px-3 pt-2 pb-1 text-left text-xs text-slate-600">{t("tableCaption")}</caption>
          <thead className="bg-slate-50 text-xs text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("columns.department")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("columns.goals")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("columns.active")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("columns.closed")}
              </th>
              {HEALTH_ORDER.map((health) => (
                <th key={health} scope="col" className="px-3 py-2 text-right font-medium">
                  {tHealth(health)}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("columns.stale")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("columns.mean")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("columns.checkIns30d")}
              </th>
            </tr>
          </thead>
          <tbody>
            {comparison.departments.map((row) => (
              <ComparisonTableRow
                key={row.teamId}
                testId="dashboard-department-row"
                teamId={row.teamId}
                name={
                  <Link href={`/o/${orgSlug}/teams/${row.teamId}`} className="text-brand-700 underline-offset-2 hover:underline">
                    {row.name}
                  </Link>
                }
                row={row}
              />
            ))}
            <ComparisonTableRow testId="dashboard-organization-row" name={t("organization")} row={comparison.organization} total />
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-600">{t("definitions")}</p>
    </div>
  );
}

function ComparisonTableRow({
  testId,
  teamId,
  name,
  row,
  total = false,
}: {
  testId: string;
  teamId?: string;
  name: React.ReactNode;
  row: ComparisonRow;
  total?: boolean;
}) {
  const t = useTranslations("orgDashboard.departments");
  const percent = usePointsFormat();
  const cell = "px-3 py-1.5 text-right tabular-nums";
  return (
    <tr data-testid={testId} data-team-id={teamId} className={total ? "border-t-2 border-slate-300 bg-slate-50 font-semibold" : "border-t border-slate-100"}>
      <th scope="row" className={`px-3 py-1.5 text-left whitespace-nowrap ${total ? "font-semibold" : "font-normal"}`}>
        {name}
      </th>
      <td className={cell} data-column="goals">
        {row.goals}
      </td>
      <td className={cell} data-column="active">
        {row.active}
      </td>
      <td className={cell} data-column="closed">
        {row.closed}
      </td>
      {HEALTH_ORDER.map((health) => (
        <td key={health} className={cell} data-column={health}>
          {row.health[health]}
        </td>
      ))}
      <td className={cell} data-column="stale">
        {row.stale}
      </td>
      <td className={cell} data-column="mean">
        {row.meanProgressPoints === null ? t("noMean") : percent(row.meanProgressPoints)}
      </td>
      <td className={cell} data-column="checkIns30d">
        {row.checkIns30d}
      </td>
    </tr>
  );
}
