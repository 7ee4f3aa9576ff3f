import { z } from "zod";
import { orgInput, orgProcedure } from "@/server/trpc/init";
import { ZGoalMutationResult } from "../goals.schema";
import { signGoal as signGoalService } from "../goals.service";

/** The owner or the co-signer signs a PROPOSED goal; both signatures make it ACTIVE. */
export const signGoal = orgProcedure
  .input(orgInput({ goalId: z.uuid(), version: z.number().int().min(1) }))
  .output(ZGoalMutationResult)
  .mutation(({ ctx, input }) => signGoalService(ctx, input.goalId, input.version));
