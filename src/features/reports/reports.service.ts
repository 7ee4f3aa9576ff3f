import { todayOf } from "@/features/checkins/progress";
import type { GoalContext } from "@/features/goals/goals.service";
import { findPeriod } from "@/features/periods/periods.repository";
import { PREFER_HASH_JOINS, inReportTransaction } from "@/server/db/report-statement";
import { dateToIsoDate } from "@/features/periods/periods.schema";
import { compareNames } from "@/lib/collation";
import { AppError, notFound } from "@/lib/errors";
import { completionOf, ratioOf } from "./ratio";
import { managerRows, reportRows, teamChoices, type ReportParams, type ReportSqlFilters } from "./reports.repository";
import type { BreakdownRow, HrReport, HrReportQuery } from "./reports.schema";

/** What the report needs of the caller's context (the benchmark builds one without tRPC). */
export type ReportContext = Pick<GoalContext, "organization" | "orgDb">;

/**
 * The filters as the database reads them, after checking the teams they name: a team of
 * another organisation (or none) answers NOT_FOUND like a missing one; a department must be
 * a top-level team.
 */
async function resolveFilters(ctx: ReportContext, query: HrReportQuery): Promise<ReportSqlFilters> {
  const f = query.filters ?? {};
  const filters: ReportSqlFilters = {
    departmentTeamId: f.departmentTeamId ?? null,
    teamId: f.teamId ?? null,
    kind: f.kind ?? null,
    level: f.level ?? null,
    role: f.role ?? null,
  };
  const ids = [filters.departmentTeamId, filters.teamId].filter((id): id is string => id !== null);
  if (ids.length > 0) {
    const teams = await ctx.orgDb.team.findMany({ where: { id: { in: ids } }, select: { id: true, parentTeamId: true } });
    const found = new Map(teams.map((team) => [team.id, team]));
    if (ids.some((id) => !found.has(id))) throw notFound();
    if (filters.departmentTeamId !== null && found.get(filters.departmentTeamId)!.parentTeamId !== null) {
      throw new AppError("BAD_REQUEST", "reports.errors.notDepartment", {}, { "filters.departmentTeamId": ["reports.errors.notDepartment"] });
    }
  }
  return filters;
}

/** Groups in name order (Swedish collation, as everywhere), goals with no team last. */
function byGroupName(a: BreakdownRow, b: BreakdownRow): number {
  if (a.team === null || b.team === null) return a.team === null ? (b.team === null ? 0 : 1) : -1;
  return compareNames(a.team.name, b.team.name) || a.team.id.localeCompare(b.team.id);
}

/**
 * The HR report of a period: see reports.schema.ts for what every number means. Three
 * set-based statements whatever the size of the organisation, run side by side on
 * PostgreSQL (one after the other on the embedded database, which has one connection).
 */
export async function hrReport(ctx: ReportContext, query: HrReportQuery, now: Date = new Date()): Promise<HrReport> {
  const period = await findPeriod(ctx.orgDb, query.periodId);
  if (!period) throw notFound();
  const filters = await resolveFilters(ctx, query);
  const params: ReportParams = { organizationId: ctx.organization.id, periodId: period.id, today: todayOf(now), filters };
  const [rows, managers, teams] = await Promise.all([
    inReportTransaction(ctx.orgDb, (tx) => reportRows(tx, params)),
    inReportTransaction(ctx.orgDb, (tx) => managerRows(tx, params), PREFER_HASH_JOINS),
    teamChoices(ctx.orgDb, params),
  ]);
  // the period was found above; it is missing only if it vanished in between
  if (!rows) throw notFound();
  const head = rows.headline;

  return {
    period: {
      id: period.id,
      name: period.name,
      startDate: dateToIsoDate(period.startDate),
      endDate: dateToIsoDate(period.endDate),
      isCurrent: period.isCurrent,
      closedOn: period.closedAt ? dateToIsoDate(period.closedAt) : null,
    },
    today: params.today,
    cutoff: head.cutoff,
    filters,
    goals: head.goals,
    completion: completionOf(head),
    signedGoals: ratioOf(head.signedGoals, head.goals),
    peopleWithSignedGoal: ratioOf(head.peopleWithSignedGoal, head.activePeople),
    aligned: ratioOf(head.aligned, head.alignable),
    checkIns: { goals: head.checkInGoals, total: head.checkInTotal, median: head.checkInMedian },
    breakdown: {
      by: filters.teamId === null && filters.departmentTeamId === null ? "department" : "team",
      rows: rows.breakdown
        .map(
          (row): BreakdownRow => ({
            team: row.teamId === null ? null : { id: row.teamId, name: row.name ?? "", archived: row.archived },
            goals: row.goals,
            completion: completionOf(row),
          }),
        )
        .sort(byGroupName),
    },
    managers: managers
      .map((row) => ({ ...row }))
      .sort((a, b) => compareNames(a.name, b.name) || a.membershipId.localeCompare(b.membershipId)),
    unconfirmedGoals: rows.unconfirmed.map((row) => ({
      id: row.id,
      title: row.title,
      level: row.level,
      outcome: row.outcome,
      closedOn: row.closedOn,
      owner: { membershipId: row.ownerId, name: row.ownerName },
      managerName: row.managerName,
    })),
    teams: teams.sort((a, b) => compareNames(a.name, b.name) || a.id.localeCompare(b.id)),
  };
}
