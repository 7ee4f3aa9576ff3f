import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { createInvitation as create } from "../invitations.service";
import { ZInvitationFields, ZIssuedInvitation } from "../invitations.schema";

/** Invites a person by e-mail; the link is returned once, to be copied (and e-mailed when SMTP is set up). */
export const createInvitation = orgProcedureWith("invitation.manage")
  .input(orgInput(ZInvitationFields.shape))
  .output(ZIssuedInvitation)
  .mutation(({ ctx, input }) => create(ctx, input));
