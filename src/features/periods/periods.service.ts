import { changesBetween, recordAudit } from "@/features/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import type { OrgDb } from "@/server/db/for-org";
import {
  findCurrentPeriod,
  findPeriod,
  insertPeriod,
  lockPeriods,
  makeOnlyCurrent,
  periodNameTaken,
  updatePeriodFields,
} from "./periods.repository";
import { dateToIsoDate, isoDateToDate, type Period, type PeriodFields } from "./periods.schema";

export type PeriodContext = { orgDb: OrgDb; actor: Actor };

const AUDITED_FIELDS = ["name", "startDate", "endDate"] as const;

const nameTaken = () => new AppError("CONFLICT", "periods.errors.nameTaken", {}, { name: ["periods.errors.nameTaken"] });

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** The audited view of a period: dates as the calendar days people typed. */
function auditView(period: Pick<Period, "name" | "startDate" | "endDate">) {
  return { name: period.name, startDate: dateToIsoDate(period.startDate), endDate: dateToIsoDate(period.endDate) };
}

// the pre-check gives the usual answer; the unique key catches a concurrent twin
async function uniqueName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** A new period. The organisation's first period becomes the current one, so there always is one. */
export async function createPeriod(ctx: PeriodContext, input: PeriodFields): Promise<Period> {
  const { orgDb } = ctx;
  return uniqueName(() =>
    orgDb.$transaction(async (tx) => {
      await lockPeriods(tx, orgDb.organizationId);
      if (await periodNameTaken(tx, input.name)) throw nameTaken();
      const isCurrent = (await findCurrentPeriod(tx)) === null;
      const period = await insertPeriod(tx, {
        organizationId: orgDb.organizationId,
        name: input.name,
        startDate: isoDateToDate(input.startDate),
        endDate: isoDateToDate(input.endDate),
        isCurrent,
      });
      await recordAudit(tx, {
        organizationId: orgDb.organizationId,
        actor: ctx.actor,
        action: "period.create",
        entityType: "period",
        entityId: period.id,
        entityLabel: period.name,
        changes: changesBetween(null, { ...auditView(period), ...(isCurrent ? { isCurrent: true } : {}) }, [
          ...AUDITED_FIELDS,
          "isCurrent",
        ]),
      });
      return period;
    }),
  );
}

export async function updatePeriod(ctx: PeriodContext, periodId: string, input: PeriodFields): Promise<Period> {
  const { orgDb } = ctx;
  return uniqueName(() =>
    orgDb.$transaction(async (tx) => {
      await lockPeriods(tx, orgDb.organizationId);
      const before = await findPeriod(tx, periodId);
      if (!before) throw notFound();
      if (await periodNameTaken(tx, input.name, periodId)) throw nameTaken();
      const after = await updatePeriodFields(tx, periodId, {
        name: input.name,
        startDate: isoDateToDate(input.startDate),
        endDate: isoDateToDate(input.endDate),
      });
      const changes = changesBetween(auditView(before), auditView(after), AUDITED_FIELDS);
      if (changes.length > 0) {
        await recordAudit(tx, {
          organizationId: orgDb.organizationId,
          actor: ctx.actor,
          action: "period.update",
          entityType: "period",
          entityId: after.id,
          entityLabel: after.name,
          changes,
        });
      }
      return after;
    }),
  );
}

/** Exactly one current period: the chosen one; every other period stops being current. */
export async function setCurrentPeriod(ctx: PeriodContext, periodId: string): Promise<Period> {
  const { orgDb } = ctx;
  return orgDb.$transaction(async (tx) => {
    await lockPeriods(tx, orgDb.organizationId);
    const chosen = await findPeriod(tx, periodId);
    if (!chosen) throw notFound();
    const previous = await findCurrentPeriod(tx);
    const period = await makeOnlyCurrent(tx, periodId);
    if (previous?.id !== periodId) {
      await recordAudit(tx, {
        organizationId: orgDb.organizationId,
        actor: ctx.actor,
        action: "period.setCurrent",
        entityType: "period",
        entityId: period.id,
        entityLabel: period.name,
        changes: [{ field: "currentPeriod", from: previous?.name ?? null, to: period.name }],
      });
    }
    return period;
  });
}
