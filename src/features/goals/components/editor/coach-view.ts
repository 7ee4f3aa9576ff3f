import type { CoachFinding, CoachSeverity } from "@/features/goals/coach";
import type { EditorStepId, Letter } from "./steps";

/** Where the coach's findings belong in the editor. */

export const LETTER_STEP: Record<Letter, EditorStepId> = { S: "s", M: "m", A: "a", R: "r", T: "t" };

/** The step where a finding is dealt with: its letter's step; alignment and the goal cap belong to the first. */
export function stepOfFinding(finding: CoachFinding): EditorStepId {
  return finding.letter === "alignment" || finding.letter === "cap" ? "goal" : LETTER_STEP[finding.letter];
}

const SEVERITY_ORDER: Record<CoachSeverity, number> = { blocker: 0, warning: 1, tip: 2 };

/** Findings of the current step first (most severe first), then the others in letter order. */
export function groupFindings(findings: readonly CoachFinding[], step: EditorStepId): { here: CoachFinding[]; elsewhere: CoachFinding[] } {
  const bySeverity = (a: CoachFinding, b: CoachFinding) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (step === "summary") return { here: [...findings].sort(bySeverity), elsewhere: [] };
  return {
    here: findings.filter((finding) => stepOfFinding(finding) === step).sort(bySeverity),
    elsewhere: findings.filter((finding) => stepOfFinding(finding) !== step),
  };
}


export type StepFindingCounts = { step: EditorStepId; blocker: number; warning: number; tip: number };

/** How many findings of each severity the other steps have, in step order; steps without any are left out. */
export function countsByStep(findings: readonly CoachFinding[], except: EditorStepId, order: readonly EditorStepId[]): StepFindingCounts[] {
  const counts = new Map<EditorStepId, StepFindingCounts>();
  for (const finding of findings) {
    const step = stepOfFinding(finding);
    if (step === except) continue;
    const entry = counts.get(step) ?? { step, blocker: 0, warning: 0, tip: 0 };
    entry[finding.severity] += 1;
    counts.set(step, entry);
  }
  return order.flatMap((step) => counts.get(step) ?? []);
}
