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
});
export type Period = z.infer<typeof ZPeriod>;
