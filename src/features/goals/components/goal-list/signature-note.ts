import type { GoalSummary } from "../../goals.schema";

/** What a goal's signatures say, in words; null where signing is not (or no longer) the question. */
export function signatureNote(goal: Pick<GoalSummary, "status" | "ownerSigned" | "managerSigned">) {
  if (goal.status !== "PROPOSED" && goal.status !== "ACTIVE") return null;
  if (goal.ownerSigned && goal.managerSigned) return "signedByBoth" as const;
  if (goal.ownerSigned) return "awaitingManager" as const;
  if (goal.managerSigned) return "awaitingOwner" as const;
  return "awaitingBoth" as const;
}
