import { z } from "zod";
import { protectedProcedure } from "@/server/trpc/init";
import { ZLocale } from "../accounts.schema";

export const getAccount = protectedProcedure
  .output(z.object({ name: z.string(), email: z.string(), locale: ZLocale.nullable() }))
  .query(({ ctx }) => ({ name: ctx.actor.name, email: ctx.actor.email, locale: ctx.actor.locale }));
