import { orgInput, orgProcedure } from "@/server/trpc/init";
import { ZGoalLevel, ZOwnerOptions } from "../goals.schema";
import { listOwnerOptions as listOwnerOptionsService } from "../goals.service";

/** Who the caller may create a goal of this level for. */
export const listOwnerOptions = orgProcedure
  .input(orgInput({ level: ZGoalLevel }))
  .output(ZOwnerOptions)
  .query(({ ctx, input }) => listOwnerOptionsService(ctx, input.level));
