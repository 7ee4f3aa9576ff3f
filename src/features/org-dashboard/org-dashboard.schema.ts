import { z } from "zod";
import { ZGoalHealth } from "@/features/checkins/checkins.schema";
import { ZGoalLevel, ZGoalStatus, ZPersonRef } from "@/features/goals/goals.schema";

/**
 * The organisation dashboard's contract. Every number counts PERFORMANCE goals only:
 * development goals are private to their owner, the manager chain, HR and ADMIN, and a
 * dashboard every member opens must neither show nor count them.
 */

/** Nodes one `orgDashboard.children` call answers at most: a wide level pages by cursor. */
export const CHILDREN_PAGE_MAX = 200;
export const CHILDREN_PAGE_DEFAULT = 100;

export const ZChildrenInput = {
  periodId: z.uuid(),
  /** the node whose children are asked for; null: the period's organisation goals */
  parentGoalId: z.uuid().nullable(),
  /** the last node of the previous page; null or absent: the first page */
  cursor: z.uuid().nullish(),
  /** tRPC's infinite queries send the paging direction with the cursor; pages only go forward */
  direction: z.enum(["forward", "backward"]).optional(),
  limit: z.number().int().min(1).max(CHILDREN_PAGE_MAX).optional(),
};

export const ZRollup = z.object({
  /** weighted mean progress of the ACTIVE and CLOSED goals linked directly under, each capped at 100 */
  progressPoints: z.number(),
  goalCount: z.number(),
});

/** One goal of the cascade tree with its own numbers and how many goals sit directly under it. */
export const ZDashboardNode = z.object({
  id: z.string(),
  title: z.string(),
  level: ZGoalLevel,
  /** the goal's lifecycle status (DRAFT, PROPOSED, ACTIVE, CLOSED) */
  status: ZGoalStatus,
  owner: ZPersonRef,
  /** team goals: their team; individual goals: the owner's team (at activation, else now) */
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  period: z.object({ id: z.string(), name: z.string() }),
  /** progress of the goal's own measure toward its target, 0 up to the stretch level; null without a measure */
  progressPoints: z.number().nullable(),
  /** ACTIVE goals with a measure: ACHIEVED, OVERDUE, ON_TRACK, AT_RISK or OFF_TRACK */
  health: ZGoalHealth.nullable(),
  stale: z.boolean(),
  /** effective date of the current check-in */
  lastCheckIn: z.string().nullable(),
  rollup: ZRollup.nullable(),
  /** the performance goals (not cancelled) linked directly under this one */
  childCount: z.number(),
});
export type DashboardNode = z.infer<typeof ZDashboardNode>;

export const ZDashboardChildren = z.object({
  nodes: z.array(ZDashboardNode),
  /** pass as `cursor` for the next page; null on the last page */
  nextCursor: z.string().nullable(),
  /** all the nodes of this level, over every page */
  total: z.number(),
});
export type DashboardChildren = z.infer<typeof ZDashboardChildren>;

export const ZHealthCounts = z.object({
  ACHIEVED: z.number(),
  OVERDUE: z.number(),
  ON_TRACK: z.number(),
  AT_RISK: z.number(),
  OFF_TRACK: z.number(),
});
export type HealthCounts = z.infer<typeof ZHealthCounts>;

/** A department's (or the whole organisation's) numbers for the period. */
export const ZComparisonRow = z.object({
  /** performance goals of the period that are not cancelled */
  goals: z.number(),
  active: z.number(),
  closed: z.number(),
  /** the ACTIVE goals by status */
  health: ZHealthCounts,
  /** ACTIVE goals without a check-in for too long */
  stale: z.number(),
  /** mean progress of the ACTIVE and CLOSED goals with a measure, each capped at 100; null when there are none */
  meanProgressPoints: z.number().nullable(),
  /** check-ins (corrections counted once) effective in the last 30 days, today included */
  checkIns30d: z.number(),
});
export type ComparisonRow = z.infer<typeof ZComparisonRow>;

export const ZDepartmentRow = ZComparisonRow.extend({ teamId: z.string(), name: z.string() });
export type DepartmentRow = z.infer<typeof ZDepartmentRow>;

export const ZDepartmentComparison = z.object({
  departments: z.array(ZDepartmentRow),
  /** every performance goal of the period: organisation goals and goals without a team included */
  organization: ZComparisonRow,
});
export type DepartmentComparison = z.infer<typeof ZDepartmentComparison>;

export const ZTrendPoint = z.object({
  /** YYYY-MM */
  month: z.string(),
  /** the day the numbers are read: the month's end, or today (or the period's end) if earlier */
  asOf: z.string(),
  /** the month is not over yet */
  partial: z.boolean(),
  /** ACTIVE and CLOSED goals with a measure that had started by `asOf` */
  goalCount: z.number(),
  /** their mean progress at `asOf` (each capped at 100); null when no goal had started */
  meanProgressPoints: z.number().nullable(),
  /** check-ins effective in the month up to `asOf` (corrections counted once) */
  checkIns: z.number(),
});
export type TrendPoint = z.infer<typeof ZTrendPoint>;

export const ZOrphanGoal = z.object({ id: z.string(), title: z.string(), status: ZGoalStatus, owner: ZPersonRef });
export type OrphanGoal = z.infer<typeof ZOrphanGoal>;

export const ZAlignment = z.object({
  /** TEAM and INDIVIDUAL performance goals, neither DRAFT nor CANCELLED, linked to a goal */
  aligned: z.number(),
  /** all such goals */
  total: z.number(),
  /** aligned ÷ total in percentage points; null when there are none */
  sharePoints: z.number().nullable(),
  /** organisation goals of the period (not cancelled) that no performance goal links to */
  orphans: z.array(ZOrphanGoal),
  orphanCount: z.number(),
});
export type Alignment = z.infer<typeof ZAlignment>;

export const ZDashboardPeriod = z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string() });

export const ZOrgDashboardOverview = z.object({
  period: ZDashboardPeriod,
  /** the day every status was worked out for */
  today: z.string(),
  comparison: ZDepartmentComparison,
  trend: z.array(ZTrendPoint),
  alignment: ZAlignment,
});
export type OrgDashboardOverview = z.infer<typeof ZOrgDashboardOverview>;
