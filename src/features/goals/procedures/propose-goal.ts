import { z } from "zod";
import { orgInput, orgProcedure } from "@/server/trpc/init";
import { ZGoalMutationResult } from "../goals.schema";
import { proposeGoal as proposeGoalService } from "../goals.service";

/** DRAFT → PROPOSED once the coach finds no blockers. */
export const proposeGoal = orgProcedure
  .input(orgInput({ goalId: z.uuid(), version: z.number().int().min(1) }))
  .output(ZGoalMutationResult)
  .mutation(({ ctx, input }) => proposeGoalService(ctx, input.goalId, input.version));
