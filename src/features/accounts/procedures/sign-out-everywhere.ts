import { z } from "zod";
import { protectedProcedure } from "@/server/trpc/init";
import { bumpSessionVersion } from "../accounts.repository";

/** Ends every session of the caller on every device at once. */
export const signOutEverywhere = protectedProcedure
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    await bumpSessionVersion(ctx.db, ctx.actor.userId);
    return { ok: true as const };
  });
