import { changesBetween, recordAudit } from "@/features/audit/audit";
import { compactPrioritiesOf } from "@/features/goals/goals.repository";
import type { Actor } from "@/server/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import type { OrgDb } from "@/server/db/for-org";
import {
  closeActiveGoals,
  findCurrentPeriod,
  findPeriod,
  insertPeriod,
  lockActiveGoals,
  lockPeriods,
  makeOnlyCurrent,
  markPeriodClosed,
  periodNameTaken,
  tallyPeriodGoals,
  updatePeriodFields,
} from "./periods.repository";
import {
  dateToIsoDate,
  isoDateToDate,
  type OutcomeCounts,
  type Period,
  type PeriodClosePreview,
  type PeriodCloseResult,
  type PeriodFields,
} from "./periods.schema";

export type PeriodContext = { orgDb: OrgDb; actor: Actor };
/** Closing writes goals in the caller's name, so it also needs who the caller is in the organisation. */
export type PeriodCloseContext = PeriodContext & { membership: { id: string } };

// a large organisation's close touches tens of thousands of goals in one transaction
const CLOSE_TX_OPTIONS = { maxWait: 15_000, timeout: 120_000 };

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

// ---------------------------------------------------------------------------------------
// Closing a period

const noOutcomes = (): OutcomeCounts => ({ BELOW_MINIMUM: 0, MINIMUM: 0, TARGET: 0, STRETCH: 0 });

/** What closing the period would do now, for the confirmation the page asks for. */
export async function previewPeriodClose(ctx: PeriodContext, periodId: string): Promise<PeriodClosePreview> {
  const { orgDb } = ctx;
  const period = await findPeriod(orgDb, periodId);
  if (!period) throw notFound();
  const tally = await tallyPeriodGoals(orgDb, orgDb.organizationId, period.id);
  const preview: PeriodClosePreview = {
    periodId: period.id,
    closedAt: period.closedAt,
    toClose: 0,
    byOutcome: noOutcomes(),
    leftOpen: 0,
    closed: 0,
    unconfirmed: 0,
  };
  for (const row of tally) {
    if (row.status === "ACTIVE") {
      preview.toClose += row.goals;
      if (row.level) preview.byOutcome[row.level] += row.goals;
    } else if (row.status === "DRAFT" || row.status === "PROPOSED") {
      preview.leftOpen += row.goals;
    } else if (row.status === "CLOSED") {
      preview.closed += row.goals;
      preview.unconfirmed += row.unconfirmed;
    }
  }
  return preview;
}

/**
 * Closes the period: every ACTIVE goal of it becomes CLOSED with the level its current reading
 * reached, unconfirmed until the manager confirms or adjusts it (PRODUCT.md, "Closing a
 * period"). DRAFT and PROPOSED goals were never agreed and are left alone, so they can still
 * be moved to another period or cancelled with a reason of their own. One transaction,
 * serialised per organisation with the other period changes. Closing again is harmless: the
 * period keeps its first closing time and the answer says nothing was left to close.
 */
export async function closePeriod(ctx: PeriodCloseContext, periodId: string): Promise<PeriodCloseResult> {
  const { orgDb } = ctx;
  const organizationId = orgDb.organizationId;
  return orgDb.$transaction(async (tx) => {
    await lockPeriods(tx, organizationId);
    const period = await findPeriod(tx, periodId);
    if (!period) throw notFound();
    const now = new Date();
    await lockActiveGoals(tx, organizationId, period.id);
    const tally = await closeActiveGoals(tx, {
      organizationId,
      periodId: period.id,
      at: now,
      actor: { membershipId: ctx.membership.id, userId: ctx.actor.userId, name: ctx.actor.name },
    });
    await compactPrioritiesOf(tx, organizationId, [...new Set(tally.flatMap((row) => row.ownerIds))]);

    const byOutcome = noOutcomes();
    for (const row of tally) byOutcome[row.outcome] += row.goals;
    const closed = tally.reduce((sum, row) => sum + row.goals, 0);
    const alreadyClosed = period.closedAt !== null;
    if (!alreadyClosed) await markPeriodClosed(tx, period.id, now, ctx.membership.id);
    if (!alreadyClosed || closed > 0) {
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "period.close",
        entityType: "period",
        entityId: period.id,
        entityLabel: period.name,
        changes: [
          ...(alreadyClosed ? [] : [{ field: "closedAt", from: null, to: now.toISOString() }]),
          { field: "goalsClosed", from: null, to: closed },
          { field: "outcomeBelowMinimum", from: null, to: byOutcome.BELOW_MINIMUM },
          { field: "outcomeMinimum", from: null, to: byOutcome.MINIMUM },
          { field: "outcomeTarget", from: null, to: byOutcome.TARGET },
          { field: "outcomeStretch", from: null, to: byOutcome.STRETCH },
        ],
      });
    }
    const leftOpen = await tx.goal.count({ where: { periodId: period.id, status: { in: ["DRAFT", "PROPOSED"] } } });
    return { periodId: period.id, closedAt: period.closedAt ?? now, alreadyClosed, closed, byOutcome, leftOpen };
  }, CLOSE_TX_OPTIONS);
}
