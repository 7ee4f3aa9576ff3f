import type { Cadence } from "@/features/goals/goals.schema";
import type { Db } from "@/server/db/client";
import type { OrgDb } from "@/server/db/for-org";
import { readingsInLastDays } from "@/features/checkins/checkins.repository";
import { Prisma } from "@/server/db/generated/client";
import { jsonColumn, jsonRows } from "@/server/db/json-column";
import { PREFER_HASH_JOINS, inReportTransaction } from "@/server/db/report-statement";

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

/** One report statement, run as every report statement runs (see inReportTransaction). */
function reportQuery<T>(db: RawReader, sql: Prisma.Sql, planner: Record<string, string> = {}): Promise<T[]> {
  return inReportTransaction(db, (tx) => tx.$queryRaw<T[]>(sql), planner);
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

/** The department comparison's "check-ins in the last 30 days". */
const RECENT_CHECK_IN_DAYS = 30;
const today = (p: DashboardParams) => Prisma.sql`${p.today}::date`;

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

/**
 * The status of a goal from its current reading joined as `cur` (joinReading), whose stored
 * progress points and level rank spare working them out again; no reading reads as 0 points
 * and BELOW_MINIMUM (rank 0), as smarta_health has it.
 */
const healthOfReading = (p: DashboardParams, k: MeasureCols, cur: string) => {
  const s = p.settings;
  const c = (column: string) => Prisma.raw(`${cur}."${column}"`);
  return Prisma.sql`smarta_health_of(${k.status}, ${hasMeasure(k)}, COALESCE(${c("levelRank")}, 0), COALESCE(${c("points")}, 0::float8), ${c("confidence")},
    ${k.sd}, ${k.dd}, ${today(p)}, ${s.onTrackMarginPoints}::float8, ${s.atRiskMarginPoints}::float8, ${s.lowConfidenceAtOrBelow}::float8)`;
};

const stale = (p: DashboardParams, k: MeasureCols, lastCheckIn: Prisma.Sql) =>
  Prisma.sql`smarta_stale(${k.status}, ${k.mt}, ${k.t}, ${k.sd}, ${k.dd}, ${lastCheckIn},
    COALESCE(${k.cadence}, ${p.settings.defaultCadence}), ${p.settings.staleAfterCadences}::float8, ${today(p)})`;

/**
 * Joins goal `g`'s current reading as `alias` (value, confidence, effectiveDate): the latest
 * by effective date (then entry) that no correction replaced, kept in GoalReading by the
 * database (migration 20261129064522_goal_readings), so no query here sorts the check-ins.
 */
const joinReading = (p: DashboardParams, g: string, alias: string) =>
  Prisma.sql`LEFT JOIN "GoalReading" ${Prisma.raw(alias)} ON ${Prisma.raw(alias)}."organizationId" = ${org(p)} AND ${Prisma.raw(alias)}."goalId" = ${Prisma.raw(g)}."id"`;

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
      CASE WHEN ${hasMeasure(goalCols("g"))} THEN COALESCE(cur."points", 0) END AS "progressPoints",
      ${healthOfReading(p, goalCols("g"), "cur")} AS "health",
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
    ${joinReading(p, "g", "cur")}
    LEFT JOIN LATERAL (
      -- rollupOf: ACTIVE and CLOSED performance goals with a measure and a positive weight,
      -- each capped at 100 %, weighted by their link
      SELECT sum(LEAST(COALESCE(rd."points", 0), 100) * ch."linkWeight"::float8) / sum(ch."linkWeight"::float8) AS "points",
             count(*) AS "n"
      FROM "Goal" ch
      ${joinReading(p, "ch", "rd")}
      WHERE ch."organizationId" = ${org(p)} AND ch."parentGoalId" = g."id" AND ch."kind" = 'PERFORMANCE'
        AND ch."status" IN ('ACTIVE', 'CLOSED') AND ${hasMeasure(goalCols("ch"))} AND ch."linkWeight" > 0
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

/** The departments (top-level teams) and the team each team sits in, found by walking down the tree once. */
const departmentTree = (p: DashboardParams) => Prisma.sql`
  tree AS (
    SELECT t."id", t."id" AS "departmentId" FROM "Team" t
    WHERE t."organizationId" = ${org(p)} AND t."parentTeamId" IS NULL
    UNION ALL
    SELECT t."id", tree."departmentId" FROM "Team" t
    JOIN tree ON t."parentTeamId" = tree."id"
    WHERE t."organizationId" = ${org(p)}
  )`;

/**
 * Goal `g`, its owner's membership `m` and its team's department `tree`: the joins every
 * department number starts from, for the period's performance goals that are not cancelled.
 */
const periodGoalsByDepartment = (p: DashboardParams) => Prisma.sql`
  FROM "Goal" g
  JOIN "Membership" m ON m."organizationId" = ${org(p)} AND m."id" = g."ownerId"
  LEFT JOIN tree ON tree."id" = ${goalTeam("g", "m")}
  WHERE g."organizationId" = ${org(p)} AND g."periodId" = ${p.periodId}::uuid AND ${shown("g")}`;

/**
 * One row per department (a top-level team, its whole subtree found by a recursive CTE) and
 * a last row (teamId null) for the whole organisation: goal counts, ACTIVE goals by status,
 * stale goals, mean progress (ACTIVE and CLOSED goals with a measure, each capped at 100) and
 * check-ins effective in the last 30 days. Archived departments appear only with goals. The
 * check-ins are counted from each goal's stored reading dates, so no check-in row is read.
 *
 * The same pass counts the goals the monthly trend counts, by start month (`starts`; see
 * monthlyTrend), so the trend need not read the goals again.
 *
 * The goals are split in two by id (random uuids, so two even halves) and the halves run side
 * by side, their counts added here: on two cores the status of 40,000 goals is worked out in
 * half the time.
 */
export async function departmentComparison(db: RawReader, p: DashboardParams): Promise<{ rows: ComparisonSqlRow[]; starts: TrendStartRow[] }> {
  const halves = await Promise.all(GOAL_ID_HALVES.map((half) => departmentPart(db, p, half)));
  const merged = new Map<string | null, ComparisonPart>();
  const starts = new Map<string, number>();
  for (const row of halves.flat()) {
    const earlier = merged.get(row.teamId);
    merged.set(row.teamId, earlier ? addParts(earlier, row) : row);
    for (const start of jsonRows<TrendStartRow>(row.starts)) starts.set(start.month, (starts.get(start.month) ?? 0) + start.goals);
  }
  return {
    rows: [...merged.values()].map(({ pointsSum, pointsCount, starts: _starts, ...row }) => ({
      ...row,
      meanProgressPoints: pointsCount !== null && pointsCount > 0 ? pointsSum! / pointsCount : null,
    })),
    starts: [...starts].map(([month, goals]) => ({ month, goals })),
  };
}

type ComparisonPart = Omit<ComparisonSqlRow, "meanProgressPoints"> & { pointsSum: number | null; pointsCount: number | null; starts: unknown };

const COUNTED = ["goals", "active", "closed", "achieved", "overdue", "onTrack", "atRisk", "offTrack", "stale", "checkIns30d", "pointsSum", "pointsCount"] as const;

/** Two parts' counts added; a count neither part has stays null. */
function addParts(a: ComparisonPart, b: ComparisonPart): ComparisonPart {
  const sum = { ...a };
  for (const key of COUNTED) sum[key] = a[key] === null && b[key] === null ? null : (a[key] ?? 0) + (b[key] ?? 0);
  return sum;
}

const HALF_WAY = "80000000-0000-0000-0000-000000000000";
/** The two halves of the goals by id, as a condition on the id column `column` of `alias`. */
const GOAL_ID_HALVES = [
  (alias: string, column: string) => Prisma.sql`${Prisma.raw(`${alias}."${column}"`)} < ${HALF_WAY}::uuid`,
  (alias: string, column: string) => Prisma.sql`${Prisma.raw(`${alias}."${column}"`)} >= ${HALF_WAY}::uuid`,
];

function departmentPart(db: RawReader, p: DashboardParams, half: (typeof GOAL_ID_HALVES)[number]): Promise<ComparisonPart[]> {
  return reportQuery(
    db,
    Prisma.sql`
    WITH RECURSIVE ${departmentTree(p)},
    measured AS (
      SELECT g."departmentId", g."status",
        ${healthOfReading(p, castCols("g"), "cur")} AS "health",
        ${stale(p, castCols("g"), Prisma.sql`cur."effectiveDate"`)} AS "stale",
        CASE WHEN g."status" IN ('ACTIVE', 'CLOSED') AND ${hasMeasure(castCols("g"))} THEN LEAST(COALESCE(cur."points", 0), 100) END AS "points",
        ${readingsInLastDays("cur", today(p), RECENT_CHECK_IN_DAYS)} AS "recent",
        -- the month the trend counts the goal from (null: it does not count). The rule is
        -- smarta_trend_month's, written out: called per goal, its enum-to-text casts would
        -- double the trend's cost.
        CASE WHEN g."status" IN ('ACTIVE', 'CLOSED') AND ${hasMeasure(castCols("g"))} AND g."sd" <= pd."lastDay"
          THEN date_trunc('month', g."sd"::timestamp)::date END AS "startMonth"
      FROM (
        -- OFFSET 0 keeps the subquery apart, so the columns the status functions read are
        -- cast once per goal, not once per mention in their inlined bodies
        SELECT g."id", ${castColumns("g")}, tree."departmentId"
        ${periodGoalsByDepartment(p)} AND ${half("g", "id")}
        OFFSET 0
      ) g
      CROSS JOIN (
        SELECT LEAST(gp."endDate", ${today(p)}) AS "lastDay" FROM "GoalPeriod" gp WHERE gp."organizationId" = ${org(p)} AND gp."id" = ${p.periodId}::uuid
      ) pd
      -- the half's readings only, so only they are hashed
      ${joinReading(p, "g", "cur")} AND ${half("cur", "goalId")}
    ),
    agg AS (
      -- "set": 1 a department, 3 the organisation, 2 a start month
      SELECT GROUPING(x."departmentId", x."startMonth") AS "set", x."departmentId", x."startMonth",
        count(*)::int AS "goals",
        count(*) FILTER (WHERE x."status" = 'ACTIVE')::int AS "active",
        count(*) FILTER (WHERE x."status" = 'CLOSED')::int AS "closed",
        count(*) FILTER (WHERE x."health" = 'ACHIEVED')::int AS "achieved",
        count(*) FILTER (WHERE x."health" = 'OVERDUE')::int AS "overdue",
        count(*) FILTER (WHERE x."health" = 'ON_TRACK')::int AS "onTrack",
        count(*) FILTER (WHERE x."health" = 'AT_RISK')::int AS "atRisk",
        count(*) FILTER (WHERE x."health" = 'OFF_TRACK')::int AS "offTrack",
        count(*) FILTER (WHERE x."stale")::int AS "stale",
        sum(x."points") AS "pointsSum",
        count(x."points")::int AS "pointsCount",
        sum(x."recent")::int AS "checkIns30d"
      FROM measured x
      GROUP BY GROUPING SETS ((x."departmentId"), (), (x."startMonth"))
    )
    SELECT d."id"::text AS "teamId", d."name", a."goals", a."active", a."closed", a."achieved", a."overdue", a."onTrack",
      a."atRisk", a."offTrack", a."stale", a."pointsSum", a."pointsCount", a."checkIns30d",
      CASE WHEN d."id" IS NULL THEN (
        SELECT json_agg(json_build_object('month', to_char(s."startMonth", 'YYYY-MM'), 'goals', s."goals"))
        FROM agg s WHERE s."set" = 2 AND s."startMonth" IS NOT NULL
      ) END AS "starts"
    FROM (
      SELECT t."id", t."name", t."archivedAt" FROM "Team" t WHERE t."organizationId" = ${org(p)} AND t."parentTeamId" IS NULL
      UNION ALL
      SELECT NULL, NULL, NULL
    ) d
    LEFT JOIN agg a ON (d."id" IS NULL AND a."set" = 3) OR (a."set" = 1 AND a."departmentId" = d."id")
    WHERE d."id" IS NULL OR d."archivedAt" IS NULL OR a."goals" > 0`,
    PREFER_HASH_JOINS,
  );
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

/** How many goals the trend counts from a month ("YYYY-MM") on: those that started in it. */
export type TrendStartRow = { month: string; goals: number };

/** The trend's months with their goal counts: the goals started in or before each month. */
export function withGoalCounts(months: readonly Omit<TrendSqlRow, "goalCount">[], starts: readonly TrendStartRow[]): TrendSqlRow[] {
  return months.map((row) => ({ ...row, goalCount: starts.reduce((sum, start) => (start.month <= row.month ? sum + start.goals : sum), 0) }));
}

/**
 * The organisation's mean progress at each month's end of the period (up to today): over the
 * ACTIVE and CLOSED performance goals with a measure that had started by then, each read at
 * its last reading of that month or before (none: 0), capped at 100, and the check-ins
 * effective in each month.
 *
 * The database keeps, per goal and month with readings, the change in the goal's capped
 * progress since its previous such month (GoalMonthReading), and sums those changes per
 * period and month (PeriodTrendMonth, migration 20261129083848_trend_totals). A goal's
 * changes up to a month add up to its progress at that month's end, so the running total of
 * the period's monthly sums is the sum of every goal's progress: the trend reads one row per
 * month. A change from before the goal's start (or the period's first month) counts from then.
 * How many goals each month counts comes from the department comparison's pass over the goals
 * (withGoalCounts).
 */
export function monthlyTrend(db: RawReader, p: DashboardParams): Promise<Omit<TrendSqlRow, "goalCount">[]> {
  return reportQuery<Omit<TrendSqlRow, "goalCount">>(db, Prisma.sql`
    WITH period AS (
      SELECT date_trunc('month', gp."startDate"::timestamp)::date AS "firstMonth", LEAST(gp."endDate", ${today(p)}) AS "lastDay",
        date_trunc('month', LEAST(gp."endDate", ${today(p)})::timestamp)::date AS "lastMonth"
      FROM "GoalPeriod" gp
      WHERE gp."organizationId" = ${org(p)} AND gp."id" = ${p.periodId}::uuid
    ),
    months AS (
      SELECT m::date AS "month", (m + interval '1 month' - interval '1 day')::date AS "monthEnd", period."lastDay"
      FROM period, generate_series(period."firstMonth"::timestamp, period."lastMonth"::timestamp, interval '1 month') AS m
    )
    SELECT to_char(mo."month", 'YYYY-MM') AS "month", to_char(LEAST(mo."monthEnd", mo."lastDay"), 'YYYY-MM-DD') AS "asOf",
      ${today(p)} < mo."monthEnd" AS "partial",
      (sum(COALESCE(tm."pointsChange", 0)) OVER (ORDER BY mo."month"))::float8 AS "pointsSum",
      COALESCE(tm."checkIns", 0)::int AS "checkIns"
    FROM months mo
    LEFT JOIN "PeriodTrendMonth" tm ON tm."organizationId" = ${org(p)} AND tm."periodId" = ${p.periodId}::uuid AND tm."month" = mo."month"
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
    -- two reads of the period's goals, each of the rows and columns it needs: a shared CTE
    -- would write every goal's title out for the few organisation goals that use it
    WITH share AS (
      SELECT count(*) FILTER (WHERE s."parentGoalId" IS NOT NULL)::int AS "aligned", count(*)::int AS "total"
      FROM "Goal" s
      WHERE s."organizationId" = ${org(p)} AND s."periodId" = ${p.periodId}::uuid AND ${shown("s")}
        AND s."level" IN ('TEAM', 'INDIVIDUAL') AND s."status" <> 'DRAFT'
    ),
    orphans AS (
      SELECT s."id", s."title", s."status", s."ownerId", count(*) OVER () AS "n" FROM "Goal" s
      WHERE s."organizationId" = ${org(p)} AND s."periodId" = ${p.periodId}::uuid AND ${shown("s")}
        AND s."level" = 'ORGANIZATION'
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
 * tree's top level) as ONE statement written by hand, reading the same stored readings
 * (GoalReading, PeriodTrendMonth) as the procedures. It is the benchmark's reference:
 * `npm run bench` runs it straight on the driver (`.text` and `.values` of the returned
 * Prisma.Sql are PostgreSQL's `$1` form). The integration test proves it gives the
 * procedures' numbers.
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
pg AS MATERIALIZED (   -- the period's performance goals that are not cancelled, with their current reading
  SELECT g.id, g.level::text AS level, g.status::text AS status, g.title, g."parentGoalId" AS parent,
         g."measureType"::text AS mt, g.target::float8 AS t, smarta_has_measure(g."measureType"::text, g.target::float8) AS measured,
         g."startDate" AS sd, g."dueDate" AS dd, COALESCE(g.cadence::text, ${s.defaultCadence}) AS cad, tree.dept,
         r.points, r."levelRank" AS rank, r.confidence AS conf, r."effectiveDate" AS last, r."checkInDates" AS dates
  FROM "Goal" g
  JOIN "Membership" m ON m."organizationId" = ${o} AND m.id = g."ownerId"
  LEFT JOIN tree ON tree.id = CASE g.level WHEN 'TEAM' THEN g."teamId" WHEN 'INDIVIDUAL' THEN COALESCE(g."teamIdAtActivation", m."teamId") END
  LEFT JOIN "GoalReading" r ON r."organizationId" = ${o} AND r."goalId" = g.id
  WHERE g."organizationId" = ${o} AND g."periodId" = ${period} AND g.kind = 'PERFORMANCE' AND g.status <> 'CANCELLED'
),
now_pg AS (
  SELECT pg.*,
    smarta_health_of(pg.status, pg.measured, COALESCE(pg.rank, 0), COALESCE(pg.points, 0), pg.conf, pg.sd, pg.dd, ${d},
                     ${s.onTrackMarginPoints}::float8, ${s.atRiskMarginPoints}::float8, ${s.lowConfidenceAtOrBelow}::float8) AS health,
    smarta_stale(pg.status, pg.mt, pg.t, pg.sd, pg.dd, pg.last, pg.cad, ${s.staleAfterCadences}::float8, ${d}) AS stale,
    COALESCE(width_bucket(${d}, pg.dates) - width_bucket(${d} - 30, pg.dates), 0) AS recent
  FROM pg
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
    avg(LEAST(COALESCE(points, 0), 100)) FILTER (WHERE status IN ('ACTIVE', 'CLOSED') AND measured) AS mean,
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
  SELECT date_trunc('month', gp."startDate"::timestamp)::date AS first_month, LEAST(gp."endDate", ${d}) AS last_day,
         date_trunc('month', LEAST(gp."endDate", ${d})::timestamp)::date AS last_month
  FROM "GoalPeriod" gp WHERE gp."organizationId" = ${o} AND gp.id = ${period}
),
trend_goals AS (
  SELECT id, sd, date_trunc('month', sd::timestamp)::date AS start_month FROM pg WHERE status IN ('ACTIVE', 'CLOSED') AND measured AND sd IS NOT NULL
),
trend_months AS (
  SELECT m::date AS month, (m + interval '1 month' - interval '1 day')::date AS month_end, period.last_day
  FROM period, generate_series(period.first_month::timestamp, period.last_month::timestamp, interval '1 month') m
),
start_months AS (
  SELECT GREATEST(tg.start_month, period.first_month) AS month, count(*) AS n
  FROM trend_goals tg, period WHERE tg.sd <= period.last_day GROUP BY 1
),
trend AS (
  SELECT to_char(mo.month, 'YYYY-MM') AS month, to_char(LEAST(mo.month_end, mo.last_day), 'YYYY-MM-DD') AS "asOf",
    ${d} < mo.month_end AS partial,
    COALESCE(sum(sm.n) OVER (ORDER BY mo.month), 0) AS "goalCount",
    (sum(COALESCE(tm."pointsChange", 0)) OVER (ORDER BY mo.month))::float8 AS "pointsSum",
    COALESCE(tm."checkIns", 0) AS "checkIns"
  FROM trend_months mo
  LEFT JOIN start_months sm ON sm.month = mo.month
  LEFT JOIN "PeriodTrendMonth" tm ON tm."organizationId" = ${o} AND tm."periodId" = ${period} AND tm.month = mo.month
),
roots AS (
  SELECT r.* FROM now_pg r
  WHERE r.level = 'ORGANIZATION' AND NOT EXISTS (SELECT 1 FROM pg up WHERE up.id = r.parent AND up.level = 'ORGANIZATION')
  ORDER BY r.title COLLATE "C", r.id
  LIMIT ${rootLimit}
),
rollups AS (   -- the roots' ACTIVE and CLOSED performance children with a measure, weighted by their link
  SELECT c."parentGoalId" AS parent, sum(LEAST(COALESCE(cr.points, 0), 100) * c."linkWeight"::float8) / sum(c."linkWeight"::float8) AS points, count(*) AS n
  FROM "Goal" c LEFT JOIN "GoalReading" cr ON cr."organizationId" = ${o} AND cr."goalId" = c.id
  WHERE c."organizationId" = ${o} AND c."parentGoalId" IN (SELECT id FROM roots) AND c.kind = 'PERFORMANCE'
    AND c.status IN ('ACTIVE', 'CLOSED') AND smarta_has_measure(c."measureType"::text, c.target::float8) AND c."linkWeight" > 0
  GROUP BY c."parentGoalId"
),
root_rows AS (
  SELECT r.id::text AS id, r.title,
    CASE WHEN r.measured THEN COALESCE(r.points, 0) END AS "progressPoints",
    r.health, r.stale,
    ru.points AS "rollupPoints", COALESCE(ru.n, 0) AS "rollupCount",
    (SELECT count(*) FROM "Goal" c WHERE c."organizationId" = ${o} AND c."parentGoalId" = r.id AND c.kind = 'PERFORMANCE' AND c.status <> 'CANCELLED') AS "childCount"
  FROM roots r LEFT JOIN rollups ru ON ru.parent = r.id
),
orphans AS (
  SELECT o.id, o.title FROM pg o WHERE o.level = 'ORGANIZATION' AND NOT EXISTS (
    SELECT 1 FROM "Goal" c WHERE c."organizationId" = ${o} AND c."parentGoalId" = o.id AND c.kind = 'PERFORMANCE' AND c.status <> 'CANCELLED')
)
SELECT
  (SELECT json_agg(departments) FROM departments) AS departments,
  (SELECT json_agg(trend ORDER BY month) FROM trend) AS trend,
  (SELECT json_build_object(
     'aligned', count(*) FILTER (WHERE parent IS NOT NULL),
     'total', count(*),
     'orphanCount', (SELECT count(*) FROM orphans),
     'orphanIds', (SELECT COALESCE(json_agg(o.id::text ORDER BY o.title COLLATE "C", o.id), '[]'::json) FROM orphans o))
   FROM pg WHERE level IN ('TEAM', 'INDIVIDUAL') AND status <> 'DRAFT') AS alignment,
  (SELECT json_agg(root_rows ORDER BY title COLLATE "C", id) FROM root_rows) AS roots`;
}

/** Runs the hand-written reference query (see orgDashboardOneQuerySql). */
export async function orgDashboardInOneQuery(db: RawReader, p: DashboardParams, rootLimit: number = 100): Promise<OneQueryResult> {
  const rows = await reportQuery<{ departments: unknown; trend: unknown; alignment: unknown; roots: unknown }>(db, orgDashboardOneQuerySql(p, rootLimit));
  const row = rows[0]!;
  const parse = <T,>(value: unknown, empty: T): T => jsonColumn<T | null | undefined>(value) ?? empty;
  return {
    departments: parse(row.departments, []),
    trend: parse(row.trend, []),
    alignment: parse(row.alignment, { aligned: 0, total: 0, orphanCount: 0, orphanIds: [] }),
    roots: parse(row.roots, []),
  };
}
