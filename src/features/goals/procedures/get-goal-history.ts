import { z } from "zod";
import { orgInput, orgProcedure } from "@/server/trpc/init";
import { ZGoalHistoryEntry } from "../goals.schema";
import { getGoalHistory as getGoalHistoryService } from "../goals.service";

export const getGoalHistory = orgProcedure
  .input(orgInput({ goalId: z.uuid() }))
  .output(z.array(ZGoalHistoryEntry))
  .query(({ ctx, input }) => getGoalHistoryService(ctx, input.goalId));
