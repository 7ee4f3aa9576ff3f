import { z } from "zod";
import { orgProcedureWith, orgInput } from "@/server/trpc/init";
import { DEACTIVATION_REASON_MAX_LENGTH, ZMemberStatusChange } from "../people.schema";
import { deactivateMember as deactivateMemberService } from "../people.service";
import { peopleActor } from "./actor";

/** Ends a person's membership in this organisation (their other organisations are untouched). */
export const deactivateMember = orgProcedureWith("member.manage")
  .input(
    orgInput({
      membershipId: z.uuid(),
      reason: z.string().trim().max(DEACTIVATION_REASON_MAX_LENGTH, "tooLong").optional(),
    }),
  )
  .output(ZMemberStatusChange)
  .mutation(({ ctx, input }) => deactivateMemberService(ctx.orgDb, peopleActor(ctx), input.membershipId, input.reason || undefined));
