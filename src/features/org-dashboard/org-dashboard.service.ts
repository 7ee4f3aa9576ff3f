import { todayOf } from "@/features/checkins/progress";
import { findPeriod } from "@/features/goals/goals.repository";
import { dateToIsoDate } from "@/features/periods/periods.schema";
import { notFound } from "@/lib/errors";
import { sortByName } from "@/lib/collation";
import type { OrgDb } from "@/server/db/for-org";
import type { OrgContext } from "@/server/trpc/init";
import {
  alignment as alignmentQuery,
  childNodes,
  departmentComparison,
  monthlyTrend,
  withGoalCounts,
  treeCheck,
  type AlignmentSqlRow,
  type ComparisonSqlRow,
  type DashboardParams,
  type NodeRow,
  type TrendSqlRow,
} from "./org-dashboard.repository";
import {
  CHILDREN_PAGE_DEFAULT,
  type Alignment,
  type ComparisonRow,
  type DashboardChildren,
  type DashboardNode,
  type DepartmentComparison,
  type OrgDashboardOverview,
  type TrendPoint,
} from "./org-dashboard.schema";

/**
 * The organisation dashboard. Every member opens it: it reads performance goals only, which
 * the whole organisation sees, so no number depends on who asks. Every aggregate is one
 * set-based query in the repository; this module only shapes the rows.
 */

type DashboardContext = Pick<OrgContext, "organization"> & { orgDb: OrgDb };

export function paramsOf(ctx: DashboardContext, periodId: string, now: Date): DashboardParams {
  const settings = ctx.organization.settings;
  return {
    organizationId: ctx.organization.id,
    periodId,
    today: todayOf(now),
    settings: {
      onTrackMarginPoints: settings.onTrackMarginPoints,
      atRiskMarginPoints: settings.atRiskMarginPoints,
      lowConfidenceAtOrBelow: settings.lowConfidenceAtOrBelow,
      staleAfterCadences: settings.staleAfterCadences,
      defaultCadence: settings.defaultCadence,
    },
  };
}

const num = (value: number | bigint | string | null | undefined): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: number | bigint | string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));

// ---------------------------------------------------------------------------------------
// orgDashboard.children

export function nodeOf(row: NodeRow): DashboardNode {
  const rollupCount = num(row.rollupCount);
  return {
    id: row.id,
    title: row.title,
    level: row.level,
    status: row.status,
    owner: { membershipId: row.ownerId, name: row.ownerName },
    team: row.teamId !== null && row.teamName !== null ? { id: row.teamId, name: row.teamName } : null,
    period: { id: row.periodId, name: row.periodName },
    progressPoints: numOrNull(row.progressPoints),
    health: row.health,
    stale: row.stale === true,
    lastCheckIn: row.lastCheckIn,
    // rollupOf: individual goals have nothing linked under them; nothing that counts, no roll-up
    rollup: row.level !== "INDIVIDUAL" && rollupCount > 0 && row.rollupPoints !== null ? { progressPoints: Number(row.rollupPoints), goalCount: rollupCount } : null,
    childCount: num(row.childCount),
  };
}

export async function listChildren(
  ctx: DashboardContext,
  input: { periodId: string; parentGoalId: string | null; cursor?: string | null; limit?: number },
  now: Date = new Date(),
): Promise<DashboardChildren> {
  const params = paramsOf(ctx, input.periodId, now);
  const scope = { parentGoalId: input.parentGoalId, cursor: input.cursor ?? null, limit: input.limit ?? CHILDREN_PAGE_DEFAULT };
  // side by side, as in getOverview: the nodes of a period, parent or cursor that is not the
  // organisation's are none, and are thrown away for NOT_FOUND
  const [check, rows] = await Promise.all([treeCheck(ctx.orgDb, params, scope), childNodes(ctx.orgDb, params, scope)]);
  if (!check.periodFound || !check.parentFound || !check.cursorFound) throw notFound();
  const limit = scope.limit;
  const page = rows.slice(0, limit);
  return {
    nodes: page.map(nodeOf),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
    total: num(rows[0]?.total),
  };
}

// ---------------------------------------------------------------------------------------
// orgDashboard.overview

function comparisonRowOf(row: ComparisonSqlRow | undefined): ComparisonRow {
  return {
    goals: num(row?.goals),
    active: num(row?.active),
    closed: num(row?.closed),
    health: {
      ACHIEVED: num(row?.achieved),
      OVERDUE: num(row?.overdue),
      ON_TRACK: num(row?.onTrack),
      AT_RISK: num(row?.atRisk),
      OFF_TRACK: num(row?.offTrack),
    },
    stale: num(row?.stale),
    meanProgressPoints: numOrNull(row?.meanProgressPoints),
    checkIns30d: num(row?.checkIns30d),
  };
}

export function comparisonOf(rows: readonly ComparisonSqlRow[]): DepartmentComparison {
  const departments = rows
    .filter((row) => row.teamId !== null)
    .map((row) => ({ teamId: row.teamId!, name: row.name ?? "", ...comparisonRowOf(row) }));
  return {
    departments: sortByName(departments, (row) => row.name),
    organization: comparisonRowOf(rows.find((row) => row.teamId === null)),
  };
}

export function trendOf(rows: readonly TrendSqlRow[]): TrendPoint[] {
  return rows.map((row) => {
    const goalCount = num(row.goalCount);
    return {
      month: row.month,
      asOf: row.asOf,
      partial: row.partial === true,
      goalCount,
      meanProgressPoints: goalCount > 0 ? num(row.pointsSum) / goalCount : null,
      checkIns: num(row.checkIns),
    };
  });
}

export function alignmentOf(rows: readonly AlignmentSqlRow[]): Alignment {
  const first = rows[0];
  const aligned = num(first?.aligned);
  const total = num(first?.total);
  return {
    aligned,
    total,
    sharePoints: total > 0 ? (aligned / total) * 100 : null,
    orphans: rows
      .filter((row) => row.id !== null)
      .map((row) => ({ id: row.id!, title: row.title ?? "", status: row.status!, owner: { membershipId: row.ownerId!, name: row.ownerName ?? "" } })),
    orphanCount: num(first?.orphanCount),
  };
}

export async function getOverview(ctx: DashboardContext, periodId: string, now: Date = new Date()): Promise<OrgDashboardOverview> {
  // the statements start beside the period's lookup: each binds the organisation, so another
  // organisation's period reads nothing, and its answer is thrown away for NOT_FOUND
  const params = paramsOf(ctx, periodId, now);
  const [period, comparison, trend, aligned] = await Promise.all([
    findPeriod(ctx.orgDb, periodId),
    departmentComparison(ctx.orgDb, params),
    monthlyTrend(ctx.orgDb, params),
    alignmentQuery(ctx.orgDb, params),
  ]);
  if (!period) throw notFound();
  return {
    period: { id: period.id, name: period.name, startDate: dateToIsoDate(period.startDate), endDate: dateToIsoDate(period.endDate) },
    today: params.today,
    comparison: comparisonOf(comparison.rows),
    trend: trendOf(withGoalCounts(trend, comparison.starts)),
    alignment: alignmentOf(aligned),
  };
}
