import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { revokeInvitation as revoke } from "../invitations.service";
import { ZInvitationStatus } from "../invitations.schema";

/** Withdraws an invitation: its link stops working at once. */
export const revokeInvitation = orgProcedureWith("invitation.manage")
  .input(orgInput({ id: z.uuid() }))
  .output(z.object({ id: z.string(), status: ZInvitationStatus }))
  .mutation(({ ctx, input }) => revoke(ctx, input.id));
