import { z } from "zod";
import { isIsoDate } from "@/features/periods/periods.schema";
import {
  GOAL_STEPS_MAX,
  MEASURE_LIMIT,
  ZCadence,
  ZGoalLevel,
  ZGoalStep,
  ZMeasureType,
  ZOutcomeLevel,
  ZPersonRef,
} from "@/features/goals/goals.schema";

/**
 * The check-in API's contract, shared by the forms in the browser and the procedures.
 * Messages are keys of the catalogues ("checkIns.errors.*").
 */

export const GOAL_HEALTHS = ["ACHIEVED", "OVERDUE", "ON_TRACK", "AT_RISK", "OFF_TRACK"] as const;
export const ZGoalHealth = z.enum(GOAL_HEALTHS);
export type GoalHealthStatus = z.infer<typeof ZGoalHealth>;

export const CHECK_IN_COMMENT_MAX = 1000;
export const CLIENT_KEY_MIN = 8;
export const CLIENT_KEY_MAX = 100;

/** What a check-in says about the measure: a value, the milestones done, or done / not done. */
export const ZCheckInReading = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("value"),
    value: z
      .number({ error: "checkIns.errors.number" })
      .finite({ error: "checkIns.errors.number" })
      .gt(-MEASURE_LIMIT, { error: "checkIns.errors.numberRange" })
      .lt(MEASURE_LIMIT, { error: "checkIns.errors.numberRange" }),
  }),
  z.strictObject({
    kind: z.literal("milestones"),
    doneStepIds: z.array(z.uuid()).max(GOAL_STEPS_MAX),
  }),
  z.strictObject({ kind: z.literal("binary"), done: z.boolean() }),
]);
export type CheckInReading = z.infer<typeof ZCheckInReading>;

export const ZConfidence = z
  .number({ error: "checkIns.errors.confidence" })
  .int({ error: "checkIns.errors.confidence" })
  .min(1, { error: "checkIns.errors.confidence" })
  .max(10, { error: "checkIns.errors.confidence" });

export const checkInSubmitShape = {
  goalId: z.uuid(),
  /** chosen by the client once per submission; a repeat with the same key is stored once */
  clientKey: z.string().trim().min(CLIENT_KEY_MIN).max(CLIENT_KEY_MAX),
  reading: ZCheckInReading,
  confidence: ZConfidence,
  comment: z.string().trim().max(CHECK_IN_COMMENT_MAX, { error: "checkIns.errors.tooLong" }),
  /** the day the value was true; not in the future and not before the goal's start */
  effectiveDate: z
    .string()
    .trim()
    .refine((value) => isIsoDate(value), { error: "checkIns.errors.invalidDate" }),
  /** a correction names the check-in it replaces */
  replacesId: z.uuid().nullable(),
};
export const ZCheckInSubmit = z.strictObject(checkInSubmitShape);
export type CheckInSubmit = z.infer<typeof ZCheckInSubmit>;

// ---------- outputs ----------

export const ZCheckIn = z.object({
  id: z.string(),
  effectiveDate: z.string(),
  /** NUMBER and PERCENT: the value; MILESTONES: steps done; BINARY: 1 done, 0 not done */
  value: z.number(),
  doneStepIds: z.array(z.string()),
  /** null when the caller may not see confidence and comments */
  confidence: z.number().nullable(),
  comment: z.string().nullable(),
  author: ZPersonRef,
  createdAt: z.date(),
  replacesId: z.string().nullable(),
  /** the correction that replaced this check-in, if any */
  replacedById: z.string().nullable(),
});
export type CheckIn = z.infer<typeof ZCheckIn>;

/** Where a goal stands now, worked out by the server from its current check-in. */
export const ZGoalProgress = z.object({
  /** the current reading: the latest by effective date that no correction replaced */
  current: z
    .object({ value: z.number(), effectiveDate: z.string(), confidence: z.number().nullable() })
    .nullable(),
  /** progress toward the target in percentage points, 0 up to the stretch level */
  progressPoints: z.number(),
  level: ZOutcomeLevel,
  /** ACTIVE goals: ACHIEVED, OVERDUE, ON_TRACK, AT_RISK or OFF_TRACK; null for other statuses */
  health: ZGoalHealth.nullable(),
  /** ACTIVE goals: the share of the time gone, in percentage points */
  expectedPoints: z.number().nullable(),
  /** ACTIVE goals without a check-in for too long */
  stale: z.boolean(),
  /** the goal's cadence, or the organisation's default */
  cadence: ZCadence,
  /** ACTIVE goals: the day the next check-in is due */
  nextCheckInDue: z.string().nullable(),
  /** team and organisation goals: the weighted mean progress of the goals linked directly under */
  rollup: z.object({ progressPoints: z.number(), goalCount: z.number() }).nullable(),
  canCheckIn: z.boolean(),
  /** the caller sees confidence and comments */
  canSeePrivate: z.boolean(),
});
export type GoalProgress = z.infer<typeof ZGoalProgress>;

/** What a check-in form needs to know about its goal. */
export const ZCheckInTarget = z.object({
  id: z.string(),
  title: z.string(),
  level: ZGoalLevel,
  measureType: ZMeasureType,
  unit: z.string(),
  decimals: z.number(),
  baseline: z.number(),
  minimum: z.number(),
  target: z.number(),
  stretch: z.number(),
  startDate: z.string(),
  dueDate: z.string(),
  steps: z.array(ZGoalStep),
});
export type CheckInTarget = z.infer<typeof ZCheckInTarget>;

export const ZCheckInResult = z.object({ checkIn: ZCheckIn, progress: ZGoalProgress });
export type CheckInResult = z.infer<typeof ZCheckInResult>;

/** A goal's check-ins (corrections and replaced ones included, oldest first) and where it stands. */
export const ZCheckInList = z.object({ checkIns: z.array(ZCheckIn), progress: ZGoalProgress });
export type CheckInList = z.infer<typeof ZCheckInList>;

export const ZDueCheckIn = z.object({
  goal: ZCheckInTarget,
  owner: ZPersonRef,
  /** the day the check-in fell due */
  dueOn: z.string(),
  /** due before today */
  overdue: z.boolean(),
  progress: ZGoalProgress,
});
export type DueCheckIn = z.infer<typeof ZDueCheckIn>;

export const ZDueCheckIns = z.object({
  /** the caller's own goals with a check-in due, overdue first */
  mine: z.array(ZDueCheckIn),
  /** goals of the people below the caller whose check-in is overdue */
  reports: z.array(ZDueCheckIn),
  /** how many of the reports' check-ins are overdue in all (the list shows the longest overdue) */
  reportsTotal: z.number(),
});
export type DueCheckIns = z.infer<typeof ZDueCheckIns>;
