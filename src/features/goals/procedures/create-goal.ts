import { orgInput, orgProcedure } from "@/server/trpc/init";
import { checkGoalFields, goalCreateShape, goalFieldsShape, ZGoalMutationResult } from "../goals.schema";
import { createGoal as createGoalService } from "../goals.service";

/** A new DRAFT goal for the caller, a person in their reporting chain, a team they lead or the organisation. */
export const createGoal = orgProcedure
  .input(orgInput({ ...goalCreateShape, ...goalFieldsShape }).superRefine(checkGoalFields))
  .output(ZGoalMutationResult)
  .mutation(({ ctx, input }) => {
    const { orgSlug: _orgSlug, ...fields } = input;
    return createGoalService(ctx, fields);
  });
