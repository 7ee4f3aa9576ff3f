import { z } from "zod";
import { orgInput, orgProcedure } from "@/server/trpc/init";
import { ZGoalDetail } from "../goals.schema";
import { getGoal as getGoalService } from "../goals.service";

export const getGoal = orgProcedure
  .input(orgInput({ goalId: z.uuid() }))
  .output(ZGoalDetail)
  .query(({ ctx, input }) => getGoalService(ctx, input.goalId));
