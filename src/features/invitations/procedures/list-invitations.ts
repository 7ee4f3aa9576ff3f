import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { listInvitations as list } from "../invitations.service";
import { INVITATION_LIST_LIMIT, ZInvitationList, ZInvitationStatus } from "../invitations.schema";

/** The organisation's invitations, newest first, with their derived status. */
export const listInvitations = orgProcedureWith("invitation.manage")
  .input(
    orgInput({
      status: ZInvitationStatus.optional(),
      search: z.string().trim().max(320).optional(),
      limit: z.number().int().min(1).max(INVITATION_LIST_LIMIT).optional(),
    }),
  )
  .output(ZInvitationList)
  .query(({ ctx, input }) => list(ctx, { status: input.status, search: input.search || undefined, limit: input.limit }));
