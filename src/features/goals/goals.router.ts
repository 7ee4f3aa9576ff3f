import { router } from "@/server/trpc/init";
import { cancelGoal } from "./procedures/cancel-goal";
import { closeGoal } from "./procedures/close-goal";
import { confirmOutcome } from "./procedures/confirm-outcome";
import { createGoal } from "./procedures/create-goal";
import { getAlignmentTree } from "./procedures/get-alignment-tree";
import { getGoal } from "./procedures/get-goal";
import { getGoalHistory } from "./procedures/get-goal-history";
import { listGoals } from "./procedures/list-goals";
import { listLinkTargets } from "./procedures/list-link-targets";
import { listOwnerOptions } from "./procedures/list-owner-options";
import { postponeGoal } from "./procedures/postpone-goal";
import { proposeGoal } from "./procedures/propose-goal";
import { reorderGoals } from "./procedures/reorder-goals";
import { signGoal } from "./procedures/sign-goal";
import { updateGoal } from "./procedures/update-goal";

export const goalRouter = router({
  create: createGoal,
  update: updateGoal,
  get: getGoal,
  list: listGoals,
  propose: proposeGoal,
  sign: signGoal,
  postpone: postponeGoal,
  cancel: cancelGoal,
  close: closeGoal,
  confirmOutcome,
  reorder: reorderGoals,
  linkTargets: listLinkTargets,
  alignmentTree: getAlignmentTree,
  history: getGoalHistory,
  ownerOptions: listOwnerOptions,
});
