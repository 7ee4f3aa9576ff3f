import { z } from "zod";
import { orgProcedureWith, orgInput } from "@/server/trpc/init";
import { ZMemberStatusChange } from "../people.schema";
import { reactivateMember as reactivateMemberService } from "../people.service";
import { peopleActor } from "./actor";

/** Gives a deactivated person their membership back, with the role, team and manager they had. */
export const reactivateMember = orgProcedureWith("member.manage")
  .input(orgInput({ membershipId: z.uuid() }))
  .output(ZMemberStatusChange)
  .mutation(({ ctx, input }) => reactivateMemberService(ctx.orgDb, peopleActor(ctx), input.membershipId));
