import { z } from "zod";
import { ZNewPassword } from "@/server/auth/password";
import { publicProcedure } from "@/server/trpc/init";
import { ZSignUp } from "../accounts.schema";
import { signUp as signUpService } from "../accounts.service";

export const signUp = publicProcedure
  .input(ZSignUp.extend({ password: ZNewPassword }))
  .output(z.object({ organizationSlug: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const { organizationSlug } = await signUpService(ctx.db, input);
    return { organizationSlug };
  });
