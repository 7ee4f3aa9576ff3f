import type { OrgDb } from "@/server/db/for-org";
import { Prisma } from "@/server/db/generated/client";
import { jsonColumn } from "@/server/db/json-column";
import {
  RECENT_DAYS,
  UNCONFIRMED_LISTED,
  type BreakdownSqlRow,
  type HeadlineRow,
  type ManagerSqlRow,
  type ReportParams,
  type UnconfirmedSqlRow,
} from "./reports.repository";

/**
 * The benchmark's reference for the HR report (`npm run bench`): the numbers of the
 * unfiltered report written by hand as one statement, to time the repository's statements
 * against. tests/integration/report-one-query.int.test.ts proves it gives the report's
 * numbers. It only covers the report without filters, which is what the benchmark times, so
 * a filter is refused rather than silently ignored.
 *
 * Like the repository it binds the organisation id on every tenant table (raw SQL bypasses
 * the tenant-scoped client) and takes "today" as a parameter, never CURRENT_DATE, so both
 * work out the same day.
 */
export function hrReportOneQuerySql(p: ReportParams): Prisma.Sql {
  const f = p.filters;
  if (f.departmentTeamId !== null || f.teamId !== null || f.kind !== null || f.level !== null || f.role !== null) {
    throw new Error("hrReportOneQuerySql covers the unfiltered report only");
  }
  const o = Prisma.sql`${p.organizationId}::uuid`;
  const d = Prisma.sql`${p.today}::date`;
  return Prisma.sql`
WITH RECURSIVE
period AS (
  SELECT LEAST(${d}, gp."endDate") AS cutoff
  FROM "GoalPeriod" gp WHERE gp."organizationId" = ${o} AND gp.id = ${p.periodId}::uuid
),
-- walked down from the departments, so a team caught in a stray cycle reaches none and counts under "no team", as in the report
department_of AS (
  SELECT t.id AS "teamId", t.id AS "departmentId", 0 AS depth
  FROM "Team" t WHERE t."organizationId" = ${o} AND t."parentTeamId" IS NULL
  UNION ALL
  SELECT c.id, up."departmentId", up.depth + 1
  FROM department_of up JOIN "Team" c ON c."organizationId" = ${o} AND c."parentTeamId" = up."teamId"
  WHERE up.depth < 100
),
goals AS (
  SELECT g.id, g.title, g.level, g.kind, g.status, g.outcome, g."outcomeConfirmedAt", g."closedAt", g."dueDate", g."parentGoalId",
    g."ownerId", m."userId" AS "ownerUserId", m."managerId" AS "ownerManagerId",
    (g."ownerSignedAt" IS NOT NULL AND g."managerSignedAt" IS NOT NULL) AS signed,
    CASE g.level WHEN 'TEAM' THEN g."teamId" WHEN 'INDIVIDUAL' THEN COALESCE(g."teamIdAtActivation", m."teamId") END AS "teamId"
  FROM "Goal" g
  JOIN "Membership" m ON m."organizationId" = ${o} AND m.id = g."ownerId"
  WHERE g."organizationId" = ${o} AND g."periodId" = ${p.periodId}::uuid AND g.status <> 'CANCELLED'
),
-- the goals' stored readings: how many each has and their dates, earliest first (a correction
-- and the check-in it replaces are one reading)
check_ins AS (
  SELECT r."goalId", r."checkIns" AS n,
    width_bucket(${d}, r."checkInDates") - width_bucket(${d} - ${RECENT_DAYS.short}::int, r."checkInDates") AS n30,
    width_bucket(${d}, r."checkInDates") - width_bucket(${d} - ${RECENT_DAYS.long}::int, r."checkInDates") AS n60
  FROM "GoalReading" r
  WHERE r."organizationId" = ${o}
),
scored AS (
  SELECT s.*, pr.cutoff, smarta_level_rank(s.outcome::text) AS rank,
    COALESCE(ci.n, 0) AS n, COALESCE(ci.n30, 0) AS n30, COALESCE(ci.n60, 0) AS n60
  FROM goals s CROSS JOIN period pr LEFT JOIN check_ins ci ON ci."goalId" = s.id
),
people AS (
  SELECT count(*)::int AS "activePeople",
    count(*) FILTER (WHERE m.id IN (SELECT s."ownerId" FROM goals s WHERE s.signed))::int AS "peopleWithSignedGoal"
  FROM "Membership" m WHERE m."organizationId" = ${o} AND m.status = 'ACTIVE'
),
-- a left join from the period, so a period without goals still has its headline of zeros
headline AS (
  SELECT to_char(pr.cutoff, 'YYYY-MM-DD') AS cutoff,
    count(s.id)::int AS goals,
    count(*) FILTER (WHERE s.status = 'CLOSED' OR s."dueDate" <= pr.cutoff)::int AS due,
    count(*) FILTER (WHERE s.status = 'CLOSED' AND s.rank >= 1)::int AS "atMinimum",
    count(*) FILTER (WHERE s.status = 'CLOSED' AND s.rank >= 2)::int AS "atTarget",
    count(*) FILTER (WHERE s.status = 'CLOSED' AND s.rank >= 3)::int AS "atStretch",
    count(*) FILTER (WHERE s.status = 'CLOSED')::int AS closed,
    count(*) FILTER (WHERE s.status = 'CLOSED' AND s."outcomeConfirmedAt" IS NULL)::int AS unconfirmed,
    count(*) FILTER (WHERE s.signed)::int AS "signedGoals",
    count(*) FILTER (WHERE s.kind = 'PERFORMANCE' AND s.level IN ('TEAM', 'INDIVIDUAL') AND s.status <> 'DRAFT')::int AS alignable,
    count(*) FILTER (WHERE s.kind = 'PERFORMANCE' AND s.level IN ('TEAM', 'INDIVIDUAL') AND s.status <> 'DRAFT' AND s."parentGoalId" IS NOT NULL)::int AS aligned,
    pe."activePeople", pe."peopleWithSignedGoal",
    count(*) FILTER (WHERE s.status IN ('ACTIVE', 'CLOSED'))::int AS "checkInGoals",
    COALESCE(sum(s.n) FILTER (WHERE s.status IN ('ACTIVE', 'CLOSED')), 0)::int AS "checkInTotal",
    percentile_cont(0.5) WITHIN GROUP (ORDER BY s.n) FILTER (WHERE s.status IN ('ACTIVE', 'CLOSED')) AS "checkInMedian"
  FROM period pr CROSS JOIN people pe LEFT JOIN scored s ON true
  GROUP BY pr.cutoff, pe."activePeople", pe."peopleWithSignedGoal"
),
by_department AS (
  SELECT dep."departmentId",
    count(*)::int AS goals,
    count(*) FILTER (WHERE s.status = 'CLOSED' OR s."dueDate" <= s.cutoff)::int AS due,
    count(*) FILTER (WHERE s.status = 'CLOSED' AND s.rank >= 1)::int AS "atMinimum",
    count(*) FILTER (WHERE s.status = 'CLOSED' AND s.rank >= 2)::int AS "atTarget",
    count(*) FILTER (WHERE s.status = 'CLOSED' AND s.rank >= 3)::int AS "atStretch",
    count(*) FILTER (WHERE s.status = 'CLOSED')::int AS closed,
    count(*) FILTER (WHERE s.status = 'CLOSED' AND s."outcomeConfirmedAt" IS NULL)::int AS unconfirmed
  FROM scored s LEFT JOIN department_of dep ON dep."teamId" = s."teamId"
  GROUP BY dep."departmentId"
),
-- every active department is listed, an archived one only while it still holds goals; goals with no department last
breakdown AS (
  SELECT t.id::text AS "teamId", t.name, t."archivedAt" IS NOT NULL AS archived,
    COALESCE(b.goals, 0) AS goals, COALESCE(b.due, 0) AS due, COALESCE(b."atMinimum", 0) AS "atMinimum",
    COALESCE(b."atTarget", 0) AS "atTarget", COALESCE(b."atStretch", 0) AS "atStretch",
    COALESCE(b.closed, 0) AS closed, COALESCE(b.unconfirmed, 0) AS unconfirmed
  FROM "Team" t LEFT JOIN by_department b ON b."departmentId" = t.id
  WHERE t."organizationId" = ${o} AND t."parentTeamId" IS NULL AND (t."archivedAt" IS NULL OR b."departmentId" IS NOT NULL)
  UNION ALL
  SELECT NULL, NULL, false, b.goals, b.due, b."atMinimum", b."atTarget", b."atStretch", b.closed, b.unconfirmed
  FROM by_department b WHERE b."departmentId" IS NULL
),
-- (manager, report) for every direct and indirect report; UNION, not UNION ALL, ends on a stray cycle
chain AS (
  SELECT r."managerId", r.id AS "reportId" FROM "Membership" r
  WHERE r."organizationId" = ${o} AND r."managerId" IS NOT NULL
  UNION
  SELECT c."managerId", r.id FROM chain c
  JOIN "Membership" r ON r."organizationId" = ${o} AND r."managerId" = c."reportId"
),
per_owner AS (
  SELECT s."ownerId", count(*) FILTER (WHERE s.signed) AS signed, sum(s.n30) AS n30, sum(s.n60) AS n60
  FROM scored s GROUP BY s."ownerId"
),
managers AS (
  SELECT mg.id::text AS "membershipId", u.name, t.name AS team,
    count(*) FILTER (WHERE r."managerId" = mg.id AND r.status = 'ACTIVE')::int AS "directReports",
    count(*) FILTER (WHERE r.status = 'ACTIVE')::int AS "allReports",
    COALESCE(sum(po.signed), 0)::int AS "goalsSigned",
    COALESCE(sum(po.n30), 0)::int AS "checkIns30",
    COALESCE(sum(po.n60), 0)::int AS "checkIns60"
  FROM "Membership" mg
  JOIN "User" u ON u.id = mg."userId"
  LEFT JOIN "Team" t ON t."organizationId" = ${o} AND t.id = mg."teamId"
  JOIN chain c ON c."managerId" = mg.id
  JOIN "Membership" r ON r."organizationId" = ${o} AND r.id = c."reportId"
  LEFT JOIN per_owner po ON po."ownerId" = r.id
  WHERE mg."organizationId" = ${o} AND mg.status = 'ACTIVE'
  GROUP BY mg.id, u.name, t.name
  -- a manager is someone with an active direct report, and every direct report is in the chain
  HAVING count(*) FILTER (WHERE r."managerId" = mg.id AND r.status = 'ACTIVE') > 0
),
unconfirmed AS (
  SELECT s.id, s.title, s.level, s.outcome, s."closedAt", s."ownerId", u.name AS "ownerName", mu.name AS "managerName"
  FROM goals s
  JOIN "User" u ON u.id = s."ownerUserId"
  LEFT JOIN "Membership" mm ON mm."organizationId" = ${o} AND mm.id = s."ownerManagerId"
  LEFT JOIN "User" mu ON mu.id = mm."userId"
  WHERE s.status = 'CLOSED' AND s."outcomeConfirmedAt" IS NULL
  ORDER BY s."closedAt" NULLS FIRST, s.title COLLATE "C", s.id
  LIMIT ${UNCONFIRMED_LISTED}
)
SELECT
  (SELECT row_to_json(h) FROM headline h) AS headline,
  (SELECT COALESCE(json_agg(b), '[]'::json) FROM breakdown b) AS breakdown,
  (SELECT COALESCE(json_agg(m), '[]'::json) FROM managers m) AS managers,
  (SELECT COALESCE(json_agg(json_build_object(
      'id', x.id::text, 'title', x.title, 'level', x.level::text, 'outcome', x.outcome::text,
      'closedOn', to_char(x."closedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
      'ownerId', x."ownerId"::text, 'ownerName', x."ownerName", 'managerName', x."managerName")
    ORDER BY x."closedAt" NULLS FIRST, x.title COLLATE "C", x.id), '[]'::json)
   FROM unconfirmed x) AS unconfirmed`;
}

export type HrReportOneQueryResult = {
  headline: HeadlineRow;
  breakdown: BreakdownSqlRow[];
  managers: ManagerSqlRow[];
  unconfirmed: UnconfirmedSqlRow[];
};

/** Runs the reference statement; null when the period is not the organisation's, as reportRows answers. */
export async function hrReportInOneQuery(db: Pick<OrgDb, "$queryRaw">, p: ReportParams): Promise<HrReportOneQueryResult | null> {
  const rows = await db.$queryRaw<{ headline: unknown; breakdown: unknown; managers: unknown; unconfirmed: unknown }[]>(hrReportOneQuerySql(p));
  const row = rows[0];
  const headline = jsonColumn<HeadlineRow | null>(row?.headline ?? null);
  if (!row || headline === null) return null;
  return {
    headline,
    breakdown: jsonColumn<BreakdownSqlRow[]>(row.breakdown),
    managers: jsonColumn<ManagerSqlRow[]>(row.managers),
    unconfirmed: jsonColumn<UnconfirmedSqlRow[]>(row.unconfirmed),
  };
}
