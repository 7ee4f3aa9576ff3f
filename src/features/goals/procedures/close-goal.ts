import { z } from "zod";
import { orgInput, orgProcedure } from "@/server/trpc/init";
import { ZGoalMutationResult, ZOutcomeLevel } from "../goals.schema";
import { closeGoal as closeGoalService } from "../goals.service";

/** ACTIVE → CLOSED with the outcome the manager confirms. */
export const closeGoal = orgProcedure
  .input(orgInput({ goalId: z.uuid(), version: z.number().int().min(1), outcome: ZOutcomeLevel }))
  .output(ZGoalMutationResult)
  .mutation(({ ctx, input }) => closeGoalService(ctx, input.goalId, input.version, input.outcome));
