import type { Cadence } from "@/features/goals/goals.schema";
import type { Db } from "@/server/db/client";
import type { OrgDb } from "@/server/db/for-org";
import { Prisma } from "@/server/db/generated/client";

/**
 * Every query of the organisation dashboard. Each answers for any number of goals in one
 * set-based statement; each binds the organisation id on every table it reads (raw SQL
 * bypasses the tenant-scoped client). Status, progress and the stale flag come from the
 * smarta_* SQL functions, which tests/integration/status-sql.int.test.ts proves equal to the
 * TypeScript reference.
 *
 * Only PERFORMANCE goals are read: development goals are private, and a dashboard every
 * member opens must neither show nor count them.
 */

/** Anything that runs raw SQL: the tenant-scoped client, or the plain one in the benchmark. */
type RawReader = OrgDb | Db;

const REPORT_TIMEOUT_MS = 60_000;

/**
 * Runs one report statement with PostgreSQL's JIT compiler off. The smarta_* functions are
 * inlined into large expressions, the report queries are costed high enough to be compiled,
 * and on the 40,000-goal benchmark the compilation alone took longer than the query (2.8 s
 * against 1.1 s of CPU). The setting lasts only for this transaction.
 */
function reportQuery<T>(db: RawReader, sql: Prisma.Sql): Promise<T[]> {
  return (db as OrgDb).$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL jit = off`;
      return tx.$queryRaw<T[]>(sql);
    },
    // Prisma ends an interactive transaction after 5 s; a report on a busy server may need longer
    { timeout: REPORT_TIMEOUT_MS, maxWait: REPORT_TIMEOUT_MS },
  );
}

/** What every status needs: the organisation, the day, and the organisation's thresholds. */
export type DashboardParams = {
  organizationId: string;
  periodId: string;
  /** ISO date every status is worked out for (never the database's CURRENT_DATE) */
  today: string;
  settings: {
    onTrackMarginPoints: number;
    atRiskMarginPoints: number;
    lowConfidenceAtOrBelow: number;
    staleAfterCadences: number;
    defaultCadence: Cadence;
  };
};

const org = (p: DashboardParams) => Prisma.sql`${p.organizationId}::uuid`;
const today = (p: DashboardParams) => Prisma.sql`${p.today}::date`;

/** A check-in no correction replaces (`alias` names the CheckIn row). */
// "replacesId IS NOT NULL" lets the planner read the few corrections from their unique index
// instead of hashing every check-in of the organisation.
const notReplaced = (p: DashboardParams, alias: string) =>
  Prisma.sql`NOT EXISTS (SELECT 1 FROM "CheckIn" r WHERE r."organizationId" = ${org(p)} AND r."replacesId" IS NOT NULL AND r."replacesId" = ${Prisma.raw(alias)}."id")`;

type MeasureCols = Record<"status" | "mt" | "b" | "mn" | "t" | "s" | "sd" | "dd" | "cadence", Prisma.Sql>;

/** A Goal row's measure columns (`g` names it), cast where they are read. */
const goalCols = (g: string): MeasureCols => {
  const c = (name: string, cast: string) => Prisma.raw(`${g}."${name}"::${cast}`);
  return {
    status: c("status", "text"),
    mt: c("measureType", "text"),
    b: c("baseline", "float8"),
    mn: c("minimum", "float8"),
    t: c("target", "float8"),
    s: c("stretch", "float8"),
    sd: Prisma.raw(`${g}."startDate"`),
    dd: Prisma.raw(`${g}."dueDate"`),
    cadence: Prisma.raw(`${g}."cadence"::text`),
  };
};

/**
 * The same columns cast once, as a select list (`castColumns`) and as read from the relation
 * that selected them (`castCols`). The smarta_* functions are inlined into one large
 * expression that names each argument many times: over thousands of rows, plain float8
 * columns cost a fraction of repeating numeric → float8 casts.
 */
const castColumns = (g: string) =>
  Prisma.raw(
    `${g}."status"::text AS "status", ${g}."measureType"::text AS "mt", ${g}."baseline"::float8 AS "b", ${g}."minimum"::float8 AS "mn", ` +
      `${g}."target"::float8 AS "t", ${g}."stretch"::float8 AS "s", ${g}."startDate" AS "sd", ${g}."dueDate" AS "dd", ${g}."cadence"::text AS "cadence"`,
  );
const castCols = (x: string): MeasureCols => {
  const c = (name: string) => Prisma.raw(`${x}."${name}"`);
  return { status: c("status"), mt: c("mt"), b: c("b"), mn: c("mn"), t: c("t"), s: c("s"), sd: c("sd"), dd: c("dd"), cadence: c("cadence") };
};

const hasMeasure = (k: MeasureCols) => Prisma.sql`smarta_has_measure(${k.mt}, ${k.t})`;

const progressPoints = (k: MeasureCols, reading: Prisma.Sql) => Prisma.sql`smarta_progress_points(${k.mt}, ${k.b}, ${k.t}, ${k.s}, ${reading})`;

const health = (p: DashboardParams, k: MeasureCols, reading: Prisma.Sql, confidence: Prisma.Sql) => {
  const s = p.settings;
  return Prisma.sql`smarta_health(${k.status}, ${k.mt}, ${k.b}, ${k.mn}, ${k.t}, ${k.s}, ${reading}, ${confidence}, ${k.sd}, ${k.dd}, ${today(p)},
    ${s.onTrackMarginPoints}::float8, ${s.atRiskMarginPoints}::float8, ${s.lowConfidenceAtOrBelow}::float8)`;
};

const stale = (p: DashboardParams, k: MeasureCols, lastCheckIn: Prisma.Sql) =>
  Prisma.sql`smarta_stale(${k.status}, ${k.mt}, ${k.t}, ${k.sd}, ${k.dd}, ${lastCheckIn},
    COALESCE(${k.cadence}, ${p.settings.defaultCadence}), ${p.settings.staleAfterCadences}::float8, ${today(p)})`;

/** The current reading of goal `g`: the latest by effective date (then entry) that no correction replaced. */
const currentReading = (p: DashboardParams, g: string) => Prisma.sql`
  SELECT c."value"::float8 AS "value", c."confidence", c."effectiveDate"
  FROM "CheckIn" c
  WHERE c."organizationId" = ${org(p)} AND c."goalId" = ${Prisma.raw(g)}."id" AND ${notReplaced(p, "c")}
  ORDER BY c."effectiveDate" DESC, c."createdAt" DESC, c."id" DESC
  LIMIT 1`;

/**
 * The team a goal counts for: a team goal's team; an individual goal's team at activation,
 * else its owner's team now; none for organisation goals. `m` names the owner's Membership.
 */
const goalTeam = (g: string, m: string) =>
  Prisma.raw(`CASE ${g}."level" WHEN 'TEAM' THEN ${g}."teamId" WHEN 'INDIVIDUAL' THEN COALESCE(${g}."teamIdAtActivation", ${m}."teamId") END`);

/** Performance goals that are not cancelled: what the dashboard shows and counts. */
const shown = (g: string) => Prisma.raw(`${g}."kind" = 'PERFORMANCE' AND ${g}."status" <> 'CANCELLED'`);

// ---------------------------------------------------------------------------------------
// The cascade tree, one level at a time

export type ChildrenScope = { parentGoalId: string | null; cursor: string | null; limit: number };

export type NodeRow = {
  id: string;
  title: string;
  level: "ORGANIZATION" | "TEAM" | "INDIVIDUAL";
  status: "DRAFT" | "PROPOSED" | "ACTIVE" | "CLOSED";
  ownerId: string;
  ownerName: string;
  teamId: string | null;
  teamName: string | null;
  periodId: string;
  periodName: string;
  progressPoints: number | null;
  health: "ACHIEVED" | "OVERDUE" | "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | null;
  stale: boolean;
  lastCheckIn: string | null;
  rollupPoints: number | null;
  rollupCount: number;
  childCount: number;
  total: number;
};

/**
 * Where the tree starts for a period: its organisation goals that do not sit under another
 * organisation goal of the same period (a goal under one of a longer period starts here).
 */
const rootsOf = (p: DashboardParams) => Prisma.sql`
  g."level" = 'ORGANIZATION' AND g."periodId" = ${p.periodId}::uuid
  AND NOT EXISTS (
    SELECT 1 FROM "Goal" up
    WHERE up."organizationId" = ${org(p)} AND up."id" = g."parentGoalId" AND up."periodId" = ${p.periodId}::uuid AND ${shown("up")}
  )`;

/**
 * The nodes directly under `parentGoalId` (null: the period's top organisation goals), one
 * page of at most `limit` (+1 to tell whether more follow), each with its own progress,
 * status and stale flag, the roll-up of the goals linked under it and how many those are.
 * Ordered by level, title (byte order, so paging is stable on every database) and id.
 */
export function childNodes(db: RawReader, p: DashboardParams, scope: ChildrenScope): Promise<NodeRow[]> {
  const where = scope.parentGoalId === null ? rootsOf(p) : Prisma.sql`g."parentGoalId" = ${scope.parentGoalId}::uuid`;
  const after =
    scope.cursor === null
      ? Prisma.sql`true`
      : Prisma.sql`(k."level", k."title" COLLATE "C", k."id") > (
          SELECT a."level", a."title" COLLATE "C", a."id" FROM "Goal" a WHERE a."organizationId" = ${org(p)} AND a."id" = ${scope.cursor}::uuid)`;
  return reportQuery<NodeRow>(db, Prisma.sql`
    WITH kids AS (
      SELECT g."id", g."level", g."title" FROM "Goal" g
      WHERE g."organizationId" = ${org(p)} AND ${shown("g")} AND ${where}
    ),
    page AS (
      SELECT k."id", k."level", k."title" FROM kids k
      WHERE ${after}
      ORDER BY k."level", k."title" COLLATE "C", k."id"
      LIMIT ${scope.limit + 1}
    )
    SELECT g."id"::text AS "id", g."title", g."level"::text AS "level", g."status"::text AS "status",
      g."ownerId"::text AS "ownerId", u."name" AS "ownerName",
      tm."id"::text AS "teamId", tm."name" AS "teamName",
      gp."id"::text AS "periodId", gp."name" AS "periodName",
      CASE WHEN ${hasMeasure(goalCols("g"))} THEN ${progressPoints(goalCols("g"), Prisma.sql`cur."value"`)} END AS "progressPoints",
      ${health(p, goalCols("g"), Prisma.sql`cur."value"`, Prisma.sql`cur."confidence"`)} AS "health",
      ${stale(p, goalCols("g"), Prisma.sql`cur."effectiveDate"`)} AS "stale",
      to_char(cur."effectiveDate", 'YYYY-MM-DD') AS "lastCheckIn",
      roll."points" AS "rollupPoints", roll."n"::int AS "rollupCount",
      (SELECT count(*) FROM "Goal" ch WHERE ch."organizationId" = ${org(p)} AND ch."parentGoalId" = g."id" AND ${shown("ch")})::int AS "childCount",
      (SELECT count(*) FROM kids)::int AS "total"
    FROM page
    JOIN "Goal" g ON g."organizationId" = ${org(p)} AND g."id" = page."id"
    JOIN "Membership" m ON m."organizationId" = ${org(p)} AND m."id" = g."ownerId"
    JOIN "User" u ON u."id" = m."userId"
    JOIN "GoalPeriod" gp ON gp."organizationId" = ${org(p)} AND gp."id" = g."periodId"
    LEFT JOIN "Team" tm ON tm."organizationId" = ${org(p)} AND tm."id" = ${goalTeam("g", "m")}
    LEFT JOIN LATERAL (${currentReading(p, "g")}) cur ON true
    LEFT JOIN LATERAL (
      -- rollupOf: ACTIVE and CLOSED performance goals with a measure and a positive weight,
      -- each capped at 100 %, weighted by their link
      SELECT sum(LEAST(${progressPoints(castCols("x"), Prisma.sql`x."value"`)}, 100) * x."weight") / sum(x."weight") AS "points",
             count(*) AS "n"
      FROM (
        SELECT ${castColumns("ch")}, ch."linkWeight"::float8 AS "weight", rd."value"
        FROM "Goal" ch
        LEFT JOIN LATERAL (${currentReading(p, "ch")}) rd ON true
        WHERE ch."organizationId" = ${org(p)} AND ch."parentGoalId" = g."id" AND ch."kind" = 'PERFORMANCE'
          AND ch."status" IN ('ACTIVE', 'CLOSED') AND ${hasMeasure(goalCols("ch"))} AND ch."linkWeight" > 0
        OFFSET 0
      ) x
    ) roll ON true
    ORDER BY page."level", page."title" COLLATE "C", page."id"`);
}

export type TreeCheckRow = { periodFound: boolean; parentFound: boolean; cursorFound: boolean };

/**
 * Whether the period, the parent node and the cursor exist in the organisation; a parent
 * must be a performance goal, a cursor a node of the level asked for.
 */
export async function treeCheck(db: RawReader, p: DashboardParams, scope: Pick<ChildrenScope, "parentGoalId" | "cursor">): Promise<TreeCheckRow> {
  const node = (id: string, extra: Prisma.Sql) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "Goal" g WHERE g."organizationId" = ${org(p)} AND g."id" = ${id}::uuid AND g."kind" = 'PERFORMANCE' AND ${extra})`;
  const rows = await (db as OrgDb).$queryRaw<TreeCheckRow[]>(Prisma.sql`
    SELECT
      EXISTS (SELECT 1 FROM "GoalPeriod" gp WHERE gp."organizationId" = ${org(p)} AND gp."id" = ${p.periodId}::uuid) AS "periodFound",
      ${scope.parentGoalId === null ? Prisma.sql`true` : node(scope.parentGoalId, Prisma.sql`true`)} AS "parentFound",
      ${
        scope.cursor === null
          ? Prisma.sql`true`
          : node(scope.cursor, scope.parentGoalId === null ? Prisma.sql`g."level" = 'ORGANIZATION'` : Prisma.sql`g."parentGoalId" = ${scope.parentGoalId}::uuid`)
      } AS "cursorFound"`);
  return rows[0]!;
}

// ---------------------------------------------------------------------------------------
// Department comparison

export type ComparisonSqlRow = {
  teamId: string | null;
  name: string | null;
  goals: number | null;
  active: number | null;
  closed: number | null;
  achieved: number | null;
  overdue: number | null;
  onTrack: number | null;
  atRisk: number | null;
  offTrack: number | null;
  stale: number | null;
  meanProgressPoints: number | null;
  checkIns30d: number | null;
};

/**
 * One row per department (a top-level team, its whole subtree found by a recursive CTE) and
 * a last row (teamId null) for the whole organisation: goal counts, ACTIVE goals by status,
 * stale goals, mean progress (ACTIVE and CLOSED goals with a measure, each capped at 100) and
 * check-ins effective in the last 30 days. Archived departments appear only with goals.
 */
export function departmentComparison(db: RawReader, p: DashboardParams): Promise<ComparisonSqlRow[]> {
  return reportQuery<ComparisonSqlRow>(db, Prisma.sql`
    WITH RECURSIVE tree AS (
      SELECT t."id", t."id" AS "departmentId" FROM "Team" t
      WHERE t."organizationId" = ${org(p)} AND t."parentTeamId" IS NULL
      UNION ALL
      SELECT t."id", tree."departmentId" FROM "Team" t
      JOIN tree ON t."parentTeamId" = tree."id"
      WHERE t."organizationId" = ${org(p)}
    ),
    scope AS (
      SELECT g."id", ${castColumns("g")}, tree."departmentId"
      FROM "Goal" g
      JOIN "Membership" m ON m."organizationId" = ${org(p)} AND m."id" = g."ownerId"
      LEFT JOIN tree ON tree."id" = ${goalTeam("g", "m")}
      WHERE g."organizationId" = ${org(p)} AND g."periodId" = ${p.periodId}::uuid AND ${shown("g")}
    ),
    live AS (
      SELECT c."goalId", c."value"::float8 AS "value", c."confidence", c."effectiveDate", c."createdAt", c."id"
      FROM "CheckIn" c
      -- a join (not IN): the planner then reads the check-ins in index order, goal by goal,
      -- and the sort below only orders each goal's few check-ins
      JOIN scope s ON s."id" = c."goalId"
      WHERE c."organizationId" = ${org(p)} AND ${notReplaced(p, "c")}
    ),
    cur AS (
      -- one sort of the check-ins gives each goal's current reading and its recent count
      SELECT DISTINCT ON (l."goalId") l."goalId", l."value", l."confidence", l."effectiveDate",
        count(*) FILTER (WHERE l."effectiveDate" > ${today(p)} - 30 AND l."effectiveDate" <= ${today(p)}) OVER (
          PARTITION BY l."goalId" ORDER BY l."effectiveDate" DESC, l."createdAt" DESC, l."id" DESC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "recent"
      FROM live l
      ORDER BY l."goalId", l."effectiveDate" DESC, l."createdAt" DESC, l."id" DESC
    ),
    measured AS (
      SELECT g."departmentId", g."status",
        ${health(p, castCols("g"), Prisma.sql`cur."value"`, Prisma.sql`cur."confidence"`)} AS "health",
        ${stale(p, castCols("g"), Prisma.sql`cur."effectiveDate"`)} AS "stale",
        CASE WHEN g."status" IN ('ACTIVE', 'CLOSED') AND ${hasMeasure(castCols("g"))}
          THEN LEAST(${progressPoints(castCols("g"), Prisma.sql`cur."value"`)}, 100) END AS "points",
        COALESCE(cur."recent", 0) AS "recent"
      FROM scope g
      LEFT JOIN cur ON cur."goalId" = g."id"
    ),
    agg AS (
      SELECT GROUPING(x."departmentId") AS "totalRow", x."departmentId",
        count(*)::int AS "goals",
        count(*) FILTER (WHERE x."status" = 'ACTIVE')::int AS "active",
        count(*) FILTER (WHERE x."status" = 'CLOSED')::int AS "closed",
        count(*) FILTER (WHERE x."health" = 'ACHIEVED')::int AS "achieved",
        count(*) FILTER (WHERE x."health" = 'OVERDUE')::int AS "overdue",
        count(*) FILTER (WHERE x."health" = 'ON_TRACK')::int AS "onTrack",
        count(*) FILTER (WHERE x."health" = 'AT_RISK')::int AS "atRisk",
        count(*) FILTER (WHERE x."health" = 'OFF_TRACK')::int AS "offTrack",
        count(*) FILTER (WHERE x."stale")::int AS "stale",
        avg(x."points") AS "meanProgressPoints",
        COALESCE(sum(x."recent"), 0)::int AS "checkIns30d"
      FROM measured x
      GROUP BY ROLLUP (x."departmentId")
    )
    SELECT d."id"::text AS "teamId", d."name", a."goals", a."active", a."closed", a."achieved", a."overdue", a."onTrack",
      a."atRisk", a."offTrack", a."stale", a."meanProgressPoints", a."checkIns30d"
    FROM (
      SELECT t."id", t."name", t."archivedAt" FROM "Team" t WHERE t."organizationId" = ${org(p)} AND t."parentTeamId" IS NULL
      UNION ALL
      SELECT NULL, NULL, NULL
    ) d
    LEFT JOIN agg a ON (d."id" IS NULL AND a."totalRow" = 1) OR (a."totalRow" = 0 AND a."departmentId" = d."id")
    WHERE d."id" IS NULL OR d."archivedAt" IS NULL OR a."goals" > 0`);
}

// ---------------------------------------------------------------------------------------
// Monthly trend

export type TrendSqlRow = {
  month: string;
  asOf: string;
  partial: boolean;
  goalCount: number;
  pointsSum: number | null;
  checkIns: number;
};

/**
 * The organisation's mean progress at each month's end of the period (up to today): over the
 * ACTIVE and CLOSED performance goals with a measure that had started by then, each read at
 * its latest check-in effective by that day among those no correction replaced (none: 0),
 * capped at 100.
 *
 * Set-based without a goal × month grid and in one sort of the check-ins: a goal's last
 * reading in a month (counted from the later of its effective date and the goal's start) is
 * what the goal reads from that month's end until the month of its next reading. Its progress
 * is added in the first month and taken away in the second, so the running sum over the months
 * is the sum of every started goal's progress at each month's end.
 */
export function monthlyTrend(db: RawReader, p: DashboardParams): Promise<TrendSqlRow[]> {
  return reportQuery<TrendSqlRow>(db, Prisma.sql`
    WITH period AS (
      SELECT date_trunc('month', gp."startDate"::timestamp)::date AS "firstMonth", LEAST(gp."endDate", ${today(p)}) AS "lastDay"
      FROM "GoalPeriod" gp
      WHERE gp."organizationId" = ${org(p)} AND gp."id" = ${p.periodId}::uuid
    ),
    scope AS (
      SELECT g."id", ${castColumns("g")}
      FROM "Goal" g
      WHERE g."organizationId" = ${org(p)} AND g."periodId" = ${p.periodId}::uuid AND g."kind" = 'PERFORMANCE'
        AND g."status" IN ('ACTIVE', 'CLOSED') AND ${hasMeasure(goalCols("g"))} AND g."startDate" IS NOT NULL
    ),
    readings AS (
      -- the check-ins that stand, with the month they count from: their effective date, never
      -- before the goal's start nor the period's first month; one after the last day counts nowhere
      SELECT c."goalId", c."effectiveDate", c."createdAt", c."id", c."value"::float8 AS "value", g."mt", g."b", g."t", g."s",
        CASE WHEN GREATEST(c."effectiveDate", g."sd") <= period."lastDay"
          THEN GREATEST(date_trunc('month', GREATEST(c."effectiveDate", g."sd")::timestamp)::date, period."firstMonth")
          ELSE DATE '9999-12-01' END AS "month",
        date_trunc('month', c."effectiveDate"::timestamp)::date AS "enteredIn",
        c."effectiveDate" >= period."firstMonth" AND c."effectiveDate" <= period."lastDay" AS "inPeriod"
      FROM "CheckIn" c
      JOIN scope g ON g."id" = c."goalId"
      CROSS JOIN period
      WHERE c."organizationId" = ${org(p)} AND ${notReplaced(p, "c")}
    ),
    ordered AS (
      SELECT r.*, lead(r."month") OVER (PARTITION BY r."goalId" ORDER BY r."effectiveDate", r."createdAt", r."id") AS "nextMonth"
      FROM readings r
    ),
    valued AS (
      -- A goal's last reading in a month is what it reads from that month's end until the month
      -- of its next reading. Progress is worked out for those readings only (the inlined status
      -- functions are the costly part); the OFFSET keeps the planner from moving it elsewhere.
      SELECT o."month", o."nextMonth", o."enteredIn", o."inPeriod",
        CASE WHEN o."nextMonth" IS DISTINCT FROM o."month" THEN LEAST(${progressPoints(castCols("o"), Prisma.sql`o."value"`)}, 100) END AS "points"
      FROM ordered o
      OFFSET 0
    ),
    by_month AS (
      -- one pass, three groupings: the progress that starts to count in a month, the progress
      -- that stops counting in a month (a later reading took over), the check-ins effective in it
      SELECT GROUPING(v."month") AS "notStart", GROUPING(v."nextMonth") AS "notEnd", v."month", v."nextMonth", v."enteredIn",
        sum(v."points") AS "points", count(*) FILTER (WHERE v."inPeriod") AS "entries"
      FROM valued v
      GROUP BY GROUPING SETS ((v."month"), (v."nextMonth"), (v."enteredIn"))
    ),
    starts AS (
      SELECT GREATEST(date_trunc('month', g."sd"::timestamp)::date, period."firstMonth") AS "month", count(*) AS "n"
      FROM scope g, period
      WHERE g."sd" <= period."lastDay"
      GROUP BY 1
    ),
    months AS (
      SELECT m::date AS "month", (m + interval '1 month' - interval '1 day')::date AS "monthEnd", period."lastDay"
      FROM period, generate_series(period."firstMonth"::timestamp, date_trunc('month', period."lastDay"::timestamp), interval '1 month') AS m
    )
    SELECT to_char(mo."month", 'YYYY-MM') AS "month", to_char(LEAST(mo."monthEnd", mo."lastDay"), 'YYYY-MM-DD') AS "asOf",
      ${today(p)} < mo."monthEnd" AS "partial",
      COALESCE(sum(st."n") OVER (ORDER BY mo."month"), 0)::int AS "goalCount",
      sum(COALESCE(added."points", 0) - COALESCE(ended."points", 0)) OVER (ORDER BY mo."month") AS "pointsSum",
      COALESCE(en."entries", 0)::int AS "checkIns"
    FROM months mo
    LEFT JOIN starts st ON st."month" = mo."month"
    LEFT JOIN by_month added ON added."notStart" = 0 AND added."month" = mo."month"
    LEFT JOIN by_month ended ON ended."notEnd" = 0 AND ended."nextMonth" = mo."month"
    LEFT JOIN by_month en ON en."notStart" = 1 AND en."notEnd" = 1 AND en."enteredIn" = mo."month"
    ORDER BY mo."month"`);
}

// ---------------------------------------------------------------------------------------
// Alignment

export const ORPHANS_LISTED = 200;

export type AlignmentSqlRow = {
  aligned: number;
  total: number;
  orphanCount: number;
  id: string | null;
  title: string | null;
  status: "DRAFT" | "PROPOSED" | "ACTIVE" | "CLOSED" | null;
  ownerId: string | null;
  ownerName: string | null;
};

/**
 * The share of the period's TEAM and INDIVIDUAL performance goals (neither DRAFT nor
 * CANCELLED) that link to a goal, and the period's organisation goals no performance goal
 * links to (an anti-join), at most ORPHANS_LISTED of them. One row per orphan, the counts on
 * every row; one row with null orphan columns when there is none.
 */
export function alignment(db: RawReader, p: DashboardParams): Promise<AlignmentSqlRow[]> {
  return reportQuery<AlignmentSqlRow>(db, Prisma.sql`
    WITH scope AS (
      SELECT g."id", g."level", g."status", g."title", g."parentGoalId", g."ownerId" FROM "Goal" g
      WHERE g."organizationId" = ${org(p)} AND g."periodId" = ${p.periodId}::uuid AND ${shown("g")}
    ),
    share AS (
      SELECT count(*) FILTER (WHERE s."parentGoalId" IS NOT NULL)::int AS "aligned", count(*)::int AS "total"
      FROM scope s WHERE s."level" IN ('TEAM', 'INDIVIDUAL') AND s."status" <> 'DRAFT'
    ),
    orphans AS (
      SELECT s."id", s."title", s."status", s."ownerId", count(*) OVER () AS "n" FROM scope s
      WHERE s."level" = 'ORGANIZATION'
        AND NOT EXISTS (SELECT 1 FROM "Goal" c WHERE c."organizationId" = ${org(p)} AND c."parentGoalId" = s."id" AND ${shown("c")})
      ORDER BY s."title" COLLATE "C", s."id"
      LIMIT ${ORPHANS_LISTED}
    )
    SELECT share."aligned", share."total", COALESCE(o."n", 0)::int AS "orphanCount",
      o."id"::text AS "id", o."title", o."status"::text AS "status", o."ownerId"::text AS "ownerId", u."name" AS "ownerName"
    FROM share
    LEFT JOIN (
      orphans o
      JOIN "Membership" m ON m."organizationId" = ${org(p)} AND m."id" = o."ownerId"
      JOIN "User" u ON u."id" = m."userId"
    ) ON true
    ORDER BY o."title" COLLATE "C", o."id"`);
}

// ---------------------------------------------------------------------------------------
// The benchmark's reference: the same top-level numbers in one hand-written query

export type OneQueryResult = {
  departments: ComparisonSqlRow[];
  trend: TrendSqlRow[];
  alignment: { aligned: number; total: number; orphanCount: number; orphanIds: string[] };
  roots: { id: string; progressPoints: number | null; health: NodeRow["health"]; stale: boolean; rollupPoints: number | null; rollupCount: number; childCount: number }[];
};

/**
 * The organisation dashboard's first screen (department comparison with the organisation
 * row, monthly trend, aligned share and orphan organisation goals, the first page of the
 * tree's top level) as ONE statement written by hand: one sort of the check-ins feeds every
 * section. It is the benchmark's reference: `npm run bench` may run it straight on the driver
 * (`.text` and `.values` of the returned Prisma.Sql are PostgreSQL's `$1` form; run
 * `SET jit = off` on that session first to compare like with like, as the procedures do) or
 * through orgDashboardInOneQuery. The integration test proves it gives the procedures' numbers.
 */
export function orgDashboardOneQuerySql(p: DashboardParams, rootLimit: number = 100): Prisma.Sql {
  const o = Prisma.sql`${p.organizationId}::uuid`;
  const period = Prisma.sql`${p.periodId}::uuid`;
  const d = Prisma.sql`${p.today}::date`;
  const s = p.settings;
  return Prisma.sql`
WITH RECURSIVE tree AS (
  SELECT t.id, t.id AS dept FROM "Team" t WHERE t."organizationId" = ${o} AND t."parentTeamId" IS NULL
  UNION ALL
  SELECT t.id, tree.dept FROM "Team" t JOIN tree ON t."parentTeamId" = tree.id WHERE t."organizationId" = ${o}
),
pg AS (   -- the period's performance goals that are not cancelled
  SELECT g.id, g.level::text AS level, g.status::text AS status, g.title, g."parentGoalId" AS parent,
         g."measureType"::text AS mt, g.baseline::float8 AS b, g.minimum::float8 AS mn, g.target::float8 AS t,
         g.stretch::float8 AS st, g."startDate" AS sd, g."dueDate" AS dd, COALESCE(g.cadence::text, ${s.defaultCadence}) AS cad,
         tree.dept
  FROM "Goal" g
  JOIN "Membership" m ON m."organizationId" = ${o} AND m.id = g."ownerId"
  LEFT JOIN tree ON tree.id = CASE g.level WHEN 'TEAM' THEN g."teamId" WHEN 'INDIVIDUAL' THEN COALESCE(g."teamIdAtActivation", m."teamId") END
  WHERE g."organizationId" = ${o} AND g."periodId" = ${period} AND g.kind = 'PERFORMANCE' AND g.status <> 'CANCELLED'
),
roots AS (
  SELECT r.* FROM pg r
  WHERE r.level = 'ORGANIZATION' AND NOT EXISTS (SELECT 1 FROM pg up WHERE up.id = r.parent AND up.level = 'ORGANIZATION')
  ORDER BY r.title COLLATE "C", r.id
  LIMIT ${rootLimit}
),
rk AS (   -- what the roots' roll-ups read: their ACTIVE and CLOSED performance children with a measure
  SELECT c.id, c."parentGoalId" AS parent, c."linkWeight"::float8 AS w, c."measureType"::text AS mt,
         c.baseline::float8 AS b, c.target::float8 AS t, c.stretch::float8 AS st
  FROM "Goal" c
  WHERE c."organizationId" = ${o} AND c."parentGoalId" IN (SELECT id FROM roots) AND c.kind = 'PERFORMANCE'
    AND c.status IN ('ACTIVE', 'CLOSED') AND smarta_has_measure(c."measureType"::text, c.target::float8) AND c."linkWeight" > 0
),
measures AS (SELECT id, mt, b, t, st FROM pg UNION SELECT id, mt, b, t, st FROM rk),
readings AS (   -- the check-ins that stand, each with its capped progress worked out once
  SELECT c."goalId" AS goal, c.value::float8 AS v, c.confidence AS conf, c."effectiveDate" AS ed, c."createdAt" AS ca, c.id,
         LEAST(smarta_progress_points(ms.mt, ms.b, ms.t, ms.st, c.value::float8), 100) AS pts
  FROM "CheckIn" c JOIN measures ms ON ms.id = c."goalId"
  WHERE c."organizationId" = ${o}
    AND NOT EXISTS (SELECT 1 FROM "CheckIn" x WHERE x."organizationId" = ${o} AND x."replacesId" IS NOT NULL AND x."replacesId" = c.id)
  OFFSET 0
),
ck AS (   -- one sort over them: latest first per goal
  SELECT goal, v, conf, ed, pts, row_number() OVER w AS rn, lead(pts) OVER w AS prev_pts
  FROM readings
  WINDOW w AS (PARTITION BY goal ORDER BY ed DESC, ca DESC, id DESC)
),
cur AS (SELECT * FROM ck WHERE rn = 1),
recent AS (SELECT ck.goal, count(*) AS n FROM ck WHERE ck.ed > ${d} - 30 AND ck.ed <= ${d} GROUP BY ck.goal),
now_pg AS (
  SELECT pg.*, cur.v, cur.ed AS last,
    smarta_health(pg.status, pg.mt, pg.b, pg.mn, pg.t, pg.st, cur.v, cur.conf, pg.sd, pg.dd, ${d},
                  ${s.onTrackMarginPoints}::float8, ${s.atRiskMarginPoints}::float8, ${s.lowConfidenceAtOrBelow}::float8) AS health,
    smarta_stale(pg.status, pg.mt, pg.t, pg.sd, pg.dd, cur.ed, pg.cad, ${s.staleAfterCadences}::float8, ${d}) AS stale,
    smarta_has_measure(pg.mt, pg.t) AS measured,
    cur.pts,
    COALESCE(recent.n, 0) AS recent
  FROM pg LEFT JOIN cur ON cur.goal = pg.id LEFT JOIN recent ON recent.goal = pg.id
),
agg AS (
  SELECT GROUPING(dept) AS total_row, dept,
    count(*) AS goals,
    count(*) FILTER (WHERE status = 'ACTIVE') AS active,
    count(*) FILTER (WHERE status = 'CLOSED') AS closed,
    count(*) FILTER (WHERE health = 'ACHIEVED') AS achieved,
    count(*) FILTER (WHERE health = 'OVERDUE') AS overdue,
    count(*) FILTER (WHERE health = 'ON_TRACK') AS on_track,
    count(*) FILTER (WHERE health = 'AT_RISK') AS at_risk,
    count(*) FILTER (WHERE health = 'OFF_TRACK') AS off_track,
    count(*) FILTER (WHERE stale) AS stale,
    avg(COALESCE(pts, 0)) FILTER (WHERE status IN ('ACTIVE', 'CLOSED') AND measured) AS mean,
    sum(recent) AS recent
  FROM now_pg GROUP BY ROLLUP (dept)
),
departments AS (
  SELECT t.id::text AS "teamId", t.name, COALESCE(a.goals, 0) AS goals, COALESCE(a.active, 0) AS active, COALESCE(a.closed, 0) AS closed,
    COALESCE(a.achieved, 0) AS achieved, COALESCE(a.overdue, 0) AS overdue, COALESCE(a.on_track, 0) AS "onTrack",
    COALESCE(a.at_risk, 0) AS "atRisk", COALESCE(a.off_track, 0) AS "offTrack", COALESCE(a.stale, 0) AS stale,
    a.mean AS "meanProgressPoints", COALESCE(a.recent, 0) AS "checkIns30d"
  FROM "Team" t LEFT JOIN agg a ON a.total_row = 0 AND a.dept = t.id
  WHERE t."organizationId" = ${o} AND t."parentTeamId" IS NULL AND (t."archivedAt" IS NULL OR a.goals > 0)
  UNION ALL
  SELECT NULL, NULL, goals, active, closed, achieved, overdue, on_track, at_risk, off_track, stale, mean, recent
  FROM agg WHERE total_row = 1
),
period AS (
  SELECT date_trunc('month', gp."startDate"::timestamp)::date AS first_month, LEAST(gp."endDate", ${d}) AS last_day
  FROM "GoalPeriod" gp WHERE gp."organizationId" = ${o} AND gp.id = ${period}
),
trend_goals AS (
  SELECT id, sd FROM pg WHERE status IN ('ACTIVE', 'CLOSED') AND smarta_has_measure(mt, t) AND sd IS NOT NULL
),
trend_steps AS (   -- each check-in's change to its goal's capped progress, from the check-in before it
  SELECT ck.ed, GREATEST(ck.ed, tg.sd) AS at, ck.pts - COALESCE(ck.prev_pts, 0) AS delta
  FROM ck JOIN trend_goals tg ON tg.id = ck.goal
),
trend_months AS (
  SELECT m::date AS month, (m + interval '1 month' - interval '1 day')::date AS month_end, period.last_day
  FROM period, generate_series(period.first_month::timestamp, date_trunc('month', period.last_day::timestamp), interval '1 month') m
),
change_months AS (
  SELECT GREATEST(date_trunc('month', ts.at::timestamp)::date, period.first_month) AS month, sum(ts.delta) AS delta
  FROM trend_steps ts, period WHERE ts.at <= period.last_day GROUP BY 1
),
entry_months AS (
  SELECT date_trunc('month', ts.ed::timestamp)::date AS month, count(*) AS n
  FROM trend_steps ts, period WHERE ts.ed >= period.first_month AND ts.ed <= period.last_day GROUP BY 1
),
start_months AS (
  SELECT GREATEST(date_trunc('month', tg.sd::timestamp)::date, period.first_month) AS month, count(*) AS n
  FROM trend_goals tg, period WHERE tg.sd <= period.last_day GROUP BY 1
),
trend AS (
  SELECT to_char(mo.month, 'YYYY-MM') AS month, to_char(LEAST(mo.month_end, mo.last_day), 'YYYY-MM-DD') AS "asOf",
    ${d} < mo.month_end AS partial,
    COALESCE(sum(sm.n) OVER (ORDER BY mo.month), 0) AS "goalCount",
    sum(cm.delta) OVER (ORDER BY mo.month) AS "pointsSum",
    COALESCE(em.n, 0) AS "checkIns"
  FROM trend_months mo
  LEFT JOIN start_months sm ON sm.month = mo.month
  LEFT JOIN change_months cm ON cm.month = mo.month
  LEFT JOIN entry_months em ON em.month = mo.month
),
rollups AS (
  SELECT rk.parent, sum(COALESCE(cur.pts, 0) * rk.w) / sum(rk.w) AS points, count(*) AS n
  FROM rk LEFT JOIN cur ON cur.goal = rk.id GROUP BY rk.parent
),
root_rows AS (
  SELECT r.id::text AS id, r.title,
    CASE WHEN np.measured THEN smarta_progress_points(np.mt, np.b, np.t, np.st, np.v) END AS "progressPoints",
    np.health, np.stale,
    ru.points AS "rollupPoints", COALESCE(ru.n, 0) AS "rollupCount",
    (SELECT count(*) FROM "Goal" c WHERE c."organizationId" = ${o} AND c."parentGoalId" = r.id AND c.kind = 'PERFORMANCE' AND c.status <> 'CANCELLED') AS "childCount"
  FROM roots r JOIN now_pg np ON np.id = r.id LEFT JOIN rollups ru ON ru.parent = r.id
)
SELECT
  (SELECT json_agg(departments) FROM departments) AS departments,
  (SELECT json_agg(trend ORDER BY month) FROM trend) AS trend,
  (SELECT json_build_object(
     'aligned', count(*) FILTER (WHERE parent IS NOT NULL),
     'total', count(*),
     'orphanCount', (SELECT count(*) FROM pg o WHERE o.level = 'ORGANIZATION' AND NOT EXISTS (
        SELECT 1 FROM "Goal" c WHERE c."organizationId" = ${o} AND c."parentGoalId" = o.id AND c.kind = 'PERFORMANCE' AND c.status <> 'CANCELLED')),
     'orphanIds', (SELECT COALESCE(json_agg(o.id::text ORDER BY o.title COLLATE "C", o.id), '[]'::json) FROM pg o WHERE o.level = 'ORGANIZATION' AND NOT EXISTS (
        SELECT 1 FROM "Goal" c WHERE c."organizationId" = ${o} AND c."parentGoalId" = o.id AND c.kind = 'PERFORMANCE' AND c.status <> 'CANCELLED')))
   FROM pg WHERE level IN ('TEAM', 'INDIVIDUAL') AND status <> 'DRAFT') AS alignment,
  (SELECT json_agg(root_rows ORDER BY title COLLATE "C", id) FROM root_rows) AS roots`;
}

/** Runs the hand-written reference query (see orgDashboardOneQuerySql). */
export async function orgDashboardInOneQuery(db: RawReader, p: DashboardParams, rootLimit: number = 100): Promise<OneQueryResult> {
  const rows = await reportQuery<{ departments: unknown; trend: unknown; alignment: unknown; roots: unknown }>(db, orgDashboardOneQuerySql(p, rootLimit));
  const row = rows[0]!;
  const parse = <T,>(value: unknown, empty: T): T => (value === null || value === undefined ? empty : ((typeof value === "string" ? JSON.parse(value) : value) as T));
  return {
    departments: parse(row.departments, []),
    trend: parse(row.trend, []),
    alignment: parse(row.alignment, { aligned: 0, total: 0, orphanCount: 0, orphanIds: [] }),
    roots: parse(row.roots, []),
  };
}
