import type { GoalKind, GoalLevel, OutcomeLevel } from "@/features/goals/goals.schema";
import type { OrgDb } from "@/server/db/for-org";
import { Prisma } from "@/server/db/generated/client";
import { readingsInLastDays } from "@/features/checkins/checkins.repository";
import { jsonRows } from "@/server/db/json-column";
import type { Role } from "@/server/db/generated/enums";

/**
 * The HR report's queries: two set-based statements (no query per team, person or goal), one
 * for the headline numbers, the groups and the unconfirmed outcomes, one for the managers,
 * which the service runs side by side. Each reads the report's goals once; check-ins are
 * counted from each goal's stored reading (GoalReading: how many it has and their dates), a
 * correction and the check-in it replaces being one reading. Rows come back as JSON arrays.
 * Each binds the organisation id on every table it reads (raw SQL bypasses the tenant-scoped
 * client) and takes "today" as a parameter, never the database's CURRENT_DATE. Outcome ranks
 * come from smarta_level_rank (migration 20261129030000_status_in_sql). What each number
 * means is written once, in reports.schema.ts.
 *
 * The CTEs read more than once are MATERIALIZED: each is worked out once whatever plan the
 * database picks, which matters where it has no statistics to pick a good one (an embedded
 * database nobody has run ANALYZE on). The others are left for the planner to fold in:
 * writing 40,000 rows out and reading them back costs more than it saves, and the report's
 * goals keep their enum columns for the same reason (a cast to text is a lookup per value).
 */

/** Anything that runs raw SQL: the tenant-scoped client or transaction, or the plain client in the benchmark. */
type RawReader = Pick<OrgDb, "$queryRaw">;

export type ReportSqlFilters = {
  departmentTeamId: string | null;
  teamId: string | null;
  kind: GoalKind | null;
  level: GoalLevel | null;
  role: Role | null;
};

export type ReportParams = {
  organizationId: string;
  periodId: string;
  /** ISO date the report is worked out for */
  today: string;
  filters: ReportSqlFilters;
};

/** "The last N days": effective on one of the N days ending today. */
export const RECENT_DAYS = { short: 30, long: 60 } as const;

/** How many unconfirmed outcomes the report lists by name (the count covers all of them). */
export const UNCONFIRMED_LISTED = 500;

const org = (p: ReportParams) => Prisma.sql`${p.organizationId}::uuid`;
const today = (p: ReportParams) => Prisma.sql`${p.today}::date`;
const hasTeamFilter = (p: ReportParams) => p.filters.departmentTeamId !== null || p.filters.teamId !== null;
const inScope = (p: ReportParams, column: Prisma.Sql) =>
  hasTeamFilter(p) ? Prisma.sql`${column} IN (SELECT st."teamId" FROM scope_teams st)` : Prisma.sql`true`;

/**
 * The completion counts over report goals `s` with the period row `pr` in scope. A CLOSED
 * goal always counts as due; its outcome rank comes from smarta_level_rank, so the order of
 * the levels has one definition.
 */
const completionColumns = Prisma.sql`
  count(*)::int AS "goals",
  count(*) FILTER (WHERE s."status" = 'CLOSED' OR s."dueDate" <= pr."cutoff")::int AS "due",
  count(*) FILTER (WHERE s."status" = 'CLOSED' AND smarta_level_rank(s."outcome"::text) >= 1)::int AS "atMinimum",
  count(*) FILTER (WHERE s."status" = 'CLOSED' AND smarta_level_rank(s."outcome"::text) >= 2)::int AS "atTarget",
  count(*) FILTER (WHERE s."status" = 'CLOSED' AND smarta_level_rank(s."outcome"::text) >= 3)::int AS "atStretch",
  count(*) FILTER (WHERE s."status" = 'CLOSED')::int AS "closed",
  count(*) FILTER (WHERE s."status" = 'CLOSED' AND s."outcomeConfirmedAt" IS NULL)::int AS "unconfirmed"`;

// ---------------------------------------------------------------------------------------
// The goals, the teams and the check-ins every number reads

/** Every team with each of its ancestors, itself included (depth 0); bounded in case a cycle slipped in. */
const ancestryCte = (p: ReportParams) => Prisma.sql`
  ancestry AS MATERIALIZED (
    SELECT t."id" AS "teamId", t."id" AS "ancestorId", t."parentTeamId" AS "ancestorParentId", 0 AS "depth"
    FROM "Team" t WHERE t."organizationId" = ${org(p)}
    UNION ALL
    SELECT a."teamId", up."id", up."parentTeamId", a."depth" + 1
    FROM ancestry a JOIN "Team" up ON up."organizationId" = ${org(p)} AND up."id" = a."ancestorParentId"
    WHERE a."depth" < 100
  )`;

/** The teams the department and team filters reach, each with the teams under it (both filters: the teams in both). */
const scopeTeamsCte = (p: ReportParams) => {
  const parts = [p.filters.departmentTeamId, p.filters.teamId]
    .filter((id): id is string => id !== null)
    .map((id) => Prisma.sql`SELECT a."teamId" FROM ancestry a WHERE a."ancestorId" = ${id}::uuid`);
  return Prisma.sql`scope_teams AS MATERIALIZED (${Prisma.join(parts, " INTERSECT ")})`;
};

/** The team a goal `g` of owner `m` counts for (see reports.schema.ts). */
const goalTeam = Prisma.sql`CASE g."level" WHEN 'TEAM' THEN g."teamId" WHEN 'INDIVIDUAL' THEN COALESCE(g."teamIdAtActivation", m."teamId") END`;

const signedByBoth = Prisma.sql`(g."ownerSignedAt" IS NOT NULL AND g."managerSignedAt" IS NOT NULL)`;

/**
 * The report's goals `g` (owner `m`): the period's goals that are not CANCELLED, narrowed by
 * kind, level, the owner's role and the goal's team (see reports.schema.ts for which team a
 * goal counts for). A cancelled goal is in no number of the report. Both statements select
 * from here, each the columns it reads.
 */
const reportGoalsFrom = (p: ReportParams) => {
  const f = p.filters;
  return Prisma.sql`
    FROM "Goal" g
    JOIN "Membership" m ON m."organizationId" = ${org(p)} AND m."id" = g."ownerId"
    WHERE g."organizationId" = ${org(p)} AND g."periodId" = ${p.periodId}::uuid AND g."status" <> 'CANCELLED'
      ${f.kind ? Prisma.sql`AND g."kind" = ${f.kind}::"GoalKind"` : Prisma.empty}
      ${f.level ? Prisma.sql`AND g."level" = ${f.level}::"GoalLevel"` : Prisma.empty}
      ${f.role ? Prisma.sql`AND m."role" = ${f.role}::"Role"` : Prisma.empty}
      AND ${inScope(p, goalTeam)}`;
};

const reportGoalsCte = (p: ReportParams) => Prisma.sql`
  report_goals AS MATERIALIZED (
    SELECT g."id", g."level", g."kind", g."status", g."outcome", g."outcomeConfirmedAt", g."dueDate", g."parentGoalId", g."ownerId",
      ${signedByBoth} AS "signed",
      ${goalTeam} AS "teamId"
    ${reportGoalsFrom(p)}
  )`;

/**
 * How many readings each goal has (its check-ins no correction replaces), as the database
 * keeps them in GoalReading (migration 20261129083848_trend_totals): one narrow row per goal
 * with readings instead of a pass over every check-in of the period. Goals the filters leave
 * out are read too and simply never used.
 */
const readingsCte = (p: ReportParams) => Prisma.sql`
  readings AS (
    SELECT gr."goalId", gr."checkIns" AS "n" FROM "GoalReading" gr WHERE gr."organizationId" = ${org(p)}
  )`;

const periodCte = (p: ReportParams) => Prisma.sql`
  period AS MATERIALIZED (
    SELECT LEAST(${today(p)}, gp."endDate") AS "cutoff"
    FROM "GoalPeriod" gp WHERE gp."organizationId" = ${org(p)} AND gp."id" = ${p.periodId}::uuid
  )`;

/** The team tree and the teams the filters reach (the tree is the breakdown's too). */
const teamCtes = (p: ReportParams) => [ancestryCte(p), ...(hasTeamFilter(p) ? [scopeTeamsCte(p)] : [])];

// ---------------------------------------------------------------------------------------
// Headline numbers

const headlineCtes = (p: ReportParams) => {
  const f = p.filters;
  return [
    // goals without a check-in count as 0; only ACTIVE and CLOSED goals take check-ins
    Prisma.sql`per_goal AS (
      SELECT COALESCE(f."n", 0) AS "n" FROM report_goals s LEFT JOIN readings f ON f."goalId" = s."id"
      WHERE s."status" IN ('ACTIVE', 'CLOSED')
    )`,
    // people are placed by their team now; any of their goals of the period counts, whichever team it counted for
    Prisma.sql`people AS MATERIALIZED (
      SELECT count(*)::int AS "activePeople",
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM "Goal" g
          WHERE g."organizationId" = ${org(p)} AND g."ownerId" = m."id" AND g."periodId" = ${p.periodId}::uuid
            AND g."status" <> 'CANCELLED' AND g."ownerSignedAt" IS NOT NULL AND g."managerSignedAt" IS NOT NULL
            ${f.kind ? Prisma.sql`AND g."kind" = ${f.kind}::"GoalKind"` : Prisma.empty}
            ${f.level ? Prisma.sql`AND g."level" = ${f.level}::"GoalLevel"` : Prisma.empty}
        ))::int AS "peopleWithSignedGoal"
      FROM "Membership" m
      WHERE m."organizationId" = ${org(p)} AND m."status" = 'ACTIVE'
        ${f.role ? Prisma.sql`AND m."role" = ${f.role}::"Role"` : Prisma.empty}
        AND ${inScope(p, Prisma.sql`m."teamId"`)}
    )`,
    Prisma.sql`totals AS MATERIALIZED (
      SELECT ${completionColumns},
        count(*) FILTER (WHERE s."signed")::int AS "signedGoals",
        count(*) FILTER (WHERE s."kind" = 'PERFORMANCE' AND s."level" IN ('TEAM', 'INDIVIDUAL') AND s."status" <> 'DRAFT')::int AS "alignable",
        count(*) FILTER (WHERE s."kind" = 'PERFORMANCE' AND s."level" IN ('TEAM', 'INDIVIDUAL') AND s."status" <> 'DRAFT'
          AND s."parentGoalId" IS NOT NULL)::int AS "aligned"
      FROM report_goals s CROSS JOIN period pr
    )`,
  ];
};

// ---------------------------------------------------------------------------------------
// Per department or team

/**
 * The completion counts per group: per department (top-level team) without a team filter,
 * else per team directly under the most specific filtered team, with that team itself as a
 * group for goals that count for it directly. Goals with no team form the group with a null
 * id. Every group that could hold goals is listed (an active team with no goal reads 0).
 */
const breakdownCtes = (p: ReportParams) => {
  const root = p.filters.teamId ?? p.filters.departmentTeamId;
  const rootSql = root === null ? Prisma.sql`NULL::uuid` : Prisma.sql`${root}::uuid`;
  return [
    // each team → its group: the ancestor directly under the root (a department when the root is null)
    Prisma.sql`grouping AS MATERIALIZED (
      SELECT a."teamId", a."ancestorId" AS "groupId" FROM ancestry a WHERE a."ancestorParentId" IS NOT DISTINCT FROM ${rootSql}
      ${root === null ? Prisma.empty : Prisma.sql`UNION ALL SELECT ${rootSql}, ${rootSql}`}
    )`,
    Prisma.sql`counted AS MATERIALIZED (
      SELECT gr."groupId", ${completionColumns}
      FROM report_goals s CROSS JOIN period pr
      LEFT JOIN grouping gr ON gr."teamId" = s."teamId"
      GROUP BY gr."groupId"
    )`,
    Prisma.sql`groups AS MATERIALIZED (
      SELECT t."id" FROM "Team" t
      WHERE t."organizationId" = ${org(p)} AND t."parentTeamId" IS NOT DISTINCT FROM ${rootSql} AND t."archivedAt" IS NULL
    )`,
    Prisma.sql`breakdown_rows AS (
      SELECT COALESCE(c."groupId", gs."id")::text AS "teamId", t."name", t."archivedAt" IS NOT NULL AS "archived",
        COALESCE(c."goals", 0) AS "goals", COALESCE(c."due", 0) AS "due",
        COALESCE(c."atMinimum", 0) AS "atMinimum", COALESCE(c."atTarget", 0) AS "atTarget",
        COALESCE(c."atStretch", 0) AS "atStretch", COALESCE(c."closed", 0) AS "closed",
        COALESCE(c."unconfirmed", 0) AS "unconfirmed"
      FROM counted c
      FULL JOIN groups gs ON gs."id" = c."groupId"
      LEFT JOIN "Team" t ON t."organizationId" = ${org(p)} AND t."id" = COALESCE(c."groupId", gs."id")
    )`,
  ];
};

// ---------------------------------------------------------------------------------------
// Per manager

/**
 * Per manager (an active person with at least one active direct report): the report's goals
 * of their direct and indirect reports that are signed by both, and the check-ins on those
 * goals effective in the last 30 and 60 days. With a department or team filter, a manager is
 * listed when they or anyone below them sits in the filtered teams.
 *
 * Each person is summed up once (by_owner, one row per person with goals), then counted for
 * every manager above them: the reporting lines are walked once from the top down, each
 * person carrying the managers above them, which makes one row per (manager, report) pair
 * only at the final, numbers-only aggregation. Reporting lines cannot loop (people.service
 * and the CSV import refuse a cycle); should one slip in, its people are simply not reached.
 */
const managerCtes = (p: ReportParams) => {
  const scoped = hasTeamFilter(p);
  return [
    // only the columns the managers read, so the goals need not be materialised
    Prisma.sql`manager_goals AS (
      SELECT g."id", g."ownerId", ${signedByBoth} AS "signed"
      ${reportGoalsFrom(p)}
    )`,
    // the check-ins of the last 30 and 60 days from each goal's stored reading dates
    Prisma.sql`by_owner AS (
      SELECT s."ownerId",
        count(*) FILTER (WHERE s."signed")::int AS "signed",
        COALESCE(sum(${readingsInLastDays("r", today(p), RECENT_DAYS.short)}), 0)::int AS "n30",
        COALESCE(sum(${readingsInLastDays("r", today(p), RECENT_DAYS.long)}), 0)::int AS "n60"
      FROM manager_goals s
      LEFT JOIN "GoalReading" r ON r."organizationId" = ${org(p)} AND r."goalId" = s."id"
      GROUP BY s."ownerId"
    )`,
    // every person with the managers above them, nearest last
    Prisma.sql`lines AS (
      SELECT m."id", ARRAY[]::uuid[] AS "above"
      FROM "Membership" m WHERE m."organizationId" = ${org(p)} AND m."managerId" IS NULL
      UNION ALL
      SELECT m."id", l."above" || m."managerId"
      FROM lines l JOIN "Membership" m ON m."organizationId" = ${org(p)} AND m."managerId" = l."id"
    )`,
    Prisma.sql`per_manager AS (
      SELECT a."managerId",
        count(*) FILTER (WHERE r."managerId" = a."managerId" AND r."status" = 'ACTIVE')::int AS "directReports",
        count(*) FILTER (WHERE r."status" = 'ACTIVE')::int AS "allReports",
        COALESCE(sum(bo."signed"), 0)::int AS "goalsSigned",
        COALESCE(sum(bo."n30"), 0)::int AS "checkIns30",
        COALESCE(sum(bo."n60"), 0)::int AS "checkIns60"
        ${scoped ? Prisma.sql`, bool_or(st."teamId" IS NOT NULL) AS "reportInScope"` : Prisma.empty}
      FROM lines l
      JOIN "Membership" r ON r."organizationId" = ${org(p)} AND r."id" = l."id"
      LEFT JOIN by_owner bo ON bo."ownerId" = l."id"
      ${scoped ? Prisma.sql`LEFT JOIN scope_teams st ON st."teamId" = r."teamId"` : Prisma.empty}
      CROSS JOIN LATERAL unnest(l."above") AS a("managerId")
      GROUP BY a."managerId"
    )`,
    Prisma.sql`manager_rows AS (
      SELECT mg."id"::text AS "membershipId", u."name", t."name" AS "team",
        pm."directReports", pm."allReports", pm."goalsSigned", pm."checkIns30", pm."checkIns60"
      FROM per_manager pm
      JOIN "Membership" mg ON mg."organizationId" = ${org(p)} AND mg."id" = pm."managerId"
      JOIN "User" u ON u."id" = mg."userId"
      LEFT JOIN "Team" t ON t."organizationId" = ${org(p)} AND t."id" = mg."teamId"
      WHERE mg."status" = 'ACTIVE' AND pm."directReports" > 0
        ${scoped ? Prisma.sql`AND (pm."reportInScope" OR mg."teamId" IN (SELECT x."teamId" FROM scope_teams x))` : Prisma.empty}
    )`,
  ];
};

// ---------------------------------------------------------------------------------------
// Unconfirmed outcomes

/**
 * The report's CLOSED goals whose computed outcome nobody has confirmed yet, with the owner
 * and the owner's manager (who confirms it), the longest waiting first.
 */
const unconfirmedCte = (p: ReportParams) => Prisma.sql`
  unconfirmed_rows AS (
    SELECT g."id"::text AS "id", g."title", g."level"::text AS "level", g."outcome"::text AS "outcome",
      to_char(g."closedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "closedOn",
      m."id"::text AS "ownerId", u."name" AS "ownerName", mu."name" AS "managerName",
      row_number() OVER (ORDER BY g."closedAt" NULLS FIRST, g."title" COLLATE "C", g."id") AS "position"
    FROM report_goals s
    JOIN "Goal" g ON g."organizationId" = ${org(p)} AND g."id" = s."id"
    JOIN "Membership" m ON m."organizationId" = ${org(p)} AND m."id" = g."ownerId"
    JOIN "User" u ON u."id" = m."userId"
    LEFT JOIN "Membership" mm ON mm."organizationId" = ${org(p)} AND mm."id" = m."managerId"
    LEFT JOIN "User" mu ON mu."id" = mm."userId"
    WHERE s."status" = 'CLOSED' AND s."outcomeConfirmedAt" IS NULL
    ORDER BY "position"
    LIMIT ${UNCONFIRMED_LISTED}
  )`;

// ---------------------------------------------------------------------------------------
// The statement

export type CompletionRow = {
  goals: number;
  due: number;
  atMinimum: number;
  atTarget: number;
  atStretch: number;
  closed: number;
  unconfirmed: number;
};

export type HeadlineRow = CompletionRow & {
  cutoff: string;
  signedGoals: number;
  alignable: number;
  aligned: number;
  activePeople: number;
  peopleWithSignedGoal: number;
  checkInGoals: number;
  checkInTotal: number;
  checkInMedian: number | null;
};

export type BreakdownSqlRow = CompletionRow & { teamId: string | null; name: string | null; archived: boolean };

export type ManagerSqlRow = {
  membershipId: string;
  name: string;
  team: string | null;
  directReports: number;
  allReports: number;
  goalsSigned: number;
  checkIns30: number;
  checkIns60: number;
};

export type UnconfirmedSqlRow = {
  id: string;
  title: string;
  level: GoalLevel;
  outcome: OutcomeLevel | null;
  closedOn: string | null;
  ownerId: string;
  ownerName: string;
  managerName: string | null;
};

export type ReportRows = {
  headline: HeadlineRow;
  breakdown: BreakdownSqlRow[];
  unconfirmed: UnconfirmedSqlRow[];
};

type StatementRow = HeadlineRow & { breakdownRows: unknown; unconfirmedRows: unknown };

/**
 * The headline numbers, the groups and the unconfirmed outcomes of a period in one
 * statement; null when the period is not the organisation's.
 */
export async function reportRows(db: RawReader, p: ReportParams): Promise<ReportRows | null> {
  const ctes = [...teamCtes(p), reportGoalsCte(p), periodCte(p), readingsCte(p), ...headlineCtes(p), ...breakdownCtes(p), unconfirmedCte(p)];
  const rows = await db.$queryRaw<StatementRow[]>(Prisma.sql`
    WITH RECURSIVE ${Prisma.join(ctes, ",\n")}
    SELECT to_char(pr."cutoff", 'YYYY-MM-DD') AS "cutoff",
      tot.*,
      people."activePeople", people."peopleWithSignedGoal",
      check_ins.*,
      (SELECT COALESCE(json_agg(b), '[]'::json) FROM breakdown_rows b) AS "breakdownRows",
      (SELECT COALESCE(json_agg(ur ORDER BY ur."position"), '[]'::json) FROM unconfirmed_rows ur) AS "unconfirmedRows"
    FROM period pr
    CROSS JOIN totals tot
    CROSS JOIN people
    CROSS JOIN (
      SELECT count(*)::int AS "checkInGoals", COALESCE(sum(pg."n"), 0)::int AS "checkInTotal",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY pg."n") AS "checkInMedian"
      FROM per_goal pg
    ) check_ins`);
  const row = rows[0];
  if (!row) return null;
  const { breakdownRows, unconfirmedRows, ...headline } = row;
  return {
    headline: { ...headline, checkInMedian: headline.checkInMedian === null ? null : Number(headline.checkInMedian) },
    breakdown: jsonRows<BreakdownSqlRow>(breakdownRows),
    unconfirmed: jsonRows<UnconfirmedSqlRow>(unconfirmedRows),
  };
}

/** The per-manager rows of a period in one statement. */
export async function managerRows(db: RawReader, p: ReportParams): Promise<ManagerSqlRow[]> {
  const ctes = [...(hasTeamFilter(p) ? teamCtes(p) : []), ...managerCtes(p)];
  const rows = await db.$queryRaw<{ managerRows: unknown }[]>(Prisma.sql`
    WITH RECURSIVE ${Prisma.join(ctes, ",\n")}
    SELECT COALESCE(json_agg(mr), '[]'::json) AS "managerRows" FROM manager_rows mr`);
  return jsonRows<ManagerSqlRow>(rows[0]?.managerRows);
}

export type TeamChoiceRow = { id: string; name: string; parentTeamId: string | null; departmentId: string; archived: boolean };

/** Every team of the organisation with the department (top-level team) it sits in. */
export function teamChoices(db: RawReader, p: Pick<ReportParams, "organizationId">): Promise<TeamChoiceRow[]> {
  const orgId = Prisma.sql`${p.organizationId}::uuid`;
  return db.$queryRaw<TeamChoiceRow[]>(Prisma.sql`
    WITH RECURSIVE up AS (
      SELECT t."id" AS "teamId", t."id" AS "ancestorId", t."parentTeamId" AS "ancestorParentId", 0 AS "depth"
      FROM "Team" t WHERE t."organizationId" = ${orgId}
      UNION ALL
      SELECT u."teamId", p."id", p."parentTeamId", u."depth" + 1
      FROM up u JOIN "Team" p ON p."organizationId" = ${orgId} AND p."id" = u."ancestorParentId"
      WHERE u."depth" < 100
    )
    SELECT t."id"::text AS "id", t."name", t."parentTeamId"::text AS "parentTeamId", u."ancestorId"::text AS "departmentId",
      t."archivedAt" IS NOT NULL AS "archived"
    FROM "Team" t
    JOIN up u ON u."teamId" = t."id" AND u."ancestorParentId" IS NULL
    WHERE t."organizationId" = ${orgId}`);
}
