import { CADENCE_DAYS } from "@/features/goals/attainment";
import type { Cadence } from "@/features/goals/goals.schema";
import type { OrgDb, OrgTx } from "@/server/db/for-org";
import { Prisma } from "@/server/db/generated/client";
import { viewerFactsColumns, type ViewerFacts } from "@/features/goals/goals.repository";
import type { GoalAccessRow } from "./progress.server";

/**
 * Every query of the check-ins area. Raw queries bind the organisation id on every table they
 * read; each answers for any number of goals in one statement (no query per goal).
 */

type Reader = OrgDb | OrgTx;
type Writer = OrgDb | OrgTx;

/**
 * Check-in `alias` is one no correction replaces: the SQL every query outside the report
 * shares. The organisation is the check-in's own unless a bound id is given; "replacesId IS NOT
 * NULL" lets the planner read the few corrections from their unique index instead of hashing
 * every check-in of the organisation.
 */
export const notReplaced = (alias: string, organizationId: Prisma.Sql = Prisma.raw(`${alias}."organizationId"`)) =>
  Prisma.sql`NOT EXISTS (SELECT 1 FROM "CheckIn" r WHERE r."organizationId" = ${organizationId} AND r."replacesId" IS NOT NULL AND r."replacesId" = ${Prisma.raw(alias)}."id")`;

/**
 * How many of a goal's readings are effective in the `days` days ending `today`, from its
 * GoalReading row joined as `reading` (none: 0): its check-in dates are kept in order, so
 * width_bucket finds how many fall on or before a day by binary search
 * (migration 20261129114125_reading_dates).
 */
export const readingsInLastDays = (reading: string, today: Prisma.Sql, days: number) => {
  const dates = Prisma.raw(`${reading}."checkInDates"`);
  return Prisma.sql`COALESCE(width_bucket(${today}, ${dates}) - width_bucket(${today} - ${days}::int, ${dates}), 0)`;
};

export type CurrentReadingRow = { goalId: string; value: number; confidence: number; effectiveDate: string };

/**
 * The current reading of each goal: the latest by effective date (then by entry) not replaced,
 * as the database keeps it in GoalReading (migration 20261129064522_goal_readings).
 */
export async function currentReadings(db: Reader, organizationId: string, goalIds: readonly string[]): Promise<Map<string, CurrentReadingRow>> {
  if (goalIds.length === 0) return new Map();
  const rows = await db.$queryRaw<CurrentReadingRow[]>(Prisma.sql`
    SELECT r."goalId"::text AS "goalId", r."value", r."confidence", to_char(r."effectiveDate", 'YYYY-MM-DD') AS "effectiveDate"
    FROM "GoalReading" r
    WHERE r."organizationId" = ${organizationId}::uuid AND r."goalId" = ANY(${[...goalIds]}::uuid[])`);
  return new Map(
    rows.map((row) => [row.goalId, { goalId: row.goalId, value: Number(row.value), confidence: Number(row.confidence), effectiveDate: row.effectiveDate }]),
  );
}

const measureColumns = {
  id: true,
  status: true,
  measureType: true,
  baseline: true,
  minimum: true,
  target: true,
  stretch: true,
  startDate: true,
  dueDate: true,
  cadence: true,
} as const;

/** The ACTIVE and CLOSED goals linked directly under any of `parentIds`, with their link weights. */
export function rollupChildren(db: Reader, parentIds: readonly string[]) {
  if (parentIds.length === 0) return Promise.resolve([]);
  return db.goal.findMany({
    where: { parentGoalId: { in: [...parentIds] }, status: { in: ["ACTIVE", "CLOSED"] }, kind: "PERFORMANCE" },
    select: { ...measureColumns, parentGoalId: true, linkWeight: true },
  });
}

export type CheckInGoalRow = GoalAccessRow & { stepIds: string[] };

/**
 * A goal as a check-in needs it — the rules' facts, the measure and the ids of its steps —
 * and what the rules need to know of the caller (viewerFacts), in one statement (a goal
 * page's findGoal reads nine relations in as many queries). The goal is null when the
 * organisation has no such goal.
 */
export async function findCheckInGoal(
  db: Reader,
  organizationId: string,
  membershipId: string,
  goalId: string,
): Promise<{ viewer: ViewerFacts; goal: CheckInGoalRow | null }> {
  const rows = await db.$queryRaw<(ViewerFacts & CheckInGoalRow)[]>(Prisma.sql`
    SELECT ${viewerFactsColumns(organizationId, membershipId)},
      g."id"::text AS "id", g."status"::text AS "status", g."level"::text AS "level", g."kind"::text AS "kind",
      g."ownerId"::text AS "ownerId", g."teamId"::text AS "teamId", g."measureType"::text AS "measureType",
      g."baseline", g."minimum", g."target", g."stretch", g."startDate", g."dueDate", g."cadence"::text AS "cadence",
      ARRAY(SELECT s."id"::text FROM "GoalStep" s WHERE s."organizationId" = g."organizationId" AND s."goalId" = g."id") AS "stepIds"
    FROM (SELECT 1) AS caller
    LEFT JOIN "Goal" g ON g."organizationId" = ${organizationId}::uuid AND g."id" = ${goalId}::uuid`);
  const { below, ledTeams, ...goal } = rows[0]!;
  return { viewer: { below, ledTeams }, goal: goal.id === null ? null : goal };
}

export type CheckInRow = {
  id: string;
  goalId: string;
  value: Prisma.Decimal;
  doneStepIds: string[];
  confidence: number;
  comment: string;
  effectiveDate: Date;
  replacesId: string | null;
  createdAt: Date;
  bodyDigest: string;
  author: { id: string; user: { name: string } };
  replacedBy: { id: string } | null;
};

type CheckInSqlRow = Omit<CheckInRow, "author" | "replacedBy"> & { authorId: string; authorName: string; replacedById: string | null };

const checkInOfSql = ({ authorId, authorName, replacedById, ...checkIn }: CheckInSqlRow): CheckInRow => ({
  ...checkIn,
  author: { id: authorId, user: { name: authorName } },
  replacedBy: replacedById === null ? null : { id: replacedById },
});

/** The columns of check-in `alias` a CheckInRow reads, with its author (`m`, `u`) joined. */
const checkInColumns = (alias: string) => {
  const c = Prisma.raw(alias);
  return Prisma.sql`
  ${c}."id"::text AS "id", ${c}."goalId"::text AS "goalId", ${c}."value", ${c}."doneStepIds", ${c}."confidence", ${c}."comment",
  ${c}."effectiveDate", ${c}."replacesId"::text AS "replacesId", ${c}."createdAt", ${c}."bodyDigest",
  m."id"::text AS "authorId", u."name" AS "authorName"`;
};

/**
 * The organisation's check-ins matching `where` with their author's name and the correction
 * replacing them, in one statement (Prisma loads each relation with a query of its own, even
 * when no check-in matches).
 */
async function readCheckIns(db: Reader, organizationId: string, where: Prisma.Sql, orderBy: Prisma.Sql = Prisma.empty): Promise<CheckInRow[]> {
  const rows = await db.$queryRaw<CheckInSqlRow[]>(Prisma.sql`
    SELECT ${checkInColumns("c")}, rb."id"::text AS "replacedById"
    FROM "CheckIn" c
    JOIN "Membership" m ON m."organizationId" = c."organizationId" AND m."id" = c."authorId"
    JOIN "User" u ON u."id" = m."userId"
    LEFT JOIN "CheckIn" rb ON rb."organizationId" = c."organizationId" AND rb."replacesId" = c."id"
    WHERE c."organizationId" = ${organizationId}::uuid AND ${where}
    ${orderBy}`);
  return rows.map(checkInOfSql);
}

export async function findCheckInByKey(db: Reader, organizationId: string, clientKey: string): Promise<CheckInRow | null> {
  const [row] = await readCheckIns(db, organizationId, Prisma.sql`c."clientKey" = ${clientKey}`);
  return row ?? null;
}

export async function findCheckIn(db: Reader, organizationId: string, checkInId: string): Promise<CheckInRow | null> {
  const [row] = await readCheckIns(db, organizationId, Prisma.sql`c."id" = ${checkInId}::uuid`);
  return row ?? null;
}

/** Every check-in of a goal, corrections and replaced ones included, in the order they apply. */
export function checkInsOf(db: Reader, organizationId: string, goalId: string): Promise<CheckInRow[]> {
  return readCheckIns(db, organizationId, Prisma.sql`c."goalId" = ${goalId}::uuid`, Prisma.sql`ORDER BY c."effectiveDate", c."createdAt", c."id"`);
}

/** Holds the goal's row until the transaction ends, so check-ins and lifecycle changes take turns. */
export async function lockGoal(tx: OrgTx, organizationId: string, goalId: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ status: string }[]>(Prisma.sql`
    SELECT "status"::text AS "status" FROM "Goal"
    WHERE "organizationId" = ${organizationId}::uuid AND "id" = ${goalId}::uuid FOR UPDATE`);
  return rows[0]?.status ?? null;
}

export type CheckInInsert = {
  organizationId: string;
  goalId: string;
  value: number;
  doneStepIds: string[];
  confidence: number;
  comment: string;
  effectiveDate: string;
  replacesId: string | null;
  authorId: string;
  clientKey: string;
  bodyDigest: string;
};

/**
 * Runs an INSERT … RETURNING * of one check-in and answers with the stored row as
 * findCheckIn reads it (its author's name joined in the same statement, and nothing replacing
 * it yet), so a check-in costs one round trip, not a write and four reads.
 */
async function insertReturningRow(db: Writer, insert: Prisma.Sql): Promise<CheckInRow | null> {
  const rows = await db.$queryRaw<CheckInSqlRow[]>(Prisma.sql`
    WITH stored AS (${insert})
    SELECT ${checkInColumns("s")}, NULL::text AS "replacedById"
    FROM stored s
    JOIN "Membership" m ON m."organizationId" = s."organizationId" AND m."id" = s."authorId"
    JOIN "User" u ON u."id" = m."userId"`);
  return rows[0] ? checkInOfSql(rows[0]) : null;
}

/**
 * Stores the check-in unless one with the same client key exists (then returns null). A
 * parallel repeat waits for the first to commit and then finds its key taken, so it is never
 * stored twice.
 */
export function insertCheckIn(tx: Writer, row: CheckInInsert): Promise<CheckInRow | null> {
  return insertReturningRow(
    tx,
    Prisma.sql`
    INSERT INTO "CheckIn" ("organizationId", "goalId", "value", "doneStepIds", "confidence", "comment", "effectiveDate", "replacesId", "authorId", "clientKey", "bodyDigest")
    VALUES (${row.organizationId}::uuid, ${row.goalId}::uuid, ${row.value.toFixed(4)}::numeric, ${row.doneStepIds}::text[], ${row.confidence},
            ${row.comment}, ${row.effectiveDate}::date, ${row.replacesId}::uuid, ${row.authorId}::uuid, ${row.clientKey}, ${row.bodyDigest})
    ON CONFLICT ("organizationId", "clientKey") DO NOTHING
    RETURNING *`,
  );
}

/**
 * The same in one statement, for goals whose check-in changes nothing else: stored only while
 * the goal is ACTIVE, holding its row so a lifecycle change waits for it — the lock of
 * lockGoal without a transaction's extra round trips. The lock is exclusive (not FOR SHARE):
 * the database's readings trigger (migration *_goal_readings) locks the goal again to refresh
 * its current reading, and two shared holders upgrading at once would deadlock. Null when the
 * key was taken or the goal is no longer ACTIVE; the caller tells the two apart by the key.
 */
export function insertCheckInIfActive(db: Writer, row: CheckInInsert): Promise<CheckInRow | null> {
  return insertReturningRow(
    db,
    Prisma.sql`
    INSERT INTO "CheckIn" ("organizationId", "goalId", "value", "doneStepIds", "confidence", "comment", "effectiveDate", "replacesId", "authorId", "clientKey", "bodyDigest")
    SELECT g."organizationId", g."id", ${row.value.toFixed(4)}::numeric, ${row.doneStepIds}::text[], ${row.confidence},
           ${row.comment}, ${row.effectiveDate}::date, ${row.replacesId}::uuid, ${row.authorId}::uuid, ${row.clientKey}, ${row.bodyDigest}
    FROM (SELECT "organizationId", "id" FROM "Goal"
          WHERE "organizationId" = ${row.organizationId}::uuid AND "id" = ${row.goalId}::uuid AND "status" = 'ACTIVE' FOR NO KEY UPDATE) g
    ON CONFLICT ("organizationId", "clientKey") DO NOTHING
    RETURNING *`,
  );
}

/**
 * Milestone goals: the steps' done state follows the current check-in. A step it names keeps
 * the day it was first done (or gets the check-in's date); a step it does not name is not done.
 */
export async function syncStepsWithCurrent(tx: OrgTx, organizationId: string, goalId: string): Promise<void> {
  await tx.$executeRaw(Prisma.sql`
    WITH cur AS (
      SELECT c."doneStepIds", c."effectiveDate" FROM "CheckIn" c
      WHERE c."organizationId" = ${organizationId}::uuid AND c."goalId" = ${goalId}::uuid AND ${notReplaced("c")}
      ORDER BY c."effectiveDate" DESC, c."createdAt" DESC, c."id" DESC LIMIT 1
    )
    UPDATE "GoalStep" s
    SET "doneAt" = CASE
      WHEN s."id"::text = ANY(cur."doneStepIds") THEN COALESCE(s."doneAt", cur."effectiveDate"::timestamp AT TIME ZONE 'UTC')
      ELSE NULL END
    FROM cur
    WHERE s."organizationId" = ${organizationId}::uuid AND s."goalId" = ${goalId}::uuid`);
}

export type DueRow = { goalId: string; dueOn: string };

/**
 * ACTIVE goals of `ownerIds` whose next check-in fell due on or before `dueBy`, the longest
 * overdue first: due one cadence after the later of the start and the current check-in.
 */
export async function dueGoals(
  db: Reader,
  organizationId: string,
  input: { ownerIds: readonly string[]; dueBy: string; defaultCadence: Cadence; limit: number },
): Promise<{ rows: DueRow[]; total: number }> {
  if (input.ownerIds.length === 0) return { rows: [], total: 0 };
  const rows = await db.$queryRaw<{ goalId: string; dueOn: string; total: bigint }[]>(Prisma.sql`
    WITH due AS (
      SELECT g."id",
             (GREATEST(g."startDate", last."effectiveDate") + (CASE COALESCE(g."cadence"::text, ${input.defaultCadence})
                WHEN 'WEEKLY' THEN ${CADENCE_DAYS.WEEKLY}::int
                WHEN 'BIWEEKLY' THEN ${CADENCE_DAYS.BIWEEKLY}::int
                ELSE ${CADENCE_DAYS.MONTHLY}::int END)) AS "dueOn"
      FROM "Goal" g
      LEFT JOIN "GoalReading" last ON last."organizationId" = ${organizationId}::uuid AND last."goalId" = g."id"
      WHERE g."organizationId" = ${organizationId}::uuid AND g."status" = 'ACTIVE' AND g."ownerId" = ANY(${[...input.ownerIds]}::uuid[])
        AND g."startDate" IS NOT NULL AND g."measureType" IS NOT NULL
    )
    SELECT "id"::text AS "goalId", to_char("dueOn", 'YYYY-MM-DD') AS "dueOn", count(*) OVER () AS "total"
    FROM due WHERE "dueOn" <= ${input.dueBy}::date
    ORDER BY "dueOn", "id" LIMIT ${input.limit}`);
  return { rows: rows.map((row) => ({ goalId: row.goalId, dueOn: row.dueOn })), total: Number(rows[0]?.total ?? 0) };
}

/** The goals a due list shows, with what the check-in form needs. */
export function dueTargets(db: Reader, goalIds: readonly string[]) {
  return db.goal.findMany({
    where: { id: { in: [...goalIds] } },
    select: {
      ...measureColumns,
      title: true,
      level: true,
      kind: true,
      ownerId: true,
      teamId: true,
      unit: true,
      decimals: true,
      owner: { select: { id: true, user: { select: { name: true } } } },
      steps: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, title: true, dueDate: true, doneAt: true } },
    },
  });
}
export type DueTargetRow = Awaited<ReturnType<typeof dueTargets>>[number];
