import type {
  Cadence,
  DataSource,
  GoalDetail,
  GoalFields,
  GoalKind,
  GoalLevel,
  GoalStatus,
  MeasureType,
} from "@/features/goals/goals.schema";
import { coachGoalOf, type CoachContext } from "@/features/goals/coach-input";
import { formatDecimal, parseDecimal } from "./numbers";

/**
 * The editor's form state and its conversions to and from the API. The form keeps what the
 * person typed (numbers as text, "" for "not chosen"), so nothing is lost when a value does
 * not parse yet; the API gets typed values.
 */

export type FormStep = {
  /** stable React key, also used to place errors of a step row */
  key: string;
  /** the stored step's id; absent until saved */
  id?: string;
  title: string;
  dueDate: string;
  done: boolean;
};

export type EditorForm = {
  level: GoalLevel;
  ownerId: string;
  teamId: string;
  title: string;
  kind: GoalKind;
  periodId: string;
  parentGoalId: string;
  contribution: string;
  linkWeight: string;
  statement: string;
  action: string;
  expectedEffect: string;
  learning: string;
  measureType: MeasureType | "";
  unit: string;
  decimals: string;
  baseline: string;
  minimum: string;
  target: string;
  stretch: string;
  dataSource: DataSource | "";
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
  startDate: string;
  dueDate: string;
  cadence: Cadence | "";
  steps: FormStep[];
};

export type TextFieldName = {
  [K in keyof EditorForm]: EditorForm[K] extends string ? K : never;
}[keyof EditorForm];

export const LEVEL_FIELDS = ["baseline", "minimum", "target", "stretch"] as const;
export type LevelField = (typeof LEVEL_FIELDS)[number];

let stepCounter = 0;
/** A key for a step row that is new in this browser. */
export function newStepKey(): string {
  stepCounter += 1;
  return `new-${stepCounter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function emptyStep(): FormStep {
  return { key: newStepKey(), title: "", dueDate: "", done: false };
}

export type NewGoalDefaults = {
  level: GoalLevel;
  ownerId: string;
  teamId: string;
  periodId: string;
  parentGoalId: string;
  startDate: string;
};

export function newForm(defaults: NewGoalDefaults): EditorForm {
  return {
    level: defaults.level,
    ownerId: defaults.ownerId,
    teamId: defaults.teamId,
    title: "",
    kind: "PERFORMANCE",
    periodId: defaults.periodId,
    parentGoalId: defaults.parentGoalId,
    contribution: "",
    linkWeight: "1",
    statement: "",
    action: "",
    expectedEffect: "",
    learning: "",
    measureType: "",
    unit: "",
    decimals: "0",
    baseline: "",
    minimum: "",
    target: "",
    stretch: "",
    dataSource: "",
    dataSourceNote: "",
    followUp: "",
    motivation: null,
    motivationWhy: "",
    importance: null,
    ifFail: "",
    ifSucceed: "",
    likelihood: null,
    likelihoodWhy: "",
    risks: "",
    support: "",
    adjustments: "",
    simplifications: "",
    deprioritised: "",
    helpers: "",
    startDate: defaults.startDate,
    dueDate: "",
    // "" = the organisation's default cadence
    cadence: "",
    steps: [],
  };
}

/** The form of a stored goal. */
export function formFromDetail(detail: Pick<GoalDetail, "level" | "owner" | "team" | "fields" | "steps">, locale: string): EditorForm {
  const { fields } = detail;
  return {
    level: detail.level,
    ownerId: detail.owner.membershipId,
    teamId: detail.team?.id ?? "",
    title: fields.title,
    kind: fields.kind,
    periodId: fields.periodId,
    parentGoalId: fields.parentGoalId ?? "",
    contribution: fields.contribution,
    linkWeight: String(fields.linkWeight),
    statement: fields.statement,
    action: fields.action,
    expectedEffect: fields.expectedEffect,
    learning: fields.learning,
    measureType: fields.measureType ?? "",
    unit: fields.unit,
    decimals: String(fields.decimals),
    baseline: formatDecimal(fields.baseline, locale),
    minimum: formatDecimal(fields.minimum, locale),
    target: formatDecimal(fields.target, locale),
    stretch: formatDecimal(fields.stretch, locale),
    dataSource: fields.dataSource ?? "",
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
    startDate: fields.startDate ?? "",
    dueDate: fields.dueDate ?? "",
    cadence: fields.cadence ?? "",
    steps: detail.steps.map((step) => ({ key: step.id, id: step.id, title: step.title, dueDate: step.dueDate ?? "", done: step.done })),
  };
}

/** Whether a measure type has levels to fill in (BINARY has none: done is the target). */
export function usesLevels(measureType: EditorForm["measureType"]): boolean {
  return measureType !== "BINARY";
}

/** What follows a level value when it is shown: " %" for percentages, " <unit>" for numbers with a unit. */
export function levelSuffix(form: Pick<EditorForm, "measureType" | "unit">): string {
  if (form.measureType === "PERCENT") return " %";
  return form.measureType === "NUMBER" && form.unit.trim() ? ` ${form.unit.trim()}` : "";
}

export type FieldErrors = Record<string, string[]>;

export type FieldsResult = {
  fields: GoalFields;
  /** the form keys of the steps sent, in the order sent, to place "steps.N.*" errors */
  stepKeys: string[];
  /** values that cannot be sent as they are (e.g. a number that does not parse) */
  errors: FieldErrors;
};

const NUMBER_ERROR = "goalEditor.errors.number";
const DECIMALS_ERROR = "goalEditor.errors.decimals";

/**
 * The API fields of the form. Step rows left completely empty are dropped; level values a
 * measure type does not use are sent empty (the form keeps them in case the type changes back).
 */
export function fieldsFromForm(form: EditorForm): FieldsResult {
  const errors: FieldErrors = {};
  const number = (field: LevelField): number | null => {
    if (!usesLevels(form.measureType)) return null;
    // a milestone goal always starts from 0 steps done
    if (field === "baseline" && form.measureType === "MILESTONES") return 0;
    const parsed = parseDecimal(form[field]);
    if (!parsed.ok) {
      errors[field] = [NUMBER_ERROR];
      return null;
    }
    return parsed.value;
  };
  let decimals = 0;
  if (form.measureType === "NUMBER") {
    const parsed = Number(form.decimals.trim() || "0");
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 4) errors.decimals = [DECIMALS_ERROR];
    else decimals = parsed;
  }
  let linkWeight = 1;
  if (form.parentGoalId) {
    const parsed = parseDecimal(form.linkWeight);
    if (!parsed.ok || parsed.value === null) errors.linkWeight = [NUMBER_ERROR];
    else linkWeight = parsed.value;
  }
  const steps = form.steps.filter((step) => step.title.trim() !== "" || step.dueDate !== "");
  const individual = form.level === "INDIVIDUAL";
  return {
    fields: {
      title: form.title,
      kind: individual ? form.kind : "PERFORMANCE",
      periodId: form.periodId,
      parentGoalId: form.parentGoalId || null,
      contribution: form.parentGoalId ? form.contribution : "",
      linkWeight,
      statement: form.statement,
      action: form.action,
      expectedEffect: form.expectedEffect,
      learning: individual && form.kind === "DEVELOPMENT" ? form.learning : "",
      measureType: form.measureType || null,
      unit: form.measureType === "NUMBER" ? form.unit : "",
      decimals,
      baseline: number("baseline"),
      minimum: number("minimum"),
      target: number("target"),
      stretch: number("stretch"),
      dataSource: form.dataSource || null,
      dataSourceNote: form.dataSourceNote,
      followUp: form.followUp,
      motivation: form.motivation,
      motivationWhy: form.motivationWhy,
      importance: form.importance,
      ifFail: form.ifFail,
      ifSucceed: form.ifSucceed,
      likelihood: form.likelihood,
      likelihoodWhy: form.likelihoodWhy,
      risks: form.risks,
      support: form.support,
      adjustments: form.adjustments,
      simplifications: form.simplifications,
      deprioritised: form.deprioritised,
      helpers: form.helpers,
      startDate: form.startDate || null,
      dueDate: form.dueDate || null,
      cadence: form.cadence || null,
      steps: steps.map((step) => ({ ...(step.id ? { id: step.id } : {}), title: step.title, dueDate: step.dueDate || null })),
    },
    stepKeys: steps.map((step) => step.key),
    errors,
  };
}

/**
 * What decides whether the form differs from what was saved: the fields as the API would
 * get them (so "12,5" and "12.5" are the same), or the raw text where a number does not parse.
 */
export function formSnapshot(form: EditorForm): string {
  const { fields } = fieldsFromForm(form);
  const raw = Object.fromEntries(
    LEVEL_FIELDS.map((field) => [field, parseDecimal(form[field]).ok ? null : form[field]]),
  );
  return JSON.stringify({
    level: form.level,
    ownerId: form.ownerId,
    teamId: form.teamId,
    ...fields,
    steps: fields.steps.map(({ title, dueDate }) => ({ title: title.trim(), dueDate })),
    raw,
  });
}

/**
 * Error paths of the server (or the shared schema) in the form's terms: "steps.1.title"
 * becomes "steps.<key>.title", so the error stays with its row while rows move.
 */
export function errorsForForm(errors: FieldErrors, stepKeys: readonly string[]): FieldErrors {
  const mapped: FieldErrors = {};
  for (const [path, messages] of Object.entries(errors)) {
    const match = /^steps\.(\d+)\.(.+)$/.exec(path);
    const key = match ? stepKeys[Number(match[1])] : undefined;
    const target = match && key ? `steps.${key}.${match[2]}` : path;
    (mapped[target] ??= []).push(...messages);
  }
  return mapped;
}

/**
 * After a conflict: the newest stored version, with the fields this person changed since
 * the version they started from kept as typed. Fields only the other person changed take
 * the stored values.
 */
export function rebaseForm(base: EditorForm, mine: EditorForm, theirs: EditorForm): EditorForm {
  const result: EditorForm = { ...theirs };
  for (const key of Object.keys(mine) as (keyof EditorForm)[]) {
    if (JSON.stringify(stripKeys(mine[key])) !== JSON.stringify(stripKeys(base[key]))) {
      (result as Record<keyof EditorForm, unknown>)[key] = mine[key];
    }
  }
  return result;
}

function stripKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((step: FormStep) => ({ id: step.id, title: step.title, dueDate: step.dueDate }));
  return value;
}

/**
 * Gives the saved step rows the ids the server assigned: the rows sent (by key) take the
 * stored steps' ids in order, as long as the row is still there.
 */
export function withStoredStepIds(form: EditorForm, sentKeys: readonly string[], storedIds: readonly string[]): EditorForm {
  if (sentKeys.length !== storedIds.length) return form;
  const idOf = new Map(sentKeys.map((key, index) => [key, storedIds[index]!]));
  return { ...form, steps: form.steps.map((step) => (idOf.has(step.key) ? { ...step, id: idOf.get(step.key) } : step)) };
}

/** The first start date to offer: today when it lies inside the period, else the period's start. */
export function defaultStartDate(today: string, period: { startDate: string; endDate: string } | null): string {
  if (!period) return today;
  if (today < period.startDate || today > period.endDate) return period.startDate;
  return today;
}

/** Only drafts and proposals are edited in the guided editor flow; active goals with a warning. */
export function signaturesAtStake(status: GoalStatus | null): boolean {
  return status === "PROPOSED" || status === "ACTIVE";
}

/** Moves an item of a list one place up (-1) or down (+1); unchanged at the ends. */
export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item!);
  return copy;
}

/** The coach's input for the form as it stands (numbers that do not parse count as empty). */
export function coachGoalFromForm(form: EditorForm, period: { startDate: string; endDate: string } | null, context: CoachContext) {
  const { fields } = fieldsFromForm(form);
  return coachGoalOf(form.level, fields, fields.steps, period, context);
}
