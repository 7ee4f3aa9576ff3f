import type { CheckInResult, DueCheckIn } from "../checkins.schema";

/**
 * The home page's "check-ins due" card, the parts that are plain logic: how late a check-in is,
 * and how an item the person just checked in on stays on screen after the due list drops it.
 */

const DAY_MS = 86_400_000;

/** Whole days from one ISO date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export type Lateness = { kind: "dueToday" } | { kind: "overdue"; days: number };

/**
 * How late a check-in is on `today` (the server's UTC day, the day statuses are worked out for).
 * The due list holds only check-ins due by today, so a day in the future reads as due today.
 */
export function latenessOf(dueOn: string, today: string): Lateness {
  const days = daysBetween(dueOn, today);
  return days > 0 ? { kind: "overdue", days } : { kind: "dueToday" };
}

/**
 * An item held on screen from the moment its check-in is sent: the item as it was listed, where,
 * and the server's answer once it came (null while it is on its way or when it failed).
 */
export type Kept = { item: DueCheckIn; index: number; result: CheckInResult | null };

/** `item` is the goal as listed; once saved, as it was before the check-in, beside the answer. */
export type ShownItem = { item: DueCheckIn; saved: CheckInResult | null };

/**
 * The items to show: the due list as the server has it now, with every goal checked in on from
 * this card kept at the place it had, showing its result. Once saved, a goal is no longer due and
 * the refetch drops it, even before the form hands over the answer; the person should still see
 * their form finish and what the check-in changed.
 */
export function shownItems(due: readonly DueCheckIn[], kept: Readonly<Record<string, Kept>>): ShownItem[] {
  // a saved goal shows the item as it was when checked in on, so "before" and "after" compare
  const shown: ShownItem[] = due.map((item) => {
    const entry = kept[item.goal.id];
    return entry?.result ? { item: entry.item, saved: entry.result } : { item, saved: null };
  });
  const listed = new Set(due.map((item) => item.goal.id));
  const missing = Object.values(kept)
    .filter((entry) => !listed.has(entry.item.goal.id))
    .sort((a, b) => a.index - b.index);
  for (const entry of missing) {
    shown.splice(Math.min(entry.index, shown.length), 0, { item: entry.item, saved: entry.result });
  }
  return shown;
}

/** The share of the bar to fill: progress past the target (toward stretch) fills it, no more. */
export function barWidth(progressPoints: number | null | undefined): number {
  if (progressPoints === null || progressPoints === undefined || !Number.isFinite(progressPoints)) return 0;
  return Math.min(100, Math.max(0, progressPoints));
}

/** Counts for the card's summary line. */
export function dueSummaryOf(shown: readonly ShownItem[]): { waiting: number; overdue: number; done: number } {
  let waiting = 0;
  let overdue = 0;
  let done = 0;
  for (const { item, saved } of shown) {
    if (saved) {
      done += 1;
      continue;
    }
    waiting += 1;
    if (item.overdue) overdue += 1;
  }
  return { waiting, overdue, done };
}
