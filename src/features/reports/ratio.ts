import type { Completion, Ratio } from "./reports.schema";

/**
 * The one place report shares are worked out: count ÷ base in percent, rounded half up to one
 * decimal, so the page, the CSV and the XLSX show the very same figure. Null when the base is
 * 0: "no goals were due" is not 0 %.
 */
export function percentOf(count: number, of: number): number | null {
  if (of <= 0) return null;
  // integer arithmetic first: 2 ÷ 3 → 666.67 tenths → 667 → 66.7, with no binary rounding surprise at .x5
  return Math.round((count * 1000) / of) / 10;
}

export function ratioOf(count: number, of: number): Ratio {
  return { count, of, percent: percentOf(count, of) };
}

export type CompletionCounts = { due: number; atMinimum: number; atTarget: number; atStretch: number; closed: number; unconfirmed: number };

/** The completion rates at minimum, target and stretch, all out of the same due goals. */
export function completionOf(counts: CompletionCounts): Completion {
  return {
    due: counts.due,
    atMinimum: ratioOf(counts.atMinimum, counts.due),
    atTarget: ratioOf(counts.atTarget, counts.due),
    atStretch: ratioOf(counts.atStretch, counts.due),
    closed: counts.closed,
    unconfirmed: counts.unconfirmed,
  };
}
