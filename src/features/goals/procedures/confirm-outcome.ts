import { orgInput, orgProcedure } from "@/server/trpc/init";
import { confirmOutcomeShape, ZGoalMutationResult } from "../goals.schema";
import { confirmOutcome as confirmOutcomeService } from "../goals.service";

/** A CLOSED goal's outcome confirmed, or adjusted to another level with a reason, by the manager chain or ADMIN. */
export const confirmOutcome = orgProcedure
  .input(orgInput(confirmOutcomeShape))
  .output(ZGoalMutationResult)
  .mutation(({ ctx, input }) => confirmOutcomeService(ctx, input.goalId, input.version, { outcome: input.outcome, reason: input.reason }));
