import { z } from "zod";
import { orgInput, orgProcedure } from "@/server/trpc/init";
import { GOAL_REASON_MAX, ZGoalMutationResult } from "../goals.schema";
import { cancelGoal as cancelGoalService } from "../goals.service";

/** Any open goal → CANCELLED, with the reason. */
export const cancelGoal = orgProcedure
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
  .mutation(({ ctx, input }) => cancelGoalService(ctx, input.goalId, input.version, input.reason));
