import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  expectedProgressPoints,
  isStale,
  levelOf,
  levelRank,
  progressOf,
  standingOf,
  type Measure,
  type StatusRules,
} from "./attainment";
import { finite, increasingMeasure } from "./attainment.arbitraries";

const RUNS = { numRuns: 500 };
const DEFAULT_RULES: StatusRules = { onTrackMarginPoints: 10, atRiskMarginPoints: 25, lowConfidenceAtOrBelow: 4 };



/** The same goal seen as "lower is better": every level negated. */
function mirrored(measure: Measure): Measure {
  return { ...measure, baseline: -measure.baseline, minimum: -measure.minimum, target: -measure.target, stretch: -measure.stretch };
}

describe("progress", () => {
  test.prop([increasingMeasure, finite, finite], RUNS)("never falls when the value moves toward the target", (measure, a, b) => {
    const [low, high] = a <= b ? [a, b] : [b, a];
    expect(progressOf(measure, high)).toBeGreaterThanOrEqual(progressOf(measure, low));
    expect(progressOf(mirrored(measure), -high)).toBeGreaterThanOrEqual(progressOf(mirrored(measure), -low));
  });

  test.prop([increasingMeasure, finite], RUNS)("is the same for an increasing goal and its decreasing mirror", (measure, value) => {
    expect(progressOf(mirrored(measure), -value)).toBeCloseTo(progressOf(measure, value), 9);
    expect(levelOf(mirrored(measure), -value)).toBe(levelOf(measure, value));
  });

  test.prop([increasingMeasure, finite], RUNS)("stays between 0 and the stretch level, never NaN or Infinity", (measure, value) => {
    const progress = progressOf(measure, value);
    expect(Number.isFinite(progress)).toBe(true);
    expect(progress).toBeGreaterThanOrEqual(0);
    expect(progress).toBeLessThanOrEqual(Math.max(1, progressOf(measure, measure.stretch)) + 1e-9);
  });

  test.prop([increasingMeasure, fc.double({ min: 0, max: 1e6, noNaN: true })], RUNS)("does not reward moving away from the target", (measure, away) => {
    expect(progressOf(measure, measure.baseline - away)).toBe(0);
  });

  test.prop(
    [fc.record({ measureType: fc.constantFrom("NUMBER", "PERCENT", "MILESTONES", "BINARY"), baseline: finite, minimum: finite, target: finite, stretch: finite }), fc.option(finite)],
    RUNS,
  )("gives a finite progress and a level for any input the schema accepts", (measure, value) => {
    expect(Number.isFinite(progressOf(measure, value))).toBe(true);
    expect(levelRank(levelOf(measure, value))).toBeGreaterThanOrEqual(0);
  });
});

describe("levels", () => {
  test.prop([increasingMeasure, finite, finite], RUNS)("are ordered: a value further toward the target never reaches a lower level", (measure, a, b) => {
    const [low, high] = a <= b ? [a, b] : [b, a];
    expect(levelRank(levelOf(measure, high))).toBeGreaterThanOrEqual(levelRank(levelOf(measure, low)));
  });

  test.prop([increasingMeasure], RUNS)("are reached exactly at their thresholds", (measure) => {
    expect(levelRank(levelOf(measure, measure.minimum))).toBeGreaterThanOrEqual(levelRank("MINIMUM"));
    expect(levelRank(levelOf(measure, measure.target))).toBeGreaterThanOrEqual(levelRank("TARGET"));
    expect(levelOf(measure, measure.stretch)).toBe("STRETCH");
  });

  it("counts steps for milestone goals and done for binary goals", () => {
    const milestones: Measure = { measureType: "MILESTONES", baseline: 0, minimum: 2, target: 4, stretch: 5 };
    expect(progressOf(milestones, 1)).toBe(0.25);
    expect(levelOf(milestones, 2)).toBe("MINIMUM");
    expect(levelOf(milestones, 5)).toBe("STRETCH");
    const binary: Measure = { measureType: "BINARY", baseline: 0, minimum: 0, target: 1, stretch: 1 };
    expect(progressOf(binary, 1)).toBe(1);
    expect(levelOf(binary, 1)).toBe("TARGET");
    expect(levelOf(binary, 0)).toBe("BELOW_MINIMUM");
    expect(progressOf(binary, null)).toBe(0);
  });

  it("works out a decreasing goal by hand: 12 → 8 days, minimum 10, stretch 6", () => {
    const measure: Measure = { measureType: "NUMBER", baseline: 12, minimum: 10, target: 8, stretch: 6 };
    expect(progressOf(measure, 10)).toBe(0.5);
    expect(progressOf(measure, 14)).toBe(0);
    expect(progressOf(measure, 5)).toBe(1.5);
    expect(levelOf(measure, 10)).toBe("MINIMUM");
    expect(levelOf(measure, 7)).toBe("TARGET");
    expect(levelOf(measure, 6)).toBe("STRETCH");
  });
});

describe("status", () => {
  const measure: Measure = { measureType: "NUMBER", baseline: 0, minimum: 50, target: 100, stretch: 120 };
  const base = { measure, confidence: null, startDate: "2027-01-01", dueDate: "2027-12-31", rules: DEFAULT_RULES };

  it("follows PRODUCT.md's rules in order", () => {
    // half the year gone: expected ≈ 49.6 points
    const today = "2027-07-01";
    expect(standingOf({ ...base, reading: 100, today: "2028-02-01" }).status).toBe("ACHIEVED");
    expect(standingOf({ ...base, reading: 90, today: "2028-02-01" }).status).toBe("OVERDUE");
    expect(standingOf({ ...base, reading: 45, today }).status).toBe("ON_TRACK");
    expect(standingOf({ ...base, reading: 45, confidence: 4, today }).status).toBe("AT_RISK");
    expect(standingOf({ ...base, reading: 45, confidence: 5, today }).status).toBe("ON_TRACK");
    expect(standingOf({ ...base, reading: 30, today }).status).toBe("AT_RISK");
    expect(standingOf({ ...base, reading: 20, today }).status).toBe("OFF_TRACK");
    expect(standingOf({ ...base, reading: null, today: "2027-01-01" }).status).toBe("ON_TRACK");
  });

  test.prop([fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 })], RUNS)("expects progress in proportion to the time gone, within 0–100", (a, b) => {
    const start = "2027-01-01";
    const day = (offset: number) => new Date(Date.parse(`${start}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    const expected = expectedProgressPoints(start, "2027-12-31", day(a));
    expect(expected).toBeGreaterThanOrEqual(0);
    expect(expected).toBeLessThanOrEqual(100);
    if (a <= b) expect(expectedProgressPoints(start, "2027-12-31", day(b))).toBeGreaterThanOrEqual(expected);
  });

  it("flags a goal stale after 1.5 cadences without a check-in, counted from the later of start and last check-in", () => {
    const rules = { cadence: "MONTHLY" as const, staleAfterCadences: 1.5 };
    expect(isStale({ ...rules, startDate: "2027-01-01", lastCheckInDate: null, today: "2027-02-15" })).toBe(false);
    expect(isStale({ ...rules, startDate: "2027-01-01", lastCheckInDate: null, today: "2027-02-16" })).toBe(true);
    expect(isStale({ ...rules, startDate: "2027-01-01", lastCheckInDate: "2027-02-10", today: "2027-03-20" })).toBe(false);
    expect(isStale({ ...rules, cadence: "WEEKLY", startDate: "2027-01-01", lastCheckInDate: "2027-02-10", today: "2027-02-21" })).toBe(true);
  });
});
