import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { CADENCE_DAYS, progressOf, standingOf, type Measure } from "@/features/goals/attainment";
import { CADENCES, GOAL_STATUSES, type GoalStatus } from "@/features/goals/goals.schema";
import { finite, increasingMeasure } from "@/features/goals/attainment.arbitraries";
import {
  addDays,
  goalProgressOf,
  latestDateOnEarth,
  measureOf,
  nextCheckInDueOf,
  rollupOf,
  todayOf,
  type GoalMeasureFacts,
  type ProgressInput,
  type ProgressSettings,
  type RollupChild,
} from "./progress";

const RUNS = { numRuns: 500 };

/** An ACTIVE goal with the levels of UP below, for 2027. */
const factsOf = (overrides: Partial<GoalMeasureFacts> = {}): GoalMeasureFacts => ({
  status: "ACTIVE",
  measureType: "NUMBER",
  baseline: 10,
  minimum: 30,
  target: 40,
  stretch: 50,
  startDate: "2027-01-01",
  dueDate: "2027-12-31",
  cadence: null,
  ...overrides,
});

const SETTINGS: ProgressSettings = {
  onTrackMarginPoints: 10,
  atRiskMarginPoints: 25,
  lowConfidenceAtOrBelow: 4,
  defaultCadence: "MONTHLY",
  staleAfterCadences: 1.5,
};

/** Baseline 10, minimum 30, target 40, stretch 50 (stretch sits at 4/3 of the way). */
const UP: Measure = { measureType: "NUMBER", baseline: 10, minimum: 30, target: 40, stretch: 50 };
/** Lower is better: 100 → 60, stretch 50. */
const DOWN: Measure = { measureType: "NUMBER", baseline: 100, minimum: 80, target: 60, stretch: 50 };


/** Any measure the goal schema lets through, ordered or not (levels as the database may hold them). */
const anyMeasure: fc.Arbitrary<Measure> = fc.record({
  measureType: fc.constantFrom("NUMBER", "PERCENT", "MILESTONES", "BINARY"),
  baseline: finite,
  minimum: finite,
  target: finite,
  stretch: finite,
});


const weight = fc.double({ min: 0.1, max: 100, noNaN: true });

const child: fc.Arbitrary<RollupChild> = fc.record({
  measure: fc.option(anyMeasure, { freq: 5 }),
  reading: fc.option(finite, { freq: 5 }),
  weight: fc.oneof(weight, fc.constantFrom(0, -1, Number.NaN)),
});

/** A child that always counts: a measure and a positive weight. */
const countingChild: fc.Arbitrary<RollupChild> = fc.record({ measure: anyMeasure, reading: fc.option(finite, { freq: 5 }), weight });

/** Dates from 2020 to 2035 as "YYYY-MM-DD". */
const isoDate = fc
  .integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2035, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

const cadence = fc.constantFrom(...CADENCES);

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

describe("rollupOf", () => {
  it("is the weighted mean of the children's progress, each capped at 100 %", () => {
    const rollup = rollupOf([
      { measure: UP, reading: 25, weight: 1 }, // 50 %
      { measure: UP, reading: 50, weight: 1 }, // 133 % at stretch, counted as 100 %
      { measure: DOWN, reading: 90, weight: 2 }, // 25 %
    ]);
    // (0.5 × 1 + 1 × 1 + 0.25 × 2) / 4 = 0.5; without the cap it would be 58.3
    expect(rollup).toEqual({ progressPoints: 50, goalCount: 3 });
  });

  it("counts a child without a check-in as no progress", () => {
    expect(rollupOf([{ measure: UP, reading: 40, weight: 1 }, { measure: UP, reading: null, weight: 3 }])).toEqual({ progressPoints: 25, goalCount: 2 });
  });

  it("ignores children without a measure and children without a positive weight", () => {
    const counted: RollupChild = { measure: UP, reading: 31, weight: 2 }; // 70 %
    const rollup = rollupOf([
      counted,
      { measure: null, reading: 0, weight: 5 },
      { measure: UP, reading: 10, weight: 0 },
      { measure: UP, reading: 10, weight: -1 },
      { measure: UP, reading: 10, weight: Number.NaN },
    ]);
    expect(rollup?.goalCount).toBe(1);
    expect(rollup?.progressPoints).toBeCloseTo(70, 9);
  });

  it("is null when nothing counts", () => {
    expect(rollupOf([])).toBeNull();
    expect(rollupOf([{ measure: null, reading: 3, weight: 1 }])).toBeNull();
    expect(rollupOf([{ measure: UP, reading: 40, weight: 0 }])).toBeNull();
  });

  test.prop([fc.array(child, { maxLength: 12 })], RUNS)("stays between 0 and 100 and is never NaN", (children) => {
    const rollup = rollupOf(children);
    const counting = children.filter((c) => c.measure !== null && c.weight > 0);
    if (counting.length === 0) {
      expect(rollup).toBeNull();
      return;
    }
    expect(rollup).not.toBeNull();
    expect(rollup!.goalCount).toBe(counting.length);
    expect(Number.isFinite(rollup!.progressPoints)).toBe(true);
    expect(rollup!.progressPoints).toBeGreaterThanOrEqual(0);
    expect(rollup!.progressPoints).toBeLessThanOrEqual(100 + 1e-9);
  });

  test.prop([fc.array(countingChild, { minLength: 1, maxLength: 10 }), fc.double({ min: 0.01, max: 100, noNaN: true })], RUNS)(
    "depends on the weights' proportions only",
    (children, factor) => {
      const scaled = children.map((c) => ({ ...c, weight: c.weight * factor }));
      expect(rollupOf(scaled)!.progressPoints).toBeCloseTo(rollupOf(children)!.progressPoints, 6);
    },
  );

  test.prop([fc.array(countingChild, { minLength: 1, maxLength: 10 }), fc.nat()], RUNS)("does not depend on the children's order", (children, seed) => {
    const rotated = children.map((_, i) => children[(i + seed) % children.length]!);
    expect(rollupOf(rotated)!.progressPoints).toBeCloseTo(rollupOf(children)!.progressPoints, 9);
  });

  test.prop([fc.array(countingChild, { minLength: 1, maxLength: 10 })], RUNS)("counts a child twice as much when its weight doubles", (children) => {
    const [first, ...rest] = children;
    const doubled = rollupOf([{ ...first!, weight: first!.weight * 2 }, ...rest])!;
    const twice = rollupOf([first!, first!, ...rest])!;
    expect(doubled.progressPoints).toBeCloseTo(twice.progressPoints, 6);
  });

  test.prop([countingChild, weight], RUNS)("equals one child's progress, capped at 100 %, whatever its weight", (only, w) => {
    const expected = Math.min(100, progressOf(only.measure!, only.reading) * 100);
    expect(rollupOf([{ ...only, weight: w }])!.progressPoints).toBeCloseTo(expected, 9);
  });

  test.prop([fc.array(countingChild, { maxLength: 8 }), increasingMeasure, fc.double({ min: 0, max: 1e6, noNaN: true }), weight], RUNS)(
    "gives a child past its target no more than one exactly at it",
    (others, measure, beyond, w) => {
      const atTarget = rollupOf([...others, { measure, reading: measure.target, weight: w }])!;
      const past = rollupOf([...others, { measure, reading: measure.target + beyond, weight: w }])!;
      expect(past.progressPoints).toBeCloseTo(atTarget.progressPoints, 6);
    },
  );

  test.prop([fc.array(countingChild, { maxLength: 8 }), increasingMeasure, finite, finite, weight], RUNS)(
    "never falls when one child moves toward its target",
    (others, measure, a, b, w) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      const before = rollupOf([...others, { measure, reading: low, weight: w }])!;
      const after = rollupOf([...others, { measure, reading: high, weight: w }])!;
      expect(after.progressPoints).toBeGreaterThanOrEqual(before.progressPoints - 1e-9);
    },
  );

  test.prop([fc.array(child, { maxLength: 8 }), fc.option(finite), weight], RUNS)("is unchanged by a child without a measure", (children, reading, w) => {
    expect(rollupOf([...children, { measure: null, reading, weight: w }])).toEqual(rollupOf(children));
  });
});

describe("addDays and nextCheckInDueOf", () => {
  it("adds calendar days across months, years and leap days", () => {
    expect(addDays("2027-01-31", 1)).toBe("2027-02-01");
    expect(addDays("2027-12-25", 7)).toBe("2028-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    // no daylight-saving hour slips in: last Sunday of March and of October in Europe
    expect(addDays("2027-03-27", 1)).toBe("2027-03-28");
    expect(addDays("2027-10-30", 2)).toBe("2027-11-01");
  });

  it("falls due one cadence after the start, or after the last check-in when that is later", () => {
    expect(nextCheckInDueOf("2027-01-15", null, "WEEKLY")).toBe("2027-01-22");
    expect(nextCheckInDueOf("2027-01-15", "2027-02-01", "BIWEEKLY")).toBe("2027-02-15");
    expect(nextCheckInDueOf("2027-01-15", "2027-02-01", "MONTHLY")).toBe("2027-03-03");
    // a check-in dated before the start does not pull the due day earlier
    expect(nextCheckInDueOf("2027-01-15", "2027-01-01", "WEEKLY")).toBe("2027-01-22");
  });

  test.prop([isoDate, fc.integer({ min: -3000, max: 3000 })], RUNS)("addDays moves by exactly that many days and back", (date, n) => {
    const moved = addDays(date, n);
    expect(moved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(days(date, moved)).toBe(n);
    expect(addDays(moved, -n)).toBe(date);
  });

  test.prop([isoDate, fc.option(isoDate), cadence], RUNS)("is one cadence after the later of start and last check-in", (start, last, c) => {
    const due = nextCheckInDueOf(start, last, c);
    const from = last !== null && last > start ? last : start;
    expect(days(from, due)).toBe(CADENCE_DAYS[c]);
    expect(days(start, due)).toBeGreaterThanOrEqual(CADENCE_DAYS[c]);
    if (last !== null) expect(days(last, due)).toBeGreaterThanOrEqual(CADENCE_DAYS[c]);
  });
});

describe("measureOf", () => {
  const facts = factsOf;

  it("reads the stored levels, filling missing minimum and stretch with the target", () => {
    expect(measureOf(facts({}))).toEqual(UP);
    expect(measureOf(facts({ minimum: null, stretch: null }))).toEqual({ measureType: "NUMBER", baseline: 10, minimum: 40, target: 40, stretch: 40 });
  });

  it("has no measure without a type or a target", () => {
    expect(measureOf(facts({ measureType: null }))).toBeNull();
    expect(measureOf(facts({ target: null }))).toBeNull();
  });

  it("counts milestones from zero and makes done the target of a binary goal", () => {
    expect(measureOf(facts({ measureType: "MILESTONES", baseline: 7, minimum: 2, target: 3, stretch: 4 }))).toEqual({
      measureType: "MILESTONES",
      baseline: 0,
      minimum: 2,
      target: 3,
      stretch: 4,
    });
    expect(measureOf(facts({ measureType: "BINARY", baseline: null, minimum: null, target: null, stretch: null }))).toEqual({
      measureType: "BINARY",
      baseline: 0,
      minimum: 1,
      target: 1,
      stretch: 1,
    });
  });
});

describe("goalProgressOf", () => {
  const goal = (overrides: Partial<GoalMeasureFacts> = {}): GoalMeasureFacts =>
    // 60 days: 2027-01-31 is halfway
    factsOf({ dueDate: "2027-03-02", cadence: "BIWEEKLY", ...overrides });
  const input = (overrides: Partial<ProgressInput> = {}): ProgressInput => ({
    goal: goal(),
    current: { value: 25, effectiveDate: "2027-01-25", confidence: 7 },
    today: "2027-01-31",
    settings: SETTINGS,
    rollup: null,
    canCheckIn: true,
    canSeePrivate: true,
    ...overrides,
  });

  it("works out a hand-checked example", () => {
    expect(goalProgressOf(input())).toEqual({
      current: { value: 25, effectiveDate: "2027-01-25", confidence: 7 },
      progressPoints: 50, // (25 − 10) / (40 − 10)
      level: "BELOW_MINIMUM",
      health: "ON_TRACK", // 50 ≥ 50 − 10
      expectedPoints: 50,
      stale: false,
      cadence: "BIWEEKLY",
      nextCheckInDue: "2027-02-08",
      rollup: null,
      canCheckIn: true,
      canSeePrivate: true,
    });
  });

  it("moves ON_TRACK to AT_RISK at a confidence of 4 or less, and names ACHIEVED and OVERDUE", () => {
    const at = (value: number, confidence: number, today = "2027-01-31") =>
      goalProgressOf(input({ current: { value, effectiveDate: "2027-01-25", confidence }, today })).health;
    expect(at(25, 5)).toBe("ON_TRACK");
    expect(at(25, 4)).toBe("AT_RISK");
    expect(at(20, 9)).toBe("AT_RISK"); // 33 points: below 40, not below 25
    expect(at(13, 9)).toBe("OFF_TRACK"); // 10 points
    expect(at(40, 1)).toBe("ACHIEVED");
    expect(at(25, 9, "2027-03-03")).toBe("OVERDUE");
    expect(at(45, 9, "2027-03-03")).toBe("ACHIEVED");
  });

  it("turns stale after 1.5 cadences without a check-in, counted from the later of start and last check-in", () => {
    const staleOn = (today: string, effectiveDate: string | null) =>
      goalProgressOf(input({ today, current: effectiveDate ? { value: 25, effectiveDate, confidence: 7 } : null })).stale;
    // BIWEEKLY: 21 days
    expect(staleOn("2027-02-15", "2027-01-25")).toBe(false);
    expect(staleOn("2027-02-16", "2027-01-25")).toBe(true);
    expect(staleOn("2027-01-22", null)).toBe(false);
    expect(staleOn("2027-01-23", null)).toBe(true);
  });

  it("uses the organisation's cadence when the goal has none", () => {
    const progress = goalProgressOf(input({ goal: goal({ cadence: null }), today: "2027-02-20" }));
    expect(progress.cadence).toBe("MONTHLY");
    expect(progress.nextCheckInDue).toBe("2027-02-24");
    expect(progress.stale).toBe(false); // 26 days, stale after 45
  });

  it("reports no health, expectation or due day for a goal without a measure or dates", () => {
    for (const facts of [goal({ measureType: null }), goal({ target: null }), goal({ startDate: null }), goal({ dueDate: null })]) {
      const progress = goalProgressOf(input({ goal: facts }));
      expect(progress).toMatchObject({ health: null, expectedPoints: null, nextCheckInDue: null, stale: false });
    }
  });

  const status = fc.constantFrom<GoalStatus>(...GOAL_STATUSES);
  const reading = fc.option(
    fc.record({ value: finite, effectiveDate: isoDate, confidence: fc.integer({ min: 1, max: 10 }) }),
    { freq: 4 },
  );
  const facts = fc.record({
    status,
    measureType: fc.constantFrom("NUMBER", "PERCENT", "MILESTONES", "BINARY", null),
    baseline: fc.option(finite),
    minimum: fc.option(finite),
    target: fc.option(finite),
    stretch: fc.option(finite),
    startDate: fc.option(isoDate, { freq: 8 }),
    dueDate: fc.option(isoDate, { freq: 8 }),
    cadence: fc.option(cadence),
  }) as fc.Arbitrary<GoalMeasureFacts>;
  const progressInput = fc.record({
    goal: facts,
    current: reading,
    today: isoDate,
    settings: fc.record({
      onTrackMarginPoints: fc.integer({ min: 0, max: 100 }),
      atRiskMarginPoints: fc.integer({ min: 0, max: 100 }),
      lowConfidenceAtOrBelow: fc.integer({ min: 1, max: 10 }),
      defaultCadence: cadence,
      staleAfterCadences: fc.double({ min: 1, max: 10, noNaN: true }),
    }),
    rollup: fc.option(fc.record({ progressPoints: fc.double({ min: 0, max: 100, noNaN: true }), goalCount: fc.integer({ min: 1, max: 50 }) })),
    canCheckIn: fc.boolean(),
    canSeePrivate: fc.boolean(),
  });

  test.prop([progressInput], RUNS)("hides the confidence from those who may not see it, and nothing else", (given) => {
    const shown = goalProgressOf({ ...given, canSeePrivate: true });
    const hidden = goalProgressOf({ ...given, canSeePrivate: false });
    if (given.current === null) {
      expect(hidden.current).toBeNull();
    } else {
      expect(shown.current?.confidence).toBe(given.current.confidence);
      expect(hidden.current).toEqual({ value: given.current.value, effectiveDate: given.current.effectiveDate, confidence: null });
    }
    // the status still follows the confidence, whoever looks
    expect({ ...hidden, current: null, canSeePrivate: true }).toEqual({ ...shown, current: null });
  });

  test.prop([progressInput], RUNS)("gives a health only to ACTIVE goals, and check-ins only there", (given) => {
    const progress = goalProgressOf(given);
    if (given.goal.status !== "ACTIVE") {
      expect(progress.health).toBeNull();
      expect(progress.expectedPoints).toBeNull();
      expect(progress.nextCheckInDue).toBeNull();
      expect(progress.stale).toBe(false);
      expect(progress.canCheckIn).toBe(false);
    } else {
      expect(progress.canCheckIn).toBe(given.canCheckIn);
    }
  });

  test.prop([progressInput], RUNS)("never reports NaN or Infinity, and keeps progress within 0 and the stretch level", (given) => {
    const progress = goalProgressOf(given);
    expect(Number.isFinite(progress.progressPoints)).toBe(true);
    expect(progress.progressPoints).toBeGreaterThanOrEqual(0);
    if (progress.expectedPoints !== null) {
      expect(progress.expectedPoints).toBeGreaterThanOrEqual(0);
      expect(progress.expectedPoints).toBeLessThanOrEqual(100);
    }
    expect(progress.cadence).toBe(given.goal.cadence ?? given.settings.defaultCadence);
    expect(progress.rollup).toEqual(given.rollup);
  });

  test.prop([progressInput], RUNS)("agrees with the attainment module's standing for every ACTIVE goal", (given) => {
    const goalFacts = { ...given.goal, status: "ACTIVE" as const };
    const progress = goalProgressOf({ ...given, goal: goalFacts });
    const measure = measureOf(goalFacts);
    if (measure === null || goalFacts.startDate === null || goalFacts.dueDate === null) {
      expect(progress.health).toBeNull();
      return;
    }
    const standing = standingOf({
      measure,
      reading: given.current?.value ?? null,
      confidence: given.current?.confidence ?? null,
      startDate: goalFacts.startDate,
      dueDate: goalFacts.dueDate,
      today: given.today,
      rules: given.settings,
    });
    expect(progress).toMatchObject({
      health: standing.status,
      progressPoints: standing.progressPoints,
      expectedPoints: standing.expectedPoints,
      level: standing.level,
    });
  });
});

describe("latestDateOnEarth and todayOf", () => {
  it("is today in UTC until 10:00 UTC, when the first places on Earth reach tomorrow", () => {
    expect(todayOf(new Date("2026-11-28T23:59:59Z"))).toBe("2026-11-28");
    expect(latestDateOnEarth(new Date("2026-11-28T09:59:59Z"))).toBe("2026-11-28");
    expect(latestDateOnEarth(new Date("2026-11-28T10:00:00Z"))).toBe("2026-11-29");
    expect(latestDateOnEarth(new Date("2026-12-31T12:00:00Z"))).toBe("2027-01-01");
  });

  const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }).map((ms) => new Date(ms));

  test.prop([instant, fc.integer({ min: -12 * 60, max: 14 * 60 })], RUNS)(
    "is never earlier than the local date in any time zone (UTC−12 to UTC+14)",
    (now, offsetMinutes) => {
      const local = new Date(now.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
      expect(latestDateOnEarth(now) >= local).toBe(true);
    },
  );

  test.prop([instant], RUNS)("is today or tomorrow in UTC", (now) => {
    const latest = latestDateOnEarth(now);
    expect([todayOf(now), addDays(todayOf(now), 1)]).toContain(latest);
  });
});
