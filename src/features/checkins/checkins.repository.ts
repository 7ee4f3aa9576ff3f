import { CADENCE_DAYS } from "@/features/goals/attainment";
import type { Cadence } from "@/features/goals/goals.schema";
import type { OrgDb, OrgTx } from "@/server/db/for-org";
import { Prisma } from "@/server/db/generated/client";

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

const checkInSelect = {
  id: true,
  goalId: true,
  value: true,
  doneStepIds: true,
  confidence: true,
  comment: true,
  effectiveDate: true,
  replacesId: true,
  createdAt: true,
  bodyDigest: true,
  author: { select: { id: true, user: { select: { name: true } } } },
  replacedBy: { select: { id: true } },
} as const;

export function findCheckInByKey(db: Reader, clientKey: string) {
  return db.checkIn.findFirst({ where: { clientKey }, select: checkInSelect });
}
export type CheckInRow = NonNullable<Awaited<ReturnType<typeof findCheckInByKey>>>;

export function findCheckIn(db: Reader, checkInId: string) {
  return db.checkIn.findFirst({ where: { id: checkInId }, select: checkInSelect });
}

/** Every check-in of a goal, corrections and replaced ones included, in the order they apply. */
export function checkInsOf(db: Reader, goalId: string) {
  return db.checkIn.findMany({
    where: { goalId },
    select: checkInSelect,
    orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
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

type StoredCheckInSql = Omit<CheckInRow, "author" | "replacedBy"> & { authorId: string; authorName: string };

/**
 * Runs an INSERT … RETURNING * of one check-in and answers with the stored row as
 * findCheckIn reads it (its author's name joined in the same statement, and nothing replacing
 * it yet), so a check-in costs one round trip, not a write and four reads.
 */
async function insertReturningRow(db: Writer, insert: Prisma.Sql): Promise<CheckInRow | null> {
  const rows = await db.$queryRaw<StoredCheckInSql[]>(Prisma.sql`
    WITH stored AS (${insert})
    SELECT s."id"::text AS "id", s."goalId"::text AS "goalId", s."value", s."doneStepIds", s."confidence", s."comment", s."effectiveDate",
      s."replacesId"::text AS "replacesId", s."createdAt", s."bodyDigest", m."id"::text AS "authorId", u."name" AS "authorName"
    FROM stored s
    JOIN "Membership" m ON m."organizationId" = s."organizationId" AND m."id" = s."authorId"
    JOIN "User" u ON u."id" = m."userId"`);
  const row = rows[0];
  if (!row) return null;
  const { authorId, authorName, ...checkIn } = row;
  return { ...checkIn, author: { id: authorId, user: { name: authorName } }, replacedBy: null };
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
