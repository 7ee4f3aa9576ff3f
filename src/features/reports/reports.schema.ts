import { z } from "zod";
import { ZGoalKind, ZGoalLevel, ZOutcomeLevel } from "@/features/goals/goals.schema";
import { ZRole } from "@/features/people/people.schema";

/**
 * The HR report's contract: what `report.hr` takes and answers, shared by the page, the
 * CSV / XLSX export and the tests. Every number is worked out by the database
 * (reports.repository.ts); the service only divides. The definitions below are the ones the
 * page explains to its readers (messages "reports.definitions.*").
 *
 * The goals a report counts ("the report's goals"): the goals of the period that are not
 * CANCELLED (a cancelled goal is in no number), narrowed by the filters. A goal's team, for the department and team filters and the breakdown:
 *   - a TEAM goal: the team it belongs to (Goal.teamId);
 *   - an INDIVIDUAL goal: its owner's team when it became ACTIVE (Goal.teamIdAtActivation),
 *     else (never activated) the owner's team now;
 *   - an ORGANIZATION goal: none; it belongs to the whole organisation, so a department or
 *     team filter leaves it out and the breakdown lists it under "no team".
 * A department or team filter includes the teams under it.
 */

export const ZReportFilters = z.strictObject({
  /** a top-level team (a department): its goals and those of every team under it */
  departmentTeamId: z.uuid().nullish(),
  /** any team: its goals and those of every team under it */
  teamId: z.uuid().nullish(),
  kind: ZGoalKind.nullish(),
  level: ZGoalLevel.nullish(),
  /** the role of the goal's owner (and, for the share of people, the person's role) */
  role: ZRole.nullish(),
});
export type ReportFilters = z.infer<typeof ZReportFilters>;

export const hrReportInputShape = {
  periodId: z.uuid(),
  filters: ZReportFilters.optional(),
};
export const ZHrReportQuery = z.strictObject(hrReportInputShape);
export type HrReportQuery = z.infer<typeof ZHrReportQuery>;

/** A count out of a base, with the share in percent rounded to one decimal (null when the base is 0). */
export const ZRatio = z.object({
  count: z.number().int(),
  of: z.number().int(),
  percent: z.number().nullable(),
});
export type Ratio = z.infer<typeof ZRatio>;

export const ZCompletion = z.object({
  /**
   * The base of every completion rate: the report's goals that are CLOSED or were due on or
   * before `cutoff` (the earlier of today and the period's end).
   */
  due: z.number().int(),
  /** CLOSED goals with an outcome at MINIMUM or better ÷ due */
  atMinimum: ZRatio,
  /** CLOSED goals with an outcome at TARGET or better ÷ due */
  atTarget: ZRatio,
  /** CLOSED goals with an outcome at STRETCH ÷ due */
  atStretch: ZRatio,
  /** CLOSED goals */
  closed: z.number().int(),
  /** CLOSED goals whose computed outcome the manager has not confirmed yet */
  unconfirmed: z.number().int(),
});
export type Completion = z.infer<typeof ZCompletion>;

export const ZBreakdownRow = z.object({
  /** the department or team; null: goals with no team (organisation goals) */
  team: z.object({ id: z.string(), name: z.string(), archived: z.boolean() }).nullable(),
  /** the report's goals of this group */
  goals: z.number().int(),
  completion: ZCompletion,
});
export type BreakdownRow = z.infer<typeof ZBreakdownRow>;

export const ZManagerRow = z.object({
  membershipId: z.string(),
  name: z.string(),
  team: z.string().nullable(),
  /** active people reporting directly to the manager */
  directReports: z.number().int(),
  /** active people below the manager in the reporting line, direct and indirect */
  allReports: z.number().int(),
  /** the report's goals of the manager's direct and indirect reports signed by both */
  goalsSigned: z.number().int(),
  /** check-ins (a correction and the one it replaces count once) on those people's goals of the report, effective in the last 30 days */
  checkIns30: z.number().int(),
  /** the same in the last 60 days */
  checkIns60: z.number().int(),
});
export type ManagerRow = z.infer<typeof ZManagerRow>;

export const ZUnconfirmedGoal = z.object({
  id: z.string(),
  title: z.string(),
  level: ZGoalLevel,
  outcome: ZOutcomeLevel.nullable(),
  closedOn: z.string().nullable(),
  owner: z.object({ membershipId: z.string(), name: z.string() }),
  /** the owner's manager, who confirms the outcome */
  managerName: z.string().nullable(),
});
export type UnconfirmedGoal = z.infer<typeof ZUnconfirmedGoal>;

export const ZTeamChoice = z.object({
  id: z.string(),
  name: z.string(),
  parentTeamId: z.string().nullable(),
  /** the top-level team (department) the team sits in; itself for a department */
  departmentId: z.string(),
  archived: z.boolean(),
});
export type TeamChoice = z.infer<typeof ZTeamChoice>;

export const ZHrReport = z.object({
  period: z.object({
    id: z.string(),
    name: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    isCurrent: z.boolean(),
    /** the day the period was closed (its active goals closed with their computed outcome), or null */
    closedOn: z.string().nullable(),
  }),
  /** the day the report was worked out for (UTC) */
  today: z.string(),
  /** the earlier of today and the period's end: goals due on or before it count as due */
  cutoff: z.string(),
  filters: z.object({
    departmentTeamId: z.string().nullable(),
    teamId: z.string().nullable(),
    kind: ZGoalKind.nullable(),
    level: ZGoalLevel.nullable(),
    role: ZRole.nullable(),
  }),
  /** the report's goals */
  goals: z.number().int(),
  completion: ZCompletion,
  /** goals signed by both (owner and manager) ÷ the report's goals */
  signedGoals: ZRatio,
  /**
   * active people (placed by their team now, narrowed by role) with at least one goal of the
   * period, of the kind and level filtered, signed by both ÷ those active people
   */
  peopleWithSignedGoal: ZRatio,
  /** TEAM and INDIVIDUAL performance goals that link to a goal ÷ those of them that are not DRAFT */
  aligned: ZRatio,
  checkIns: z.object({
    /** the ACTIVE and CLOSED goals of the report: the goals a median is taken over */
    goals: z.number().int(),
    /** check-ins on those goals (a correction and the one it replaces count once) */
    total: z.number().int(),
    /** the median of check-ins per goal, goals without any counting as 0; null with no goal */
    median: z.number().nullable(),
  }),
  /** the rates per department (no team filter) or per team directly under the filtered team */
  breakdown: z.object({ by: z.enum(["department", "team"]), rows: z.array(ZBreakdownRow) }),
  managers: z.array(ZManagerRow),
  /** CLOSED goals whose outcome waits for the manager's confirmation, the longest waiting first (at most 500; `completion.unconfirmed` counts all) */
  unconfirmedGoals: z.array(ZUnconfirmedGoal),
  /** every team of the organisation, for the filters */
  teams: z.array(ZTeamChoice),
});
export type HrReport = z.infer<typeof ZHrReport>;
