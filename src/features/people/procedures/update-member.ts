import { z } from "zod";
import { orgProcedureWith, orgInput } from "@/server/trpc/init";
import { ZMemberChanges, ZMemberListItem } from "../people.schema";
import { updateMember as updateMemberService } from "../people.service";
import { peopleActor } from "./actor";

/** Changes a person's role, team, manager or title; only what is sent is changed. */
export const updateMember = orgProcedureWith("member.manage")
  .input(orgInput({ membershipId: z.uuid(), ...ZMemberChanges, expectedUpdatedAt: z.date().optional() }))
  .output(ZMemberListItem)
  .mutation(({ ctx, input }) =>
    updateMemberService(
      ctx.orgDb,
      peopleActor(ctx),
      input.membershipId,
      { role: input.role, teamId: input.teamId, managerId: input.managerId, title: input.title },
      input.expectedUpdatedAt,
    ),
  );
