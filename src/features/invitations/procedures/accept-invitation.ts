import { z } from "zod";
import { ZNewPassword } from "@/server/auth/password";
import { publicProcedure } from "@/server/trpc/init";
import { acceptInvitation as accept } from "../invitations.service";
import { ZAcceptInvitationExisting, ZAcceptInvitationNew } from "../invitations.schema";

/** Joins the organisation with a new account or an existing one; the link can be used once. */
export const acceptInvitation = publicProcedure
  .input(z.discriminatedUnion("kind", [ZAcceptInvitationNew.extend({ password: ZNewPassword }), ZAcceptInvitationExisting]))
  .output(z.object({ organizationSlug: z.string(), email: z.string() }))
  .mutation(({ ctx, input }) => accept(ctx.db, input, ctx.clientIp));
