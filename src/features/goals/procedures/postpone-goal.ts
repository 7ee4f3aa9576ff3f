import { z } from "zod";
import { orgInput, orgProcedure } from "@/server/trpc/init";
import { GOAL_REASON_MAX, ZGoalMutationResult } from "../goals.schema";
import { postponeGoal as postponeGoalService } from "../goals.service";

/** PROPOSED or ACTIVE → DRAFT, signatures cleared, with the reason. */
export const postponeGoal = orgProcedure
  .input(
    orgInput({
      goalId: z.uuid(),
      version: z.number().int().min(1),
      reason: z
        .string()
        .trim()
        .min(1, { error: "goals.errors.reasonRequired" })
        .max(GOAL_REASON_MAX, { error: "goals.errors.tooLong" }),
    }),
  )
  .output(ZGoalMutationResult)
  .mutation(({ ctx, input }) => postponeGoalService(ctx, input.goalId, input.version, input.reason));
