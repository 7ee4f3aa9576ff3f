import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { ZPersonRef } from "../teams.schema";
import { setTeamLeads as setLeads } from "../teams.service";

/** Replaces a team's leads with the given active members (an empty list removes them all). */
export const setTeamLeads = orgProcedureWith("team.manage")
  .input(orgInput({ teamId: z.uuid(), membershipIds: z.array(z.uuid()).max(20, "teams.errors.tooManyLeads") }))
  .output(z.object({ leads: z.array(ZPersonRef) }))
  .mutation(async ({ ctx, input }) => ({ leads: await setLeads(ctx, { teamId: input.teamId, membershipIds: input.membershipIds }) }));
