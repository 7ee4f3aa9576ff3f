import { z } from "zod";
import { orgInput, orgProcedure } from "@/server/trpc/init";
import { checkGoalFields, goalFieldsShape, ZGoalMutationResult } from "../goals.schema";
import { updateGoal as updateGoalService } from "../goals.service";

/** Replaces the editable fields; a change to S, M or T of a proposed or active goal clears the signatures. */
export const updateGoal = orgProcedure
  .input(orgInput({ goalId: z.uuid(), version: z.number().int().min(1), ...goalFieldsShape }).superRefine(checkGoalFields))
  .output(ZGoalMutationResult)
  .mutation(({ ctx, input }) => {
    const { orgSlug: _orgSlug, goalId, version, ...fields } = input;
    return updateGoalService(ctx, goalId, version, fields);
  });
