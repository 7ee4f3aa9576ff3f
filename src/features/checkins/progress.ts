import {
  CADENCE_DAYS,
  isStale,
  levelOf,
  progressOf,
  standingOf,
  type Measure,
  type StatusRules,
} from "@/features/goals/attainment";
import type { Cadence, GoalStatus, MeasureType, OutcomeLevel } from "@/features/goals/goals.schema";
import type { GoalHealthStatus, GoalProgress } from "./checkins.schema";

/**
 * A goal's progress as the API reports it, from the attainment module's rules. Pure: the
 * service loads the facts in a few set-based queries and every number is worked out here.
 */

/** A goal's measure and dates as stored (levels are null until the M step is filled in). */
export type GoalMeasureFacts = {
  status: GoalStatus;
  measureType: MeasureType | null;
  baseline: number | null;
  minimum: number | null;
  target: number | null;
  stretch: number | null;
  startDate: string | null;
  dueDate: string | null;
  cadence: Cadence | null;
};

export type CurrentReading = { value: number; effectiveDate: string; confidence: number };

export type ProgressSettings = StatusRules & { defaultCadence: Cadence; staleAfterCadences: number };

/** The measure the attainment rules read, or null while the goal has none. */
export function measureOf(goal: GoalMeasureFacts): Measure | null {
  const { measureType, baseline, minimum, target, stretch } = goal;
  if (measureType === null) return null;
  if (measureType === "BINARY") return { measureType, baseline: 0, minimum: 1, target: 1, stretch: 1 };
  if (target === null) return null;
  return {
    measureType,
    baseline: measureType === "MILESTONES" ? 0 : (baseline ?? target),
    minimum: minimum ?? target,
    target,
    stretch: stretch ?? target,
  };
}

/** Adds whole days to an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The next check-in falls due one cadence after the later of the start and the last check-in. */
export function nextCheckInDueOf(startDate: string, lastCheckInDate: string | null, cadence: Cadence): string {
  const from = lastCheckInDate !== null && lastCheckInDate > startDate ? lastCheckInDate : startDate;
  return addDays(from, CADENCE_DAYS[cadence]);
}

/** A linked goal as the roll-up reads it. */
export type RollupChild = { measure: Measure | null; reading: number | null; weight: number };

/**
 * The weighted mean progress of the goals linked directly under a goal, each capped at 100 %
 * so one goal far past its target cannot hide others that lag. Null when nothing counts.
 */
export function rollupOf(children: readonly RollupChild[]): { progressPoints: number; goalCount: number } | null {
  let weighted = 0;
  let weights = 0;
  let goalCount = 0;
  for (const child of children) {
    if (child.measure === null || !(child.weight > 0)) continue;
    weighted += Math.min(1, progressOf(child.measure, child.reading)) * child.weight;
    weights += child.weight;
    goalCount += 1;
  }
  if (goalCount === 0 || weights === 0) return null;
  return { progressPoints: (weighted / weights) * 100, goalCount };
}

export type ProgressInput = {
  goal: GoalMeasureFacts;
  current: CurrentReading | null;
  today: string;
  settings: ProgressSettings;
  rollup: GoalProgress["rollup"];
  canCheckIn: boolean;
  canSeePrivate: boolean;
};

export function goalProgressOf(input: ProgressInput): GoalProgress {
  const { goal, current, today, settings } = input;
  const measure = measureOf(goal);
  const reading = current?.value ?? null;
  const cadence = goal.cadence ?? settings.defaultCadence;
  const active = goal.status === "ACTIVE" && measure !== null && goal.startDate !== null && goal.dueDate !== null;
  let health: GoalHealthStatus | null = null;
  let expectedPoints: number | null = null;
  let level: OutcomeLevel = measure ? levelOf(measure, reading) : "BELOW_MINIMUM";
  let progressPoints = measure ? progressOf(measure, reading) * 100 : 0;
  let stale = false;
  let nextCheckInDue: string | null = null;
  if (active) {
    const standing = standingOf({
      measure,
      reading,
      confidence: current?.confidence ?? null,
      startDate: goal.startDate!,
      dueDate: goal.dueDate!,
      today,
      rules: settings,
    });
    health = standing.status;
    expectedPoints = standing.expectedPoints;
    level = standing.level;
    progressPoints = standing.progressPoints;
    const lastCheckInDate = current?.effectiveDate ?? null;
    stale = isStale({ startDate: goal.startDate!, lastCheckInDate, cadence, staleAfterCadences: settings.staleAfterCadences, today });
    nextCheckInDue = nextCheckInDueOf(goal.startDate!, lastCheckInDate, cadence);
  }
  return {
    current: current
      ? { value: current.value, effectiveDate: current.effectiveDate, confidence: input.canSeePrivate ? current.confidence : null }
      : null,
    progressPoints,
    level,
    health,
    expectedPoints,
    stale,
    cadence,
    nextCheckInDue,
    rollup: input.rollup,
    canCheckIn: input.canCheckIn && goal.status === "ACTIVE",
    canSeePrivate: input.canSeePrivate,
  };
}

/**
 * The latest calendar date anywhere on Earth right now (UTC+14). A check-in dated "today" in
 * the person's own time zone is never refused as being in the future.
 */
export function latestDateOnEarth(now: Date): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** Today's date in UTC: the day every status is worked out for. */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
