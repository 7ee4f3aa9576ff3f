import { z } from "zod";
import { localeCookie } from "@/i18n/config";
import { protectedProcedure } from "@/server/trpc/init";
import { setUserLocale } from "../accounts.repository";
import { ZLocale } from "../accounts.schema";

/** Remembers the language on the account (all devices) and in a cookie (this browser). */
export const setLocale = protectedProcedure
  .input(z.strictObject({ locale: ZLocale }))
  .output(z.object({ locale: ZLocale }))
  .mutation(async ({ ctx, input }) => {
    await setUserLocale(ctx.db, ctx.actor.userId, input.locale);
    ctx.resHeaders?.append("Set-Cookie", localeCookie(input.locale));
    return { locale: input.locale };
  });
