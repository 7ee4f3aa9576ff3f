import { z } from "zod";
import { orgInput, orgProcedure } from "@/server/trpc/init";
import { ZCheckInList } from "../checkins.schema";
import { listCheckIns as listCheckInsService } from "../checkins.service";

/** Every check-in of a goal the caller may see, corrections included, oldest first. */
export const listCheckIns = orgProcedure
  .input(orgInput({ goalId: z.uuid() }))
  .output(ZCheckInList)
  .query(({ ctx, input }) => listCheckInsService(ctx, input.goalId));
