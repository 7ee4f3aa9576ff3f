import { z } from "zod";
import { ZGoalHealth } from "@/features/checkins/checkins.schema";
import { ZGoalKind, ZGoalLevel, ZGoalStatus, ZPersonRef } from "@/features/goals/goals.schema";

/**
 * The team dashboard's contract (PRODUCT.md "Dashboards and reports"). Every number is worked
 * out in the database (team-dashboard.repository.ts); this file only names the shapes.
 */

export const teamDashboardInputShape = {
  teamId: z.uuid(),
  /** null or absent: the current period (see resolvePeriod in the service) */
  periodId: z.uuid().nullish(),
};

/**
 * The buckets of the status distribution, in the order the chart shows them: the health of
 * ACTIVE goals (smarta_health), then CLOSED goals, then goals not yet active (DRAFT and
 * PROPOSED). Cancelled goals are left out of the dashboard altogether.
 */
export const DISTRIBUTION_BUCKETS = ["OFF_TRACK", "AT_RISK", "ON_TRACK", "ACHIEVED", "OVERDUE", "CLOSED", "NOT_ACTIVE"] as const;
export const ZDistributionBucket = z.enum(DISTRIBUTION_BUCKETS);
export type DistributionBucket = z.infer<typeof ZDistributionBucket>;

/** "full": leads, their managers, HR and ADMIN; "public": everyone else (the team's own team goals only). */
export const ZDashboardAccess = z.enum(["full", "public"]);
export type DashboardAccess = z.infer<typeof ZDashboardAccess>;

const count = z.number().int().min(0);

/** The numbers of one set of goals (the dashboard's, or one sub-team's whole subtree). */
export const ZTeamStats = z.object({
  /** goals counted (every status but CANCELLED) */
  goals: count,
  teamGoals: count,
  peopleGoals: count,
  active: count,
  distribution: z.record(ZDistributionBucket, count),
  /** mean progress of ACTIVE and CLOSED goals, each capped at 100 %; null when there are none */
  meanProgressPoints: z.number().nullable(),
  /** ACTIVE goals without a check-in for longer than the stale limit */
  stale: count,
  /** ACTIVE goals whose next check-in fell due before today */
  checkInsOverdue: count,
  /** ACTIVE memberships of the team and its sub-teams; null in the public view */
  people: count.nullable(),
  /** of those, people with no goal of the period signed by both; null in the public view */
  peopleWithoutAcceptedGoal: count.nullable(),
});
export type TeamStats = z.infer<typeof ZTeamStats>;

export const ZTeamRef = z.object({ id: z.string(), name: z.string() });

export const ZDashboardGoal = z.object({
  id: z.string(),
  title: z.string(),
  level: ZGoalLevel,
  kind: ZGoalKind,
  status: ZGoalStatus,
  owner: ZPersonRef,
  /** the team the goal counts for: a team goal's team, else the owner's team at activation */
  team: ZTeamRef,
  /** progress of the current reading in percentage points (0 without one; may pass 100) */
  progressPoints: z.number(),
  health: ZGoalHealth.nullable(),
  stale: z.boolean(),
  lastCheckIn: z.string().nullable(),
  nextCheckInDue: z.string().nullable(),
  checkInOverdue: z.boolean(),
  /** signed by both the owner and the co-signer */
  accepted: z.boolean(),
});
export type DashboardGoal = z.infer<typeof ZDashboardGoal>;

const page = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), total: count });

export const ZTrendSeries = z.object({ goals: count, meanProgressPoints: z.number().nullable() });

export const ZTrendPoint = z.object({
  /** "YYYY-MM" */
  month: z.string(),
  /** the month's last day; today in the current month, the period's end in its last */
  asOf: z.string(),
  team: ZTrendSeries,
  /** null in the public view */
  people: ZTrendSeries.nullable(),
  /** mean share of time elapsed (start → due) of the goals counted, in points */
  expectedPoints: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof ZTrendPoint>;

export const ZPersonWithoutGoal = z.object({
  person: ZPersonRef,
  team: ZTeamRef,
  /** the person's DRAFT and PROPOSED goals of the period (waiting to be signed) */
  pendingGoals: count,
});
export type PersonWithoutGoal = z.infer<typeof ZPersonWithoutGoal>;

export const ZSubTeamRow = z.object({ team: ZTeamRef.extend({ archived: z.boolean() }), stats: ZTeamStats });
export type SubTeamRow = z.infer<typeof ZSubTeamRow>;

export const ZDashboardPeriod = z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string(), isCurrent: z.boolean() });

export const ZTeamDashboard = z.object({
  team: ZTeamRef.extend({
    archived: z.boolean(),
    /** the teams above, top first */
    path: z.array(ZTeamRef),
    leads: z.array(ZPersonRef),
  }),
  access: ZDashboardAccess,
  /** the day every status was worked out for */
  today: z.string(),
  /** null when the organisation has no goal period yet */
  period: ZDashboardPeriod.nullable(),
  periods: z.array(ZDashboardPeriod),
  summary: ZTeamStats,
  goals: page(ZDashboardGoal),
  /** ACTIVE goals whose next check-in is overdue, longest overdue first (stale ones flagged) */
  overdue: page(ZDashboardGoal),
  trend: z.array(ZTrendPoint),
  /** null in the public view */
  withoutAcceptedGoal: page(ZPersonWithoutGoal).nullable(),
  /** one row per direct sub-team with the numbers of its whole subtree; null in the public view */
  subTeams: z.array(ZSubTeamRow).nullable(),
});
export type TeamDashboard = z.infer<typeof ZTeamDashboard>;
