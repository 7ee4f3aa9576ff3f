import { todayOf } from "@/features/checkins/progress";
import type { GoalHealthStatus } from "@/features/checkins/checkins.schema";
import { membershipsBelow } from "@/features/goals/goals.repository";
import type { GoalContext } from "@/features/goals/goals.service";
import type { GoalKind, GoalLevel, GoalStatus } from "@/features/goals/goals.schema";
import { dateToIsoDate } from "@/features/periods/periods.schema";
import { sortByName } from "@/lib/collation";
import { notFound } from "@/lib/errors";
import { choosePeriod, dashboardAccessOf } from "./access";
import {
  goalFacts,
  listPeriods,
  teamPeople,
  teamTree,
  type DashboardScope,
  type GoalListRow,
  type PeopleCountRow,
  type StatsRow,
} from "./team-dashboard.repository";
import { DISTRIBUTION_BUCKETS, type DashboardGoal, type TeamDashboard, type TeamStats } from "./team-dashboard.schema";

/** The longest lists one answer carries; the totals say how many there are in all. */
export const GOALS_LIMIT = 200;
export const OVERDUE_LIMIT = 100;
export const PEOPLE_LIMIT = 200;

/** A branch's (or the whole team's) goal numbers with its people's, as the API reports them. */
function statsOf(goals: StatsRow | undefined, people: PeopleCountRow | undefined | null): TeamStats {
  const count = (value: number | undefined) => Number(value ?? 0);
  const distribution = Object.fromEntries(DISTRIBUTION_BUCKETS.map((bucket) => [bucket, count(goals?.[bucket])])) as TeamStats["distribution"];
  return {
    goals: count(goals?.goals),
    teamGoals: count(goals?.teamGoals),
    peopleGoals: count(goals?.peopleGoals),
    active: count(goals?.active),
    distribution,
    meanProgressPoints: goals?.meanProgress ?? null,
    stale: count(goals?.stale),
    checkInsOverdue: count(goals?.checkInsOverdue),
    // null: the public view, which counts no people
    people: people === null ? null : count(people?.people),
    peopleWithoutAcceptedGoal: people === null ? null : count(people?.without),
  };
}

function goalOf(row: GoalListRow): DashboardGoal {
  return {
    id: row.id,
    title: row.title,
    level: row.level as GoalLevel,
    kind: row.kind as GoalKind,
    status: row.status as GoalStatus,
    owner: { membershipId: row.ownerId, name: row.ownerName },
    team: { id: row.teamId, name: row.teamName },
    progressPoints: row.progress,
    health: row.health as GoalHealthStatus | null,
    stale: row.stale,
    lastCheckIn: row.lastCheckIn,
    nextCheckInDue: row.nextDue,
    checkInOverdue: row.checkInOverdue,
    accepted: row.accepted,
  };
}

/**
 * The team dashboard for a period (default: the current one). Statements per request,
 * whatever the team's size: the team's tree with its leads (1), the periods (1), the caller's
 * reporting line (1; not for HR and ADMIN, who see every goal anyway), every goal number, list
 * and the monthly trend (1) and, in the full view, the people (1): 3 to 5 in all.
 */
export async function getTeamDashboard(
  ctx: GoalContext,
  input: { teamId: string; periodId?: string | null },
  now: Date = new Date(),
): Promise<TeamDashboard> {
  const organizationId = ctx.organization.id;
  const today = todayOf(now);
  const readAll = ctx.can("goal.readAll");
  const [tree, periodRows, below] = await Promise.all([
    teamTree(ctx.orgDb, organizationId, input.teamId),
    listPeriods(ctx.orgDb),
    readAll ? Promise.resolve([]) : membershipsBelow(ctx.orgDb, organizationId, ctx.membership.id),
  ]);
  const up = tree.filter((row) => row.direction === "up");
  const down = tree.filter((row) => row.direction === "down");
  const self = up.filter((row) => row.depth === 0);
  if (self.length === 0) throw notFound();

  const periods = periodRows.map((period) => ({
    id: period.id,
    name: period.name,
    startDate: dateToIsoDate(period.startDate),
    endDate: dateToIsoDate(period.endDate),
    isCurrent: period.isCurrent,
  }));
  const period = choosePeriod(periods, input.periodId, today);
  if (period === undefined) throw notFound();

  const leadIds = up.flatMap((row) => (row.leadId ? [row.leadId] : []));
  const access = dashboardAccessOf({ membershipId: ctx.membership.id, readsReports: ctx.can("report.read"), below: new Set(below) }, leadIds);
  const full = access === "full";
  const teamRow = self[0]!;
  const team = {
    id: teamRow.teamId,
    name: teamRow.name,
    archived: teamRow.archived,
    path: up
      .filter((row, index) => row.depth > 0 && up.findIndex((other) => other.teamId === row.teamId) === index)
      .sort((a, b) => b.depth - a.depth)
      .map((row) => ({ id: row.teamId, name: row.name })),
    leads: self.flatMap((row) => (row.leadId && row.leadName !== null ? [{ membershipId: row.leadId, name: row.leadName }] : [])),
  };
  const directSubTeams = sortByName(
    down.filter((row) => row.depth === 1),
    (row) => row.name,
  );

  if (period === null) {
    return {
      team,
      access,
      today,
      period: null,
      periods,
      summary: statsOf(undefined, full ? undefined : null),
      goals: { rows: [], total: 0 },
      overdue: { rows: [], total: 0 },
      trend: [],
      withoutAcceptedGoal: full ? { rows: [], total: 0 } : null,
      subTeams: full ? [] : null,
    };
  }

  const scope: DashboardScope = {
    organizationId,
    subtree: down.map((row) => ({ id: row.teamId, branch: row.branch, depth: row.depth })),
    periodId: period.id,
    period,
    today,
    full,
    readAll,
    visibleOwners: [ctx.membership.id, ...below],
    settings: ctx.organization.settings,
  };

  const [facts, people] = await Promise.all([
    goalFacts(ctx.orgDb, scope, { goals: GOALS_LIMIT, overdue: OVERDUE_LIMIT }),
    full ? teamPeople(ctx.orgDb, scope, PEOPLE_LIMIT) : Promise.resolve(null),
  ]);

  const goalsOf = (branch: string | null) => facts.stats.find((row) => (branch === null ? row.isTotal : !row.isTotal && row.branch === branch));
  const peopleOf = (branch: string | null) =>
    people === null ? null : people.counts.find((row) => (branch === null ? row.isTotal : !row.isTotal && row.branch === branch));

  return {
    team,
    access,
    today,
    period,
    periods,
    summary: statsOf(goalsOf(null), peopleOf(null)),
    goals: { rows: facts.goals.map(goalOf), total: facts.goalsTotal },
    overdue: { rows: facts.overdue.map(goalOf), total: facts.overdueTotal },
    trend: facts.trend.map((row) => ({
      month: row.month,
      asOf: row.asOf,
      team: { goals: Number(row.teamGoals), meanProgressPoints: row.teamMean },
      people: full ? { goals: Number(row.peopleGoals), meanProgressPoints: row.peopleMean } : null,
      expectedPoints: row.expected,
    })),
    withoutAcceptedGoal: people
      ? {
          // the database orders by bytes; people read names the Swedish way
          rows: sortByName(people.without, (row) => row.name).map((row) => ({
            person: { membershipId: row.membershipId, name: row.name },
            team: { id: row.teamId, name: row.teamName },
            pendingGoals: Number(row.pendingGoals),
          })),
          total: people.withoutTotal,
        }
      : null,
    subTeams: full
      ? directSubTeams.map((row) => ({
          team: { id: row.teamId, name: row.name, archived: row.archived },
          stats: statsOf(goalsOf(row.teamId), peopleOf(row.teamId)),
        }))
      : null,
  };
}
