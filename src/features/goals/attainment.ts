/**
 * Where a goal stands: progress toward its target, the level reached and its status. The one
 * reference for these rules (PRODUCT.md, "Measures, check-ins and progress"); the server,
 * dashboards and reports use it, and any SQL copy must be proven equal to it.
 * Pure: no I/O, no clock — "today" is an argument.
 */

export type MeasureKind = "NUMBER" | "PERCENT" | "MILESTONES" | "BINARY";
export type Level = "BELOW_MINIMUM" | "MINIMUM" | "TARGET" | "STRETCH";
export type GoalHealth = "ACHIEVED" | "OVERDUE" | "ON_TRACK" | "AT_RISK" | "OFF_TRACK";

export const LEVEL_ORDER: readonly Level[] = ["BELOW_MINIMUM", "MINIMUM", "TARGET", "STRETCH"];

/**
 * A goal's measure. For MILESTONES the levels are numbers of steps and the baseline is 0;
 * for BINARY the levels are ignored (done is the target).
 */
export type Measure = {
  measureType: MeasureKind;
  baseline: number;
  minimum: number;
  target: number;
  stretch: number;
};

/** The current reading: a value (steps done for MILESTONES, 1/0 for BINARY), or none yet. */
export type Reading = number | null;

/** +1 when higher is better, −1 when lower is better, 0 when the measure has no direction. */
export function directionSign(measure: Measure): 1 | -1 | 0 {
  if (measure.measureType === "BINARY") return 1;
  const baseline = measure.measureType === "MILESTONES" ? 0 : measure.baseline;
  if (measure.target > baseline) return 1;
  if (measure.target < baseline) return -1;
  return 0;
}

function effectiveBaseline(measure: Measure): number {
  return measure.measureType === "MILESTONES" ? 0 : measure.baseline;
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

/** Progress as a fraction of the way from baseline to target (1 = target), unclamped. */
function rawProgress(measure: Measure, value: number): number {
  if (measure.measureType === "BINARY") return value >= 1 ? 1 : 0;
  const baseline = effectiveBaseline(measure);
  const span = measure.target - baseline;
  if (span === 0) return 0;
  return finiteOr((value - baseline) / span, 0);
}

/** The progress at which the stretch level sits (≥ 1 for a well-ordered measure). */
export function stretchProgress(measure: Measure): number {
  if (measure.measureType === "BINARY") return 1;
  return Math.max(1, rawProgress(measure, measure.stretch));
}

/**
 * Progress toward the target as a fraction: 0 at the baseline, 1 at the target, up to the
 * stretch level's progress beyond it. Moving away from the target never counts: below the
 * baseline (in the goal's direction) is 0.
 */
export function progressOf(measure: Measure, reading: Reading): number {
  if (reading === null || !Number.isFinite(reading)) return 0;
  if (directionSign(measure) === 0) return 0;
  const progress = rawProgress(measure, reading);
  return Math.min(Math.max(progress, 0), stretchProgress(measure));
}

/** True when `value` is at or beyond `level` in the goal's direction. */
function reached(measure: Measure, value: number, level: number): boolean {
  return directionSign(measure) >= 0 ? value >= level : value <= level;
}

/** The highest of minimum, target and stretch reached by the reading. */
export function levelOf(measure: Measure, reading: Reading): Level {
  if (reading === null || !Number.isFinite(reading) || directionSign(measure) === 0) return "BELOW_MINIMUM";
  if (measure.measureType === "BINARY") return reading >= 1 ? "TARGET" : "BELOW_MINIMUM";
  if (reached(measure, reading, measure.stretch) && reached(measure, reading, measure.target)) return "STRETCH";
  if (reached(measure, reading, measure.target)) return "TARGET";
  if (reached(measure, reading, measure.minimum)) return "MINIMUM";
  return "BELOW_MINIMUM";
}

export function levelRank(level: Level): number {
  return LEVEL_ORDER.indexOf(level);
}

export type StatusRules = {
  onTrackMarginPoints: number;
  atRiskMarginPoints: number;
  lowConfidenceAtOrBelow: number;
};

/** Calendar days as "YYYY-MM-DD" strings; the difference in whole days. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Share of the time between start and due that has passed, in percentage points (0–100). */
export function expectedProgressPoints(startDate: string, dueDate: string, today: string): number {
  const total = daysBetween(startDate, dueDate);
  if (total <= 0) return today >= dueDate ? 100 : 0;
  const elapsed = daysBetween(startDate, today);
  return Math.min(100, Math.max(0, (elapsed / total) * 100));
}

export type StatusInput = {
  measure: Measure;
  reading: Reading;
  /** the latest confidence 1–10, or null when nobody has said */
  confidence: number | null;
  startDate: string;
  dueDate: string;
  today: string;
  rules: StatusRules;
};

export type Standing = {
  status: GoalHealth;
  /** progress toward the target in percentage points, 0 up to the stretch level */
  progressPoints: number;
  expectedPoints: number;
  level: Level;
};

/** The status of an active goal (PRODUCT.md decides the order of the rules). */
export function standingOf(input: StatusInput): Standing {
  const level = levelOf(input.measure, input.reading);
  const progressPoints = progressOf(input.measure, input.reading) * 100;
  const expectedPoints = expectedProgressPoints(input.startDate, input.dueDate, input.today);
  const standing = (status: GoalHealth): Standing => ({ status, progressPoints, expectedPoints, level });
  if (levelRank(level) >= levelRank("TARGET")) return standing("ACHIEVED");
  if (input.today > input.dueDate) return standing("OVERDUE");
  if (progressPoints >= expectedPoints - input.rules.onTrackMarginPoints) {
    const unsure = input.confidence !== null && input.confidence <= input.rules.lowConfidenceAtOrBelow;
    return standing(unsure ? "AT_RISK" : "ON_TRACK");
  }
  if (progressPoints >= expectedPoints - input.rules.atRiskMarginPoints) return standing("AT_RISK");
  return standing("OFF_TRACK");
}

export const CADENCE_DAYS = { WEEKLY: 7, BIWEEKLY: 14, MONTHLY: 30 } as const;

/**
 * STALE: no check-in within `staleAfterCadences` × the cadence, counted from the later of the
 * start and the last check-in.
 */
export function isStale(input: {
  startDate: string;
  lastCheckInDate: string | null;
  cadence: keyof typeof CADENCE_DAYS;
  staleAfterCadences: number;
  today: string;
}): boolean {
  const from = input.lastCheckInDate && input.lastCheckInDate > input.startDate ? input.lastCheckInDate : input.startDate;
  return daysBetween(from, input.today) > input.staleAfterCadences * CADENCE_DAYS[input.cadence];
}
