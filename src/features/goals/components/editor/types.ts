import type { GoalLevel, LinkTarget, OwnerOptions } from "@/features/goals/goals.schema";
import type { EditorForm } from "./form";

/** What every step of the editor gets to read and change the form. */
export type StepProps = {
  form: EditorForm;
  update: <K extends keyof EditorForm>(key: K, value: EditorForm[K]) => void;
  /** translated errors of a field path ("title", "steps.<key>.title") */
  errorsOf: (path: string) => string[] | undefined;
};

export type EditorPeriod = { id: string; name: string; startDate: string; endDate: string; isCurrent: boolean };

export type LinkTargetsState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error"; retry: () => void }
  | { status: "ready"; targets: LinkTarget[] };

export type OwnerChoices = Partial<Record<GoalLevel, OwnerOptions>>;
