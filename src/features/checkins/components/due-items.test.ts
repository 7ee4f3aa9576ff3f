import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { CheckInResult, DueCheckIn, GoalProgress } from "../checkins.schema";
import { barWidth, daysBetween, dueSummaryOf, latenessOf, shownItems, type Kept } from "./due-items";

const progress = (patch: Partial<GoalProgress> = {}): GoalProgress => ({
  current: null,
  progressPoints: 0,
  level: "BELOW_MINIMUM",
  health: "ON_TRACK",
  expectedPoints: 10,
  stale: false,
  cadence: "MONTHLY",
  nextCheckInDue: "2027-03-01",
  rollup: null,
  canCheckIn: true,
  canSeePrivate: true,
  ...patch,
});

const item = (id: string, patch: Partial<DueCheckIn> = {}): DueCheckIn => ({
  goal: {
    id,
    title: `Goal ${id}`,
    level: "INDIVIDUAL",
    measureType: "NUMBER",
    unit: "",
    decimals: 0,
    baseline: 0,
    minimum: 5,
    target: 10,
    stretch: 15,
    startDate: "2027-01-01",
    dueDate: "2027-12-31",
    steps: [],
  },
  owner: { membershipId: "m1", name: "Elin" },
  dueOn: "2027-02-01",
  overdue: true,
  progress: progress(),
  ...patch,
});

const result = (goalId: string, points: number): CheckInResult => ({
  checkIn: {
    id: `c-${goalId}`,
    effectiveDate: "2027-02-10",
    value: points / 10,
    doneStepIds: [],
    confidence: 7,
    comment: "",
    author: { membershipId: "m1", name: "Elin" },
    createdAt: new Date("2027-02-10T09:00:00Z"),
    replacesId: null,
    replacedById: null,
  },
  progress: progress({ progressPoints: points, nextCheckInDue: "2027-03-12" }),
});

const saved = (entries: { id: string; index: number; points?: number | null }[]): Record<string, Kept> =>
  Object.fromEntries(entries.map(({ id, index, points = 50 }) => [id, { item: item(id), index, result: points === null ? null : result(id, points) }]));

const ids = (shown: ReturnType<typeof shownItems>) => shown.map((entry) => entry.item.goal.id);

describe("daysBetween", () => {
  it("counts calendar days across months, years and leap days", () => {
    expect(daysBetween("2027-02-01", "2027-02-01")).toBe(0);
    expect(daysBetween("2027-01-31", "2027-02-01")).toBe(1);
    expect(daysBetween("2027-12-31", "2028-01-01")).toBe(1);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2027-03-10", "2027-03-01")).toBe(-9);
  });

  test.prop([fc.integer({ min: 0, max: 4000 }), fc.integer({ min: -400, max: 400 })])("adding n days and counting gives n", (start, n) => {
    const from = new Date(Date.UTC(2020, 0, 1) + start * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.UTC(2020, 0, 1) + (start + n) * 86_400_000).toISOString().slice(0, 10);
    expect(daysBetween(from, to)).toBe(n);
    expect(daysBetween(to, from)).toBe(0 - n);
  });
});

describe("latenessOf", () => {
  it("is due today on the due day and overdue by whole days after it", () => {
    expect(latenessOf("2027-02-10", "2027-02-10")).toEqual({ kind: "dueToday" });
    expect(latenessOf("2027-02-09", "2027-02-10")).toEqual({ kind: "overdue", days: 1 });
    expect(latenessOf("2027-01-10", "2027-02-10")).toEqual({ kind: "overdue", days: 31 });
  });

  it("never says overdue by zero or fewer days", () => {
    expect(latenessOf("2027-02-11", "2027-02-10")).toEqual({ kind: "dueToday" });
  });
});

describe("shownItems", () => {
  it("shows the due list as it is when nothing was saved", () => {
    const due = [item("a"), item("b")];
    expect(shownItems(due, {})).toEqual([
      { item: due[0], saved: null },
      { item: due[1], saved: null },
    ]);
  });

  it("keeps a saved goal at its place after the refetch dropped it", () => {
    const shown = shownItems([item("a"), item("c")], saved([{ id: "b", index: 1 }]));
    expect(ids(shown)).toEqual(["a", "b", "c"]);
    expect(shown[1]!.saved?.progress.progressPoints).toBe(50);
    expect(shown[0]!.saved).toBeNull();
  });

  it("marks a saved goal that is still listed instead of showing it twice", () => {
    const shown = shownItems([item("a"), item("b")], saved([{ id: "a", index: 0, points: 70 }]));
    expect(ids(shown)).toEqual(["a", "b"]);
    expect(shown[0]!.saved?.progress.progressPoints).toBe(70);
  });

  it("keeps a goal whose check-in is still on its way, without a result yet", () => {
    const shown = shownItems([item("b")], saved([{ id: "a", index: 0, points: null }]));
    expect(ids(shown)).toEqual(["a", "b"]);
    expect(shown[0]!.saved).toBeNull();
  });

  it("keeps every saved goal when all of them were dropped", () => {
    const shown = shownItems([], saved([{ id: "b", index: 1 }, { id: "a", index: 0 }, { id: "c", index: 2 }]));
    expect(ids(shown)).toEqual(["a", "b", "c"]);
  });

  test.prop([fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 })])(
    "drops nothing, repeats nothing, and keeps the unsaved ones in server order",
    (numbers, savedFlags) => {
      const original = numbers.map((n) => item(`g${n}`));
      const entries = original.flatMap((entry, index) => (savedFlags[index] ? [{ id: entry.goal.id, index }] : []));
      const savedIds = new Set(entries.map((entry) => entry.id));
      // after the refetch the saved goals are gone from the server's list
      const refetched = original.filter((entry) => !savedIds.has(entry.goal.id));
      const shown = shownItems(refetched, saved(entries));
      expect(ids(shown)).toEqual(original.map((entry) => entry.goal.id));
      expect(shown.filter((entry) => entry.saved !== null).length).toBe(entries.length);
    },
  );
});

describe("barWidth", () => {
  it("fills up to the target and no further", () => {
    expect(barWidth(0)).toBe(0);
    expect(barWidth(42.5)).toBe(42.5);
    expect(barWidth(100)).toBe(100);
    expect(barWidth(140)).toBe(100);
  });

  it("reads nothing odd as zero", () => {
    expect(barWidth(-5)).toBe(0);
    expect(barWidth(Number.NaN)).toBe(0);
    expect(barWidth(null)).toBe(0);
    expect(barWidth(undefined)).toBe(0);
  });
});

describe("dueSummaryOf", () => {
  it("counts what still waits, what is overdue among it, and what was done here", () => {
    const shown = shownItems(
      [item("a", { overdue: true }), item("b", { overdue: false, dueOn: "2027-02-10" }), item("c", { overdue: true })],
      saved([{ id: "c", index: 2 }]),
    );
    expect(dueSummaryOf(shown)).toEqual({ waiting: 2, overdue: 1, done: 1 });
  });
});
