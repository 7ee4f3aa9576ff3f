import { z } from "zod";
import { publicProcedure } from "@/server/trpc/init";
import { previewInvitation as preview } from "../invitations.service";
import { ZInvitationPreview, ZInvitationToken } from "../invitations.schema";

/** For whoever holds the link: who invites them to what, and whether the link can still be used. */
export const previewInvitation = publicProcedure
  .input(z.strictObject({ token: ZInvitationToken }))
  .output(ZInvitationPreview)
  .query(({ ctx, input }) => preview(ctx.db, input.token));
