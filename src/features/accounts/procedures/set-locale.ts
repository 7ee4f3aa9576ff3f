import { z } from "zod";
import { protectedProcedure } from "@/server/trpc/init";
import { setUserLocale } from "../accounts.repository";
import { ZLocale } from "../accounts.schema";

export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Remembers the language on the account (all devices) and in a cookie (this browser). */
export const setLocale = protectedProcedure
  .input(z.strictObject({ locale: ZLocale }))
  .output(z.object({ locale: ZLocale }))
  .mutation(async ({ ctx, input }) => {
    await setUserLocale(ctx.db, ctx.actor.userId, input.locale);
    ctx.resHeaders?.append(
      "Set-Cookie",
      `${LOCALE_COOKIE}=${input.locale}; Path=/; Max-Age=31536000; SameSite=Lax`,
    );
    return { locale: input.locale };
  });
