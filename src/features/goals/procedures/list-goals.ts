import { z } from "zod";
import { orgInput, orgProcedure } from "@/server/trpc/init";
import { ZGoalKind, ZGoalLevel, ZGoalListScope, ZGoalStatus, ZGoalSummary } from "../goals.schema";
import { listGoals as listGoalsService } from "../goals.service";

export const listGoals = orgProcedure
  .input(
    orgInput({
      scope: ZGoalListScope,
      periodId: z.uuid().nullable().optional(),
      /** one owner's goals (e.g. the active goals to choose from when the cap is reached) */
      ownerId: z.uuid().nullable().optional(),
      level: ZGoalLevel.optional(),
      kind: ZGoalKind.optional(),
      status: ZGoalStatus.optional(),
    }),
  )
  .output(z.array(ZGoalSummary))
  .query(({ ctx, input }) => {
    const { orgSlug: _orgSlug, ...filters } = input;
    return listGoalsService(ctx, filters);
  });
