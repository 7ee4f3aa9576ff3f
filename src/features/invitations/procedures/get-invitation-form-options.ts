import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { invitationFormOptions } from "../invitations.service";
import { ZInvitationFormOptions } from "../invitations.schema";

/** What the invitation form offers: the roles the caller may grant, open teams, active members as managers. */
export const getInvitationFormOptions = orgProcedureWith("invitation.manage")
  .input(orgInput({}))
  .output(ZInvitationFormOptions)
  .query(({ ctx }) => invitationFormOptions(ctx));
