import { z } from "zod";

export const PERIOD_NAME_MAX = 40;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a calendar date written "YYYY-MM-DD" that exists (2027-02-30 does not). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A period's dates are calendar days; they are stored as UTC midnight. */
export function isoDateToDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

export function dateToIsoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export const ZPeriodName = z
  .string()
  .trim()
  .min(1, { error: "periods.errors.nameRequired" })
  .max(PERIOD_NAME_MAX, { error: "periods.errors.nameTooLong" });

export const ZIsoDate = z
  .string()
  .trim()
  .min(1, { error: "periods.errors.dateRequired" })
  // an empty field already has its own message
  .refine((value) => value === "" || isIsoDate(value), { error: "periods.errors.invalidDate" });

/** The editable fields of a period, shared by the form (browser) and the procedures. */
export const periodFieldsShape = { name: ZPeriodName, startDate: ZIsoDate, endDate: ZIsoDate };

/** End on or after start, reported beside the end date. */
export function checkPeriodDates(value: { startDate: string; endDate: string }, ctx: z.RefinementCtx): void {
  if (isIsoDate(value.startDate) && isIsoDate(value.endDate) && value.endDate < value.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "periods.errors.endBeforeStart" });
  }
}

export const ZPeriodFields = z.strictObject(periodFieldsShape).superRefine(checkPeriodDates);
export type PeriodFields = z.infer<typeof ZPeriodFields>;

export const ZPeriod = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.date(),
  endDate: z.date(),
  isCurrent: z.boolean(),
  /** when the period was closed (its active goals closed with their computed outcome), or null */
  closedAt: z.date().nullable(),
});
export type Period = z.infer<typeof ZPeriod>;

// the outcome levels, spelled out here: goals.schema imports this module
const ZOutcomeCounts = z.object({ BELOW_MINIMUM: z.number(), MINIMUM: z.number(), TARGET: z.number(), STRETCH: z.number() });
export type OutcomeCounts = z.infer<typeof ZOutcomeCounts>;

/** What closing the period would do now (period.closePreview). */
export const ZPeriodClosePreview = z.object({
  periodId: z.string(),
  closedAt: z.date().nullable(),
  /** ACTIVE goals: each would close with the level of its current reading */
  toClose: z.number(),
  /** the levels they would close with, as their readings stand now */
  byOutcome: ZOutcomeCounts,
  /** DRAFT and PROPOSED goals: never agreed, so the close leaves them as they are */
  leftOpen: z.number(),
  /** goals already CLOSED, and of those the ones whose outcome awaits the manager */
  closed: z.number(),
  unconfirmed: z.number(),
});
export type PeriodClosePreview = z.infer<typeof ZPeriodClosePreview>;

/** What a close did (period.close). A second close finds nothing left to close and says so. */
export const ZPeriodCloseResult = z.object({
  periodId: z.string(),
  /** the first close's time: a repeated close keeps it */
  closedAt: z.date(),
  /** the period had been closed before this call */
  alreadyClosed: z.boolean(),
  /** goals this call closed, and the outcomes they closed with (all unconfirmed) */
  closed: z.number(),
  byOutcome: ZOutcomeCounts,
  leftOpen: z.number(),
});
export type PeriodCloseResult = z.infer<typeof ZPeriodCloseResult>;
