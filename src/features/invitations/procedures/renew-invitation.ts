import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { renewInvitation as renew } from "../invitations.service";
import { ZIssuedInvitation } from "../invitations.schema";

/** A new link and a new week for an invitation not yet accepted; the old link stops working. */
export const renewInvitation = orgProcedureWith("invitation.manage")
  .input(orgInput({ id: z.uuid() }))
  .output(ZIssuedInvitation)
  .mutation(({ ctx, input }) => renew(ctx, input.id));
