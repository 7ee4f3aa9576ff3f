import type { Cadence } from "@/features/goals/goals.schema";
import type { OrgDb } from "@/server/db/for-org";
import { notReplaced } from "@/features/checkins/checkins.repository";
import { Prisma } from "@/server/db/generated/client";

/**
 * The team dashboard's queries: three statements per request whatever the team's size (the
 * team's tree, its goals' numbers and lists, its people), never one per team, person or goal.
 * Every table read binds the organisation id, because raw SQL bypasses the tenant-scoped data
 * access.
 *
 * Which goals count (the rule the dashboard documents):
 * - the team's subtree is the team and every team below it (Team.parentTeamId, walked once);
 * - a goal counts for the team its level names: a TEAM goal for its own team (Goal.teamId);
 *   an INDIVIDUAL goal for its owner's team at activation (Goal.teamIdAtActivation, so moving
 *   a person later does not rewrite the past), or, before it was ever activated, for the
 *   owner's current team; ORGANIZATION goals belong to no team;
 * - goals of the chosen period, every status but CANCELLED;
 * - development goals only where the caller may see them (owner, manager chain, HR, ADMIN);
 * - the public view keeps only the team's own PERFORMANCE goals at TEAM level.
 * People are the ACTIVE memberships whose team is in the subtree.
 */

/** Deeper than any real team tree; stops the walk should a cycle ever slip in. */
const MAX_TEAM_DEPTH = 64;

// ---------------------------------------------------------------------------------------
// The team: the teams above it with their leads, and its subtree

export type TeamTreeRow = {
  /** "up": the team (depth 0) and the teams above it, one row per active lead; "down": the subtree */
  direction: "up" | "down";
  teamId: string;
  name: string;
  depth: number;
  archived: boolean;
  /** down: the direct sub-team the team lies under (null for the team itself) */
  branch: string | null;
  leadId: string | null;
  leadName: string | null;
};

/** The team's path up with the leads on it, and its subtree down, in one statement; no rows when the organisation has no such team. */
export function teamTree(db: OrgDb, organizationId: string, teamId: string): Promise<TeamTreeRow[]> {
  const org = Prisma.sql`${organizationId}::uuid`;
  return db.$queryRaw<TeamTreeRow[]>(Prisma.sql`
    WITH RECURSIVE up AS (
      SELECT t."id", t."name", t."parentTeamId", t."archivedAt", 0 AS "depth"
      FROM "Team" t
      WHERE t."organizationId" = ${org} AND t."id" = ${teamId}::uuid
      UNION ALL
      SELECT p."id", p."name", p."parentTeamId", p."archivedAt", up."depth" + 1
      FROM up
      JOIN "Team" p ON p."organizationId" = ${org} AND p."id" = up."parentTeamId"
      WHERE up."depth" < ${MAX_TEAM_DEPTH}
    ),
    down AS (
      SELECT t."id", t."name", t."archivedAt", NULL::uuid AS "branch", 0 AS "depth"
      FROM "Team" t
      WHERE t."organizationId" = ${org} AND t."id" = ${teamId}::uuid
      UNION ALL
      SELECT c."id", c."name", c."archivedAt", COALESCE(down."branch", c."id"), down."depth" + 1
      FROM down
      JOIN "Team" c ON c."organizationId" = ${org} AND c."parentTeamId" = down."id"
      WHERE down."depth" < ${MAX_TEAM_DEPTH}
    )
    SELECT 'up' AS "direction", up."id"::text AS "teamId", up."name", up."depth", up."archivedAt" IS NOT NULL AS "archived",
           NULL::text AS "branch", lm."id"::text AS "leadId", u."name" AS "leadName"
    FROM up
    LEFT JOIN "TeamLead" l ON l."organizationId" = ${org} AND l."teamId" = up."id"
    LEFT JOIN "Membership" lm ON lm."organizationId" = ${org} AND lm."id" = l."membershipId" AND lm."status" = 'ACTIVE'
    LEFT JOIN "User" u ON u."id" = lm."userId"
    UNION ALL
    SELECT 'down', down."id"::text, down."name", down."depth", down."archivedAt" IS NOT NULL, down."branch"::text, NULL, NULL
    FROM down`);
}

export function listPeriods(db: OrgDb) {
  return db.goalPeriod.findMany({
    select: { id: true, name: true, startDate: true, endDate: true, isCurrent: true },
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
  });
}

// ---------------------------------------------------------------------------------------
// The scope every later statement reads

export type SubtreeTeam = { id: string; branch: string | null; depth: number };

export type DashboardScope = {
  organizationId: string;
  /** the team and its subtree, as teamTree found it */
  subtree: readonly SubtreeTeam[];
  periodId: string;
  period: { startDate: string; endDate: string };
  today: string;
  /** false: the public view (the team's own team goals only, no people) */
  full: boolean;
  /** HR and ADMIN see every development goal */
  readAll: boolean;
  /** otherwise development goals of these owners only (the caller and everyone below them) */
  visibleOwners: readonly string[];
  settings: {
    onTrackMarginPoints: number;
    atRiskMarginPoints: number;
    lowConfidenceAtOrBelow: number;
    staleAfterCadences: number;
    defaultCadence: Cadence;
  };
};

const orgOf = (scope: DashboardScope) => Prisma.sql`${scope.organizationId}::uuid`;

/**
 * `tree`: the subtree handed in as arrays. The planner sees its true size (a recursive CTE
 * would be guessed at thousands of rows, and with it every join and the JIT's threshold).
 */
function treeFromArrays(scope: DashboardScope): Prisma.Sql {
  const ids = scope.subtree.map((team) => team.id);
  const branches = scope.subtree.map((team) => team.branch);
  const depths = scope.subtree.map((team) => team.depth);
  return Prisma.sql`
    tree AS (
      SELECT * FROM unnest(${ids}::uuid[], ${branches}::uuid[], ${depths}::int[]) AS t("id", "branch", "depth")
    )`;
}

// ---------------------------------------------------------------------------------------
// The goals: numbers per branch, the lists and the monthly trend in one statement

export type StatsRow = {
  branch: string | null;
  isTotal: boolean;
  goals: number;
  teamGoals: number;
  peopleGoals: number;
  active: number;
  ACHIEVED: number;
  ON_TRACK: number;
  AT_RISK: number;
  OFF_TRACK: number;
  OVERDUE: number;
  CLOSED: number;
  NOT_ACTIVE: number;
  meanProgress: number | null;
  stale: number;
  checkInsOverdue: number;
};

export type GoalListRow = {
  id: string;
  title: string;
  level: string;
  kind: string;
  status: string;
  ownerId: string;
  ownerName: string;
  teamId: string;
  teamName: string;
  progress: number;
  health: string | null;
  stale: boolean;
  lastCheckIn: string | null;
  nextDue: string | null;
  checkInOverdue: boolean;
  accepted: boolean;
};

export type TrendRow = {
  month: string;
  asOf: string;
  teamGoals: number;
  teamMean: number | null;
  peopleGoals: number;
  peopleMean: number | null;
  expected: number | null;
};

export type GoalFactsResult = {
  stats: StatsRow[];
  goals: GoalListRow[];
  goalsTotal: number;
  overdue: GoalListRow[];
  overdueTotal: number;
  trend: TrendRow[];
};

/**
 * Everything the dashboard says about goals, from one pass over them: the goals in scope are
 * found once (MATERIALIZED) with their current reading and what the SQL status functions make
 * of it today, and every output reads that set:
 * - stats: one row for the whole team (isTotal) and one per branch (GROUPING SETS);
 * - goals: team goals first (own team, then sub-teams), the most urgent first; at most `limits.goals`;
 * - overdue: ACTIVE goals whose next check-in fell due before today, the longest overdue first;
 * - trend: the mean progress at each month end of the period (today for the current month, the
 *   period's end for its last), from the reading each goal had then.
 */
export async function goalFacts(db: OrgDb, scope: DashboardScope, limits: { goals: number; overdue: number }): Promise<GoalFactsResult> {
  const org = orgOf(scope);
  const { settings } = scope;
  const today = Prisma.sql`${scope.today}::date`;
  const base = Prisma.sql`g."organizationId" = ${org} AND g."periodId" = ${scope.periodId}::uuid AND g."status" <> 'CANCELLED'`;
  const visible = scope.readAll
    ? Prisma.empty
    : Prisma.sql`AND (g."kind" <> 'DEVELOPMENT' OR g."ownerId" = ANY(${[...scope.visibleOwners]}::uuid[]))`;
  const publicOnly = scope.full ? Prisma.empty : Prisma.sql`AND g."level" = 'TEAM' AND g."kind" = 'PERFORMANCE' AND tree."depth" = 0`;
  const bucket = (health: string) => Prisma.sql`count(*) FILTER (WHERE f."status" = 'ACTIVE' AND f."health" = ${health})`;
  const capped = (reading: Prisma.Sql) =>
    Prisma.sql`LEAST(smarta_progress_points(s."measureType", s."baseline", s."target", s."stretch", ${reading}), 100::float8)`;
  const listColumns = Prisma.sql`
    f."id"::text AS "id", f."title", f."level", f."kind", f."status",
    f."ownerId"::text AS "ownerId", u."name" AS "ownerName", f."teamId"::text AS "teamId", t."name" AS "teamName",
    f."progress", f."health", f."stale",
    to_char(f."lastCheckIn", 'YYYY-MM-DD') AS "lastCheckIn", to_char(f."nextDue", 'YYYY-MM-DD') AS "nextDue",
    COALESCE(f."nextDue" < ${today}, false) AS "checkInOverdue", f."accepted"`;
  const listJoins = Prisma.sql`
    JOIN "Membership" m ON m."organizationId" = ${org} AND m."id" = f."ownerId"
    JOIN "User" u ON u."id" = m."userId"
    JOIN "Team" t ON t."organizationId" = ${org} AND t."id" = f."teamId"`;
  const urgency = Prisma.sql`CASE WHEN f."status" = 'ACTIVE' THEN CASE f."health" WHEN 'OVERDUE' THEN 0 WHEN 'OFF_TRACK' THEN 1
      WHEN 'AT_RISK' THEN 2 WHEN 'ON_TRACK' THEN 3 WHEN 'ACHIEVED' THEN 4 ELSE 5 END
    WHEN f."status" = 'CLOSED' THEN 6 ELSE 7 END`;

  const rows = await db.$queryRaw<GoalFactsResult[]>(Prisma.sql`
    WITH ${treeFromArrays(scope)},
    -- each branch can use an index: team goals by team, goals never activated by their owners' team;
    -- goals by their team at activation are read from the period's goals
    candidates AS (
      SELECT g."id", g."teamId" AS "team" FROM "Goal" g
      WHERE ${base} AND g."level" = 'TEAM' AND g."teamId" IN (SELECT "id" FROM tree)
      UNION ALL
      SELECT g."id", g."teamIdAtActivation" FROM "Goal" g
      WHERE ${base} AND g."level" = 'INDIVIDUAL' AND g."teamIdAtActivation" IN (SELECT "id" FROM tree)
      UNION ALL
      SELECT g."id", o."teamId" FROM "Membership" o
      JOIN "Goal" g ON g."organizationId" = ${org} AND g."ownerId" = o."id"
      WHERE o."organizationId" = ${org} AND o."teamId" IN (SELECT "id" FROM tree)
        AND ${base} AND g."level" = 'INDIVIDUAL' AND g."teamIdAtActivation" IS NULL
    ),
    scoped AS MATERIALIZED (
      SELECT g."id", g."title", g."level"::text AS "level", g."kind"::text AS "kind", g."status"::text AS "status",
             g."ownerId", tree."id" AS "teamId", tree."branch", tree."depth",
             g."measureType"::text AS "measureType", g."baseline"::float8 AS "baseline", g."minimum"::float8 AS "minimum",
             g."target"::float8 AS "target", g."stretch"::float8 AS "stretch", g."startDate", g."dueDate",
             COALESCE(g."cadence"::text, ${settings.defaultCadence}) AS "cadence",
             (g."ownerSignedAt" IS NOT NULL AND g."managerSignedAt" IS NOT NULL) AS "accepted"
      FROM candidates k
      JOIN "Goal" g ON g."organizationId" = ${org} AND g."id" = k."id"
      JOIN tree ON tree."id" = k."team"
      WHERE TRUE ${visible} ${publicOnly}
    ),
    -- the goals' check-ins that no correction replaces, each the reading from its effective date
    -- until the next one's; the last in the order they apply (no "until") is the current reading
    readings AS MATERIALIZED (
      SELECT c."goalId", c."effectiveDate" AS "from", c."value"::float8 AS "value", c."confidence",
             LEAD(c."effectiveDate") OVER (PARTITION BY c."goalId" ORDER BY c."effectiveDate", c."createdAt", c."id") AS "until"
      FROM "CheckIn" c
      WHERE c."organizationId" = ${org} AND c."goalId" IN (SELECT "id" FROM scoped)
        AND ${notReplaced("c", org)}
    ),
    facts AS MATERIALIZED (
      SELECT s.*, cur."from" AS "lastCheckIn",
             smarta_progress_points(s."measureType", s."baseline", s."target", s."stretch", cur."value") AS "progress",
             smarta_health(s."status", s."measureType", s."baseline", s."minimum", s."target", s."stretch", cur."value", cur."confidence",
                           s."startDate", s."dueDate", ${today}, ${settings.onTrackMarginPoints}::float8,
                           ${settings.atRiskMarginPoints}::float8, ${settings.lowConfidenceAtOrBelow}::float8) AS "health",
             smarta_stale(s."status", s."measureType", s."target", s."startDate", s."dueDate", cur."from", s."cadence",
                          ${settings.staleAfterCadences}::float8, ${today}) AS "stale",
             -- as nextCheckInDueOf: one cadence after the later of the start and the current check-in
             CASE WHEN s."status" = 'ACTIVE' AND smarta_has_measure(s."measureType", s."target") AND s."startDate" IS NOT NULL AND s."dueDate" IS NOT NULL
                  THEN GREATEST(s."startDate", cur."from") + smarta_cadence_days(s."cadence") END AS "nextDue"
      FROM scoped s
      LEFT JOIN readings cur ON cur."goalId" = s."id" AND cur."until" IS NULL
    ),
    per_branch AS (
      SELECT f."branch"::text AS "branch", GROUPING(f."branch") = 1 AS "isTotal",
             count(*) AS "goals",
             count(*) FILTER (WHERE f."level" = 'TEAM') AS "teamGoals",
             count(*) FILTER (WHERE f."level" = 'INDIVIDUAL') AS "peopleGoals",
             count(*) FILTER (WHERE f."status" = 'ACTIVE') AS "active",
             ${bucket("ACHIEVED")} AS "ACHIEVED",
             ${bucket("ON_TRACK")} AS "ON_TRACK",
             ${bucket("AT_RISK")} AS "AT_RISK",
             ${bucket("OFF_TRACK")} AS "OFF_TRACK",
             ${bucket("OVERDUE")} AS "OVERDUE",
             count(*) FILTER (WHERE f."status" = 'CLOSED') AS "CLOSED",
             count(*) FILTER (WHERE f."status" IN ('DRAFT', 'PROPOSED')) AS "NOT_ACTIVE",
             -- as the roll-up: each goal capped at 100 %, so one far past its target hides no other
             avg(LEAST(f."progress", 100::float8)) FILTER (
               WHERE f."status" IN ('ACTIVE', 'CLOSED') AND smarta_has_measure(f."measureType", f."target")
             ) AS "meanProgress",
             count(*) FILTER (WHERE f."stale") AS "stale",
             count(*) FILTER (WHERE f."nextDue" < ${today}) AS "checkInsOverdue"
      FROM facts f
      GROUP BY GROUPING SETS ((f."branch"), ())
    ),
    -- the lists: the first rows by a top-N sort, numbered afterwards for json_agg's order
    goal_list AS (
      SELECT l.*, row_number() OVER (ORDER BY l."teamFirst" DESC, l."depth", l."urgency", l."ownerName", l."title", l."id") AS "position"
      FROM (
        SELECT ${listColumns}, (f."level" = 'TEAM') AS "teamFirst", f."depth", ${urgency} AS "urgency"
        FROM facts f ${listJoins}
        ORDER BY (f."level" = 'TEAM') DESC, f."depth", ${urgency}, u."name", f."title", f."id"
        LIMIT ${limits.goals}
      ) l
    ),
    overdue_list AS (
      SELECT l.*, row_number() OVER (ORDER BY l."nextDue", l."id") AS "position"
      FROM (
        SELECT ${listColumns}
        FROM facts f ${listJoins}
        WHERE f."nextDue" < ${today}
        ORDER BY f."nextDue", f."id"
        LIMIT ${limits.overdue}
      ) l
    ),
    points AS (
      SELECT to_char(m, 'YYYY-MM') AS "month", LEAST((m + interval '1 month - 1 day')::date, ${today}, ${scope.period.endDate}::date) AS "asOf"
      FROM generate_series(
        date_trunc('month', ${scope.period.startDate}::date::timestamp),
        date_trunc('month', LEAST(${scope.period.endDate}::date, ${today})::timestamp),
        interval '1 month'
      ) AS m
    ),
    -- at each point, the ACTIVE and CLOSED goals that had started, each with the reading whose
    -- [from, until) holds that day (none yet: 0 %); a correction counts from its own date and the
    -- check-in it replaces counts nowhere
    trend AS (
      SELECT p."month", to_char(p."asOf", 'YYYY-MM-DD') AS "asOf",
             count(s."id") FILTER (WHERE s."level" = 'TEAM') AS "teamGoals",
             avg(${capped(Prisma.sql`r."value"`)}) FILTER (WHERE s."level" = 'TEAM') AS "teamMean",
             count(s."id") FILTER (WHERE s."level" = 'INDIVIDUAL') AS "peopleGoals",
             avg(${capped(Prisma.sql`r."value"`)}) FILTER (WHERE s."level" = 'INDIVIDUAL') AS "peopleMean",
             avg(smarta_expected_points(s."startDate", s."dueDate", p."asOf")) FILTER (WHERE s."id" IS NOT NULL) AS "expected"
      FROM points p
      LEFT JOIN scoped s
        ON s."status" IN ('ACTIVE', 'CLOSED') AND smarta_has_measure(s."measureType", s."target")
       AND s."startDate" IS NOT NULL AND s."dueDate" IS NOT NULL AND s."startDate" <= p."asOf"
      LEFT JOIN readings r ON r."goalId" = s."id" AND r."from" <= p."asOf" AND (r."until" IS NULL OR r."until" > p."asOf")
      GROUP BY p."month", p."asOf"
    )
    SELECT
      (SELECT COALESCE(json_agg(b), '[]'::json) FROM per_branch b) AS "stats",
      (SELECT COALESCE(json_agg(l ORDER BY l."position"), '[]'::json) FROM goal_list l) AS "goals",
      (SELECT count(*)::int FROM facts) AS "goalsTotal",
      (SELECT COALESCE(json_agg(o ORDER BY o."position"), '[]'::json) FROM overdue_list o) AS "overdue",
      (SELECT count(*)::int FROM facts f WHERE f."nextDue" < ${today}) AS "overdueTotal",
      (SELECT COALESCE(json_agg(x ORDER BY x."month"), '[]'::json) FROM trend x) AS "trend"`);
  return rows[0]!;
}

// ---------------------------------------------------------------------------------------
// The people (full view only)

export type PeopleCountRow = { branch: string | null; isTotal: boolean; people: number; without: number };
export type WithoutGoalRow = { membershipId: string; name: string; teamId: string; teamName: string; pendingGoals: number };
export type PeopleResult = { counts: PeopleCountRow[]; without: WithoutGoalRow[]; withoutTotal: number };

/**
 * The ACTIVE people of the subtree, counted per branch and in all, and those with no goal of
 * the period signed by both (an anti-join), with how many goals they have waiting to be signed.
 */
export async function teamPeople(db: OrgDb, scope: DashboardScope, limit: number): Promise<PeopleResult> {
  const org = orgOf(scope);
  const rows = await db.$queryRaw<PeopleResult[]>(Prisma.sql`
    WITH ${treeFromArrays(scope)},
    people AS MATERIALIZED (
      SELECT m."id", m."userId", m."teamId", tree."branch",
             NOT EXISTS (
               SELECT 1 FROM "Goal" a
               WHERE a."organizationId" = ${org} AND a."ownerId" = m."id" AND a."periodId" = ${scope.periodId}::uuid
                 AND a."status" <> 'CANCELLED' AND a."ownerSignedAt" IS NOT NULL AND a."managerSignedAt" IS NOT NULL
             ) AS "without"
      FROM "Membership" m
      JOIN tree ON tree."id" = m."teamId"
      WHERE m."organizationId" = ${org} AND m."status" = 'ACTIVE'
    ),
    counts AS (
      SELECT "branch"::text AS "branch", GROUPING("branch") = 1 AS "isTotal", count(*) AS "people", count(*) FILTER (WHERE "without") AS "without"
      FROM people
      GROUP BY GROUPING SETS (("branch"), ())
    ),
    without_list AS (
      SELECT p."id"::text AS "membershipId", u."name", t."id"::text AS "teamId", t."name" AS "teamName",
             (SELECT count(*) FROM "Goal" d
              WHERE d."organizationId" = ${org} AND d."ownerId" = p."id" AND d."periodId" = ${scope.periodId}::uuid
                AND d."status" IN ('DRAFT', 'PROPOSED')) AS "pendingGoals",
             row_number() OVER (ORDER BY u."name", p."id") AS "position"
      FROM people p
      JOIN "User" u ON u."id" = p."userId"
      JOIN "Team" t ON t."organizationId" = ${org} AND t."id" = p."teamId"
      WHERE p."without"
      ORDER BY "position"
      LIMIT ${limit}
    )
    SELECT
      (SELECT COALESCE(json_agg(c), '[]'::json) FROM counts c) AS "counts",
      (SELECT COALESCE(json_agg(w ORDER BY w."position"), '[]'::json) FROM without_list w) AS "without",
      (SELECT count(*)::int FROM people WHERE "without") AS "withoutTotal"`);
  return rows[0]!;
}
