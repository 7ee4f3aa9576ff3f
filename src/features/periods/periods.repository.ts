import type { OrgDb, OrgTx } from "@/server/db/for-org";

const periodSelect = { id: true, name: true, startDate: true, endDate: true, isCurrent: true } as const;

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
