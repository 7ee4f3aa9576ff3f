import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { directionOf, levelProblems, type LevelValues } from "./levels";

// every property runs at least 200 cases
const RUNS = { numRuns: 300 };

const levels = (baseline: number | null, minimum: number | null, target: number | null, stretch: number | null): LevelValues => ({
  baseline,
  minimum,
  target,
  stretch,
});
const numberProblems = (values: LevelValues) => levelProblems("NUMBER", values, 0);
const codes = (values: LevelValues) => numberProblems(values).map((problem) => problem.code);

// Integers keep the arithmetic exact; the rules only compare, so nothing is lost.
const value = fc.integer({ min: -1_000_000, max: 1_000_000 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 5 });

/** A valid increasing set: baseline < target, minimum ≤ target ≤ stretch. */
const increasing = fc
  .tuple(value, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 1000 }))
  .map(([baseline, gap, minimumGap, stretchGap]) => {
    const target = baseline + gap;
    return levels(baseline, target - minimumGap, target, target + stretchGap);
  });

// `|| 0` keeps -0 out of the comparisons' way in the assertion output
const flip = (n: number | null) => (n === null ? null : -n || 0);
const negate = (v: LevelValues): LevelValues => levels(flip(v.baseline), flip(v.minimum), flip(v.target), flip(v.stretch));

const FIELDS = ["baseline", "minimum", "target", "stretch"] as const;
const assign = (order: readonly number[]): LevelValues => levels(order[0]!, order[1]!, order[2]!, order[3]!);

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

describe("directionOf", () => {
  it("reads the direction from baseline to target", () => {
    expect(directionOf(10, 20)).toBe("INCREASE");
    expect(directionOf(20, 10)).toBe("DECREASE");
    expect(directionOf(5, 5)).toBeNull();
    expect(directionOf(Number.NaN, 5)).toBeNull();
  });
});

describe("levelProblems — examples", () => {
  it("accepts increasing and decreasing sets, equal levels allowed", () => {
    expect(codes(levels(10, 15, 20, 30))).toEqual([]);
    expect(codes(levels(10, 20, 20, 20))).toEqual([]);
    expect(codes(levels(30, 25, 20, 10))).toEqual([]);
    expect(codes(levels(30, 20, 20, 20))).toEqual([]);
  });

  it("names every missing level", () => {
    expect(numberProblems(levels(null, 1, null, 3))).toEqual([
      { code: "missingLevel", field: "baseline" },
      { code: "missingLevel", field: "target" },
    ]);
  });

  it("refuses baseline equal to target", () => {
    expect(codes(levels(5, 4, 5, 6))).toEqual(["baselineEqualsTarget"]);
  });

  it("flips the order for decreasing goals", () => {
    expect(codes(levels(30, 15, 20, 10))).toEqual(["minimumBeyondTarget"]);
    expect(codes(levels(30, 25, 20, 22))).toEqual(["stretchShortOfTarget"]);
    expect(codes(levels(10, 25, 20, 15))).toEqual(["minimumBeyondTarget", "stretchShortOfTarget"]);
  });

  it("keeps PERCENT levels within 0..100", () => {
    expect(levelProblems("PERCENT", levels(50, 60, 80, 101), 0)).toEqual([{ code: "outOfPercentRange", field: "stretch" }]);
    expect(levelProblems("PERCENT", levels(-1, 60, 80, 100), 0)).toEqual([{ code: "outOfPercentRange", field: "baseline" }]);
    expect(levelProblems("PERCENT", levels(0, 0, 100, 100), 0)).toEqual([]);
  });

  it("counts MILESTONES levels in whole steps, the baseline being none done", () => {
    const steps = (minimum: number | null, target: number | null, stretch: number | null, count: number) =>
      levelProblems("MILESTONES", levels(null, minimum, target, stretch), count);
    expect(steps(2, 4, 5, 5)).toEqual([]);
    expect(steps(0, 1, 1, 1)).toEqual([]);
    expect(steps(0, 0, 1, 3)).toEqual([{ code: "milestoneCountOutOfRange", field: "target" }]);
    expect(steps(1, 3, 6, 5)).toEqual([{ code: "milestoneCountOutOfRange", field: "stretch" }]);
    expect(steps(1.5, 3, 4, 5)).toEqual([{ code: "milestoneCountOutOfRange", field: "minimum" }]);
    expect(steps(4, 3, 2, 5)).toEqual([{ code: "minimumBeyondTarget" }, { code: "stretchShortOfTarget" }]);
    expect(steps(null, 3, null, 5)).toEqual([
      { code: "missingLevel", field: "minimum" },
      { code: "missingLevel", field: "stretch" },
    ]);
  });

  it("needs no levels for BINARY", () => {
    expect(levelProblems("BINARY", levels(null, null, null, null), 0)).toEqual([]);
  });
});

describe("levelProblems — properties", () => {
  test.prop([increasing], RUNS)("valid increasing levels negated are valid decreasing levels", (v) => {
    expect(codes(v)).toEqual([]);
    expect(directionOf(v.baseline!, v.target!)).toBe("INCREASE");
    const mirrored = negate(v);
    expect(codes(mirrored)).toEqual([]);
    expect(directionOf(mirrored.baseline!, mirrored.target!)).toBe("DECREASE");
  });

  test.prop([maybe(value), maybe(value), maybe(value), maybe(value)], RUNS)(
    "negating any set gives exactly the same problems (direction symmetry)",
    (baseline, minimum, target, stretch) => {
      const v = levels(baseline, minimum, target, stretch);
      expect(numberProblems(negate(v))).toEqual(numberProblems(v));
    },
  );

  test.prop([fc.uniqueArray(value, { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 3 })], RUNS)(
    "for four distinct numbers and a chosen baseline, exactly one ordering of minimum, target, stretch is valid",
    (numbers, baselineIndex) => {
      const baseline = numbers[baselineIndex]!;
      const others = numbers.filter((_, index) => index !== baselineIndex);
      const valid = permutations(others).filter(([minimum, target, stretch]) =>
        codes(levels(baseline, minimum!, target!, stretch!)).length === 0,
      );
      expect(valid).toHaveLength(1);
      const [minimum, target, stretch] = valid[0]!;
      const sorted = [...others].sort((a, b) => a - b);
      // the target is always the middle one; the direction decides which side minimum and stretch take
      expect(target).toBe(sorted[1]);
      const direction = directionOf(baseline, target!);
      expect([minimum, stretch]).toEqual(direction === "INCREASE" ? [sorted[0], sorted[2]] : [sorted[2], sorted[0]]);
    },
  );

  test.prop([increasing, fc.boolean(), fc.integer({ min: 1, max: 5 })], RUNS)(
    "shuffling minimum, target and stretch of a valid set with distinct values yields a problem",
    (v, decreasing, rotation) => {
      const valid = decreasing ? negate(v) : v;
      const trio = [valid.minimum!, valid.target!, valid.stretch!];
      fc.pre(new Set([valid.baseline, ...trio]).size === 4);
      const shuffled = permutations(trio)[rotation]!; // index 0 is the unchanged order
      expect(codes(levels(valid.baseline, shuffled[0]!, shuffled[1]!, shuffled[2]!))).not.toEqual([]);
    },
  );

  test.prop([increasing, fc.boolean()], RUNS)("swapping target with a different minimum yields a problem", (v, decreasing) => {
    const valid = decreasing ? negate(v) : v;
    fc.pre(valid.minimum !== valid.target);
    expect(codes(levels(valid.baseline, valid.target, valid.minimum, valid.stretch))).not.toEqual([]);
  });

  test.prop([increasing, fc.boolean(), fc.integer({ min: 0, max: 23 })], RUNS)(
    "a valid set shuffled across all four fields is valid only where the order still holds",
    (v, decreasing, permutation) => {
      const valid = decreasing ? negate(v) : v;
      const shuffled = assign(permutations(FIELDS.map((field) => valid[field]!))[permutation]!);
      const { baseline, minimum, target, stretch } = shuffled;
      const direction = directionOf(baseline!, target!);
      const ordered =
        direction !== null &&
        (direction === "INCREASE" ? minimum! <= target! && target! <= stretch! : minimum! >= target! && target! >= stretch!);
      expect(codes(shuffled).length === 0).toBe(ordered);
    },
  );

  test.prop([fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })], RUNS)(
    "within 0..100, PERCENT follows exactly the NUMBER rules",
    (baseline, minimum, target, stretch) => {
      const v = levels(baseline, minimum, target, stretch);
      expect(levelProblems("PERCENT", v, 0)).toEqual(numberProblems(v));
    },
  );

  test.prop(
    [fc.integer({ min: 0, max: 30 }), maybe(fc.integer({ min: -2, max: 32 })), maybe(fc.integer({ min: -2, max: 32 })), maybe(fc.integer({ min: -2, max: 32 }))],
    RUNS,
  )("MILESTONES levels are valid exactly when 0 ≤ minimum ≤ target ≤ stretch ≤ steps and target ≥ 1", (steps, minimum, target, stretch) => {
    const problems = levelProblems("MILESTONES", levels(null, minimum, target, stretch), steps);
    const valid =
      minimum !== null && target !== null && stretch !== null && 0 <= minimum && minimum <= target && target >= 1 && target <= stretch && stretch <= steps;
    expect(problems.length === 0).toBe(valid);
  });

  const anyNumber = fc.option(fc.double(), { nil: null });
  test.prop([fc.constantFrom(...(["NUMBER", "PERCENT", "MILESTONES", "BINARY"] as const)), anyNumber, anyNumber, anyNumber, anyNumber, fc.double()], RUNS)(
    "never throws, whatever the numbers (NaN and infinities count as not filled in)",
    (measureType, baseline, minimum, target, stretch, steps) => {
      expect(() => levelProblems(measureType, levels(baseline, minimum, target, stretch), steps)).not.toThrow();
    },
  );
});
