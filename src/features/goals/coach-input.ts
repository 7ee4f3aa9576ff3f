import type { CoachGoal } from "./coach";
import type { Cadence, DataSource, GoalKind, GoalLevel, MeasureType } from "./goals.schema";

/**
 * The coach's view of a goal, built from what the goal page and the server both hold
 * (ZGoalDetail's fields, steps, period and coachContext), so the browser and the server
 * assess the same input. Pure; runs anywhere.
 */

type CoachFields = {
  kind: GoalKind;
  statement: string;
  action: string;
  expectedEffect: string;
  learning: string;
  measureType: MeasureType | null;
  unit: string;
  baseline: number | null;
  minimum: number | null;
  target: number | null;
  stretch: number | null;
  dataSource: DataSource | null;
  dataSourceNote: string;
  followUp: string;
  motivation: number | null;
  motivationWhy: string;
  importance: number | null;
  ifFail: string;
  ifSucceed: string;
  likelihood: number | null;
  likelihoodWhy: string;
  risks: string;
  support: string;
  adjustments: string;
  simplifications: string;
  deprioritised: string;
  helpers: string;
  startDate: string | null;
  dueDate: string | null;
  cadence: Cadence | null;
};

export type CoachContext = { aligned: boolean; otherActiveGoals: number; goalCap: number };

export function coachGoalOf(
  level: GoalLevel,
  fields: CoachFields,
  steps: readonly { title: string; dueDate: string | null }[],
  period: { startDate: string; endDate: string } | null,
  context: CoachContext,
): CoachGoal {
  return {
    level,
    kind: fields.kind,
    statement: fields.statement,
    action: fields.action,
    expectedEffect: fields.expectedEffect,
    learning: fields.learning,
    measureType: fields.measureType,
    unit: fields.unit,
    baseline: fields.baseline,
    minimum: fields.minimum,
    target: fields.target,
    stretch: fields.stretch,
    dataSource: fields.dataSource,
    dataSourceNote: fields.dataSourceNote,
    followUp: fields.followUp,
    motivation: fields.motivation,
    motivationWhy: fields.motivationWhy,
    importance: fields.importance,
    ifFail: fields.ifFail,
    ifSucceed: fields.ifSucceed,
    likelihood: fields.likelihood,
    likelihoodWhy: fields.likelihoodWhy,
    risks: fields.risks,
    support: fields.support,
    adjustments: fields.adjustments,
    simplifications: fields.simplifications,
    deprioritised: fields.deprioritised,
    helpers: fields.helpers,
    startDate: fields.startDate,
    dueDate: fields.dueDate,
    period: period ? { startDate: period.startDate, endDate: period.endDate } : null,
    steps: steps.map((step) => ({ title: step.title, dueDate: step.dueDate })),
    cadence: fields.cadence,
    aligned: context.aligned,
    otherActiveGoals: context.otherActiveGoals,
    goalCap: context.goalCap,
  };
}
