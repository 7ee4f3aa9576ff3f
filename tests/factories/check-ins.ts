import { randomUUID } from "node:crypto";
import { addDays, todayOf } from "@/features/checkins/progress";
import type { CheckInReading } from "@/features/checkins/checkins.schema";
import type { GoalFields, GoalKind, GoalLevel, GoalStatus } from "@/features/goals/goals.schema";
import type { Db } from "@/server/db/client";
import { callerFor, type TestMember } from "./index";
import { createGoalRow } from "./goals";

/**
 * Check-ins refuse future dates and dates before the goal's start, while the goal factory
 * dates its goals in 2027: these helpers date goals around the real today instead.
 */

/** Today in UTC, the day the server works every status out for. */
export const today = () => todayOf(new Date());

/** Today moved by whole days (negative: in the past). */
export const daysFromToday = (days: number) => addDays(today(), days);

export type CheckInGoalOptions = {
  ownerId: string;
  periodId: string;
  level?: GoalLevel;
  kind?: GoalKind;
  status?: GoalStatus;
  teamId?: string | null;
  parentGoalId?: string | null;
  managerSignedById?: string | null;
  /** days from today; the defaults put today exactly halfway (expected progress 50 points) */
  startInDays?: number;
  dueInDays?: number;
  fields?: Partial<GoalFields>;
};

/**
 * A goal (ACTIVE unless told otherwise) that accepts check-ins today: the factory's NUMBER
 * measure (baseline 10, minimum 30, target 40, stretch 50, BIWEEKLY) started 60 days ago and
 * due in 60 days.
 */
export function createCheckInGoal(db: Db, organizationId: string, options: CheckInGoalOptions) {
  return createGoalRow(db, organizationId, {
    level: options.level,
    kind: options.kind,
    status: options.status ?? "ACTIVE",
    ownerId: options.ownerId,
    periodId: options.periodId,
    teamId: options.teamId,
    parentGoalId: options.parentGoalId,
    managerSignedById: options.managerSignedById,
    fields: {
      startDate: daysFromToday(options.startInDays ?? -60),
      dueDate: daysFromToday(options.dueInDays ?? 60),
      ...options.fields,
    },
  });
}

/** A milestone goal: four steps, minimum 2, target 3 and stretch 4 steps done. */
export function milestoneFields(): Partial<GoalFields> {
  return {
    measureType: "MILESTONES",
    unit: "",
    baseline: null,
    minimum: 2,
    target: 3,
    stretch: 4,
    steps: [
      { title: "Kartlägg nuläget", dueDate: null },
      { title: "Ta fram ett förslag", dueDate: null },
      { title: "Förankra förslaget", dueDate: null },
      { title: "Inför arbetssättet", dueDate: null },
    ],
  };
}

export type CheckInInput = {
  orgSlug: string;
  goalId: string;
  clientKey: string;
  reading: CheckInReading;
  confidence: number;
  comment: string;
  effectiveDate: string;
  replacesId: string | null;
};

/** A complete `checkIn.submit` input: a value of 25, confidence 7, dated today, a fresh client key. */
export function checkInInput(orgSlug: string, goalId: string, overrides: Partial<Omit<CheckInInput, "orgSlug" | "goalId">> = {}): CheckInInput {
  return {
    orgSlug,
    goalId,
    clientKey: randomUUID(),
    reading: { kind: "value", value: 25 },
    confidence: 7,
    comment: "Det går framåt",
    effectiveDate: today(),
    replacesId: null,
    ...overrides,
  };
}

/** Submits a check-in as `member` through the API. */
export function submitCheckIn(
  db: Db,
  member: Pick<TestMember, "userId">,
  orgSlug: string,
  goalId: string,
  overrides: Partial<Omit<CheckInInput, "orgSlug" | "goalId">> = {},
) {
  return callerFor(db, member.userId).checkIn.submit(checkInInput(orgSlug, goalId, overrides));
}
