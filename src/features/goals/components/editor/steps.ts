/** The steps of the guided editor: the goal itself, one per SMARTA letter, then the summary. */

export const EDITOR_STEPS = ["goal", "s", "m", "a", "r", "t", "summary"] as const;
export type EditorStepId = (typeof EDITOR_STEPS)[number];

export const LETTERS = ["S", "M", "A", "R", "T"] as const;
export type Letter = (typeof LETTERS)[number];

export const STEP_LETTER: Partial<Record<EditorStepId, Letter>> = { s: "S", m: "M", a: "A", r: "R", t: "T" };

export function isEditorStep(value: string): value is EditorStepId {
  return (EDITOR_STEPS as readonly string[]).includes(value);
}

/** The step a URL hash names ("#m"), else the first. */
export function stepFromHash(hash: string): EditorStepId {
  const value = hash.replace(/^#/, "").toLowerCase();
  return isEditorStep(value) ? value : "goal";
}

export function nextStep(step: EditorStepId): EditorStepId | null {
  return EDITOR_STEPS[EDITOR_STEPS.indexOf(step) + 1] ?? null;
}

export function previousStep(step: EditorStepId): EditorStepId | null {
  const index = EDITOR_STEPS.indexOf(step);
  return index > 0 ? (EDITOR_STEPS[index - 1] ?? null) : null;
}

/** Which step asks for a field, so an error from the server marks the right step. */
const FIELD_STEP: Record<string, EditorStepId> = {
  level: "goal",
  ownerId: "goal",
  teamId: "goal",
  title: "goal",
  kind: "goal",
  periodId: "goal",
  parentGoalId: "goal",
  contribution: "goal",
  linkWeight: "goal",
  statement: "s",
  action: "s",
  expectedEffect: "s",
  learning: "s",
  measureType: "m",
  unit: "m",
  decimals: "m",
  baseline: "m",
  minimum: "m",
  target: "m",
  stretch: "m",
  dataSource: "m",
  dataSourceNote: "m",
  followUp: "m",
  motivation: "a",
  motivationWhy: "a",
  importance: "a",
  ifFail: "a",
  ifSucceed: "a",
  likelihood: "r",
  likelihoodWhy: "r",
  risks: "r",
  support: "r",
  adjustments: "r",
  simplifications: "r",
  deprioritised: "r",
  helpers: "r",
  startDate: "t",
  dueDate: "t",
  cadence: "t",
  steps: "t",
};

/** The step of an error path ("steps.2.title" → "t"); unknown fields belong to the summary. */
export function stepOfField(path: string): EditorStepId {
  return FIELD_STEP[path.split(".")[0] ?? ""] ?? "summary";
}

/** The steps that have at least one error. */
export function stepsWithErrors(errors: Record<string, readonly string[]>): Set<EditorStepId> {
  return new Set(
    Object.entries(errors)
      .filter(([, messages]) => messages.length > 0)
      .map(([path]) => stepOfField(path)),
  );
}
