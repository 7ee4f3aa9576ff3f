import { z } from "zod";
import { orgInput, orgProcedure } from "@/server/trpc/init";
import { reorderGoals as reorderGoalsService } from "../goals.service";

/** Sets priorities 1..n of an owner's open goals in the order given (all of them, each once). */
export const reorderGoals = orgProcedure
  .input(orgInput({ ownerId: z.uuid(), goalIds: z.array(z.uuid()).min(1).max(200) }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await reorderGoalsService(ctx, input.ownerId, input.goalIds);
    return { ok: true as const };
  });
