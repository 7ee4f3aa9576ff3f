import type { OrgDb, OrgTx } from "@/server/db/for-org";
import { Prisma } from "@/server/db/generated/client";

const periodSelect = { id: true, name: true, startDate: true, endDate: true, isCurrent: true, closedAt: true } as const;

type Reader = OrgDb | OrgTx;

export function listPeriods(orgDb: OrgDb) {
  return orgDb.goalPeriod.findMany({ select: periodSelect, orderBy: [{ startDate: "desc" }, { name: "asc" }] });
}

export function findPeriod(db: Reader, periodId: string) {
  return db.goalPeriod.findFirst({ where: { id: periodId }, select: periodSelect });
}

export async function periodNameTaken(db: Reader, name: string, exceptId?: string): Promise<boolean> {
  // names are compared as stored (the unique key is case-sensitive); "2027" and "2027 H1" differ
  const row = await db.goalPeriod.findFirst({ where: { name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  return row !== null;
}

export function findCurrentPeriod(db: Reader) {
  return db.goalPeriod.findFirst({ where: { isCurrent: true }, select: periodSelect });
}

export function insertPeriod(
  tx: OrgTx,
  data: { organizationId: string; name: string; startDate: Date; endDate: Date; isCurrent: boolean },
) {
  return tx.goalPeriod.create({
    data: {
      organizationId: data.organizationId,
      name: data.name,
      startDate: data.startDate,
      endDate: data.endDate,
      isCurrent: data.isCurrent,
    },
    select: periodSelect,
  });
}

export function updatePeriodFields(tx: OrgTx, periodId: string, data: { name: string; startDate: Date; endDate: Date }) {
  return tx.goalPeriod.update({
    where: { id: periodId },
    data: { name: data.name, startDate: data.startDate, endDate: data.endDate },
    select: periodSelect,
  });
}

/** Makes one period the current one and every other period not current. */
export async function makeOnlyCurrent(tx: OrgTx, periodId: string) {
  await tx.goalPeriod.updateMany({ where: { isCurrent: true, id: { not: periodId } }, data: { isCurrent: false } });
  return tx.goalPeriod.update({ where: { id: periodId }, data: { isCurrent: true }, select: periodSelect });
}

/**
 * Serialises changes to an organisation's periods, so two concurrent "make current" calls
 * cannot leave two current periods. Held until the transaction ends.
 */
export async function lockPeriods(tx: OrgTx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"periods:" + organizationId}))`;
}

// ---------------------------------------------------------------------------------------
// Closing a period: set-based, one statement per step whatever the number of goals. Every
// raw query binds the organisation id on every table it reads.

type Level = "BELOW_MINIMUM" | "MINIMUM" | "TARGET" | "STRETCH";

/**
 * The current reading of each ACTIVE goal of the period: the latest check-in by effective date
 * (then by entry) that no correction replaces, as the database keeps it in GoalReading.
 */
function activeReadings(organizationId: string, periodId: string) {
  return Prisma.sql`
    SELECT gr."goalId", gr."value"
    FROM "GoalReading" gr
    JOIN "Goal" a ON a."organizationId" = ${organizationId}::uuid AND a."id" = gr."goalId"
    WHERE gr."organizationId" = ${organizationId}::uuid AND a."periodId" = ${periodId}::uuid AND a."status" = 'ACTIVE'`;
}

/** The level reached by goal `g` at reading `r` (the SQL twin of attainment.ts; BELOW_MINIMUM without a measure or reading). */
const levelSql = Prisma.raw(
  `smarta_level(g."measureType"::text, g."baseline"::float8, g."minimum"::float8, g."target"::float8, g."stretch"::float8, r."value")`,
);

export type PeriodGoalTally = { status: string; level: Level | null; goals: number; unconfirmed: number };

/** The period's goals counted by status, ACTIVE ones also by the level they would close with now. */
export async function tallyPeriodGoals(db: Reader, organizationId: string, periodId: string): Promise<PeriodGoalTally[]> {
  const rows = await db.$queryRaw<{ status: string; level: Level | null; goals: number; unconfirmed: number }[]>(Prisma.sql`
    WITH r AS (${activeReadings(organizationId, periodId)})
    SELECT g."status"::text AS "status",
           CASE WHEN g."status" = 'ACTIVE' THEN ${levelSql} END AS "level",
           count(*)::int AS "goals",
           count(*) FILTER (WHERE g."status" = 'CLOSED' AND g."outcomeConfirmedAt" IS NULL)::int AS "unconfirmed"
    FROM "Goal" g
    LEFT JOIN r ON r."goalId" = g."id"
    WHERE g."organizationId" = ${organizationId}::uuid AND g."periodId" = ${periodId}::uuid
    GROUP BY 1, 2`);
  return rows.map((row) => ({ status: row.status, level: row.level, goals: Number(row.goals), unconfirmed: Number(row.unconfirmed) }));
}

/**
 * Takes the row lock of every ACTIVE goal of the period before their readings are read: a
 * check-in being stored right now (it holds its goal's row) commits first and is counted,
 * and later ones find the goal closed.
 */
export async function lockActiveGoals(tx: OrgTx, organizationId: string, periodId: string): Promise<void> {
  await tx.$queryRaw(Prisma.sql`
    SELECT count(*)::int AS "locked" FROM (
      SELECT 1 FROM "Goal"
      WHERE "organizationId" = ${organizationId}::uuid AND "periodId" = ${periodId}::uuid AND "status" = 'ACTIVE'
      FOR UPDATE
    ) AS locked`);
}

export type ClosedTally = { outcome: Level; goals: number; ownerIds: string[] };

/**
 * One statement: every ACTIVE goal of the period becomes CLOSED with the level of its current
 * reading as its outcome, unconfirmed, its version bumped; and each gets its history entry.
 * Answers the closed goals counted by outcome, with their owners (whose rankings then close up).
 */
export async function closeActiveGoals(
  tx: OrgTx,
  input: { organizationId: string; periodId: string; at: Date; actor: { membershipId: string; userId: string; name: string } },
): Promise<ClosedTally[]> {
  const { organizationId, periodId, actor } = input;
  const at = input.at.toISOString();
  const rows = await tx.$queryRaw<{ outcome: Level; goals: number; ownerIds: string[] }[]>(Prisma.sql`
    WITH r AS (${activeReadings(organizationId, periodId)}),
    closed AS (
      UPDATE "Goal" AS g SET
        "status" = 'CLOSED',
        "outcome" = (${levelSql})::"OutcomeLevel",
        "closedAt" = ${at}::timestamptz,
        "outcomeConfirmedAt" = NULL,
        "outcomeConfirmedById" = NULL,
        "version" = g."version" + 1,
        "updatedById" = ${actor.membershipId}::uuid,
        "updatedAt" = ${at}::timestamptz
      FROM (
        SELECT a."id" FROM "Goal" a
        WHERE a."organizationId" = ${organizationId}::uuid AND a."periodId" = ${periodId}::uuid AND a."status" = 'ACTIVE'
      ) AS due
      LEFT JOIN r ON r."goalId" = due."id"
      WHERE g."organizationId" = ${organizationId}::uuid AND g."id" = due."id" AND g."status" = 'ACTIVE'
      RETURNING g."id", g."title", g."ownerId", g."outcome"::text AS "outcome"
    ),
    logged AS (
      INSERT INTO "AuditEvent" ("organizationId", "actorUserId", "actorName", "action", "entityType", "entityId", "entityLabel", "changes", "createdAt")
      SELECT ${organizationId}::uuid, ${actor.userId}::uuid, ${actor.name}, 'goal.closeWithPeriod', 'goal', c."id"::text, c."title",
             jsonb_build_array(
               jsonb_build_object('field', 'status', 'from', 'ACTIVE', 'to', 'CLOSED'),
               jsonb_build_object('field', 'outcome', 'from', NULL, 'to', c."outcome")
             ),
             ${at}::timestamptz
      FROM closed c
    )
    SELECT c."outcome", count(*)::int AS "goals", array_agg(DISTINCT c."ownerId"::text) AS "ownerIds"
    FROM closed c
    GROUP BY c."outcome"`);
  return rows.map((row) => ({ outcome: row.outcome, goals: Number(row.goals), ownerIds: row.ownerIds }));
}

export function markPeriodClosed(tx: OrgTx, periodId: string, at: Date, closedById: string) {
  return tx.goalPeriod.update({ where: { id: periodId }, data: { closedAt: at, closedById }, select: periodSelect });
}
