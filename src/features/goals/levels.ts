import type { MeasureType } from "./goals.schema";

/**
 * The order rules of a goal's levels (baseline, minimum, target, stretch). Pure, so the
 * server (activation), the editor (as the person types) and the coach share one definition.
 */

export type Direction = "INCREASE" | "DECREASE";

export type LevelField = "baseline" | "minimum" | "target" | "stretch";
export type StepLevelField = "minimum" | "target" | "stretch";

export type LevelValues = { baseline: number | null; minimum: number | null; target: number | null; stretch: number | null };

export type LevelProblem =
  | { code: "missingLevel"; field: LevelField }
  | { code: "baselineEqualsTarget" }
  /** the minimum lies past the target in the goal's direction */
  | { code: "minimumBeyondTarget" }
  /** the stretch does not reach the target in the goal's direction */
  | { code: "stretchShortOfTarget" }
  /** PERCENT levels must lie within 0..100 */
  | { code: "outOfPercentRange"; field: LevelField }
  /** MILESTONES levels are whole step counts: 0 ≤ minimum, 1 ≤ target, every level ≤ the number of steps */
  | { code: "milestoneCountOutOfRange"; field: StepLevelField };

export type LevelProblemCode = LevelProblem["code"];

export const LEVEL_FIELDS = ["baseline", "minimum", "target", "stretch"] as const satisfies readonly LevelField[];
const STEP_LEVEL_FIELDS = ["minimum", "target", "stretch"] as const satisfies readonly StepLevelField[];

/** Higher is better when the target lies above the baseline; null when there is no direction. */
export function directionOf(baseline: number, target: number): Direction | null {
  if (!Number.isFinite(baseline) || !Number.isFinite(target) || baseline === target) return null;
  return target > baseline ? "INCREASE" : "DECREASE";
}

/** `a` is at or before `b` when walking in the goal's direction. */
function notPast(a: number, b: number, direction: Direction): boolean {
  return direction === "INCREASE" ? a <= b : a >= b;
}

// NaN and infinities cannot be stored, so they count as "not filled in" rather than throwing.
function present(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

/**
 * Everything wrong with the levels of a measure; empty when they are usable.
 * `stepCount` is the number of action-plan steps (the milestones) and only matters for MILESTONES.
 */
export function levelProblems(measureType: MeasureType, values: LevelValues, stepCount: number): LevelProblem[] {
  switch (measureType) {
    case "BINARY":
      // done is the target; there is nothing to order
      return [];
    case "MILESTONES":
      return milestoneProblems(values, stepCount);
    case "NUMBER":
    case "PERCENT":
      return numericProblems(measureType, values);
  }
}

function numericProblems(measureType: "NUMBER" | "PERCENT", values: LevelValues): LevelProblem[] {
  const problems: LevelProblem[] = [];
  for (const field of LEVEL_FIELDS) {
    if (!present(values[field])) problems.push({ code: "missingLevel", field });
  }
  if (measureType === "PERCENT") {
    for (const field of LEVEL_FIELDS) {
      const value = values[field];
      if (present(value) && (value < 0 || value > 100)) problems.push({ code: "outOfPercentRange", field });
    }
  }
  const { baseline, minimum, target, stretch } = values;
  if (!present(baseline) || !present(target)) return problems;
  const direction = directionOf(baseline, target);
  if (direction === null) {
    // without a direction neither "past" nor "short of" means anything, so stop here
    problems.push({ code: "baselineEqualsTarget" });
    return problems;
  }
  if (present(minimum) && !notPast(minimum, target, direction)) problems.push({ code: "minimumBeyondTarget" });
  if (present(stretch) && !notPast(target, stretch, direction)) problems.push({ code: "stretchShortOfTarget" });
  return problems;
}

function milestoneProblems(values: LevelValues, stepCount: number): LevelProblem[] {
  const problems: LevelProblem[] = [];
  const steps = Number.isFinite(stepCount) ? Math.max(0, Math.floor(stepCount)) : 0;
  for (const field of STEP_LEVEL_FIELDS) {
    const value = values[field];
    if (!present(value)) {
      problems.push({ code: "missingLevel", field });
      continue;
    }
    // the baseline of a milestone goal is always 0 steps done, so the target needs at least one step
    const lowest = field === "target" ? 1 : 0;
    if (!Number.isInteger(value) || value < lowest || value > steps) {
      problems.push({ code: "milestoneCountOutOfRange", field });
    }
  }
  const { minimum, target, stretch } = values;
  if (present(target)) {
    if (present(minimum) && minimum > target) problems.push({ code: "minimumBeyondTarget" });
    if (present(stretch) && stretch < target) problems.push({ code: "stretchShortOfTarget" });
  }
  return problems;
}
