import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { ZTeamSummary } from "../teams.schema";
import { moveTeam as move } from "../teams.service";

/** Puts a team under another active team, or at top level (`parentTeamId: null`); cycles are refused. */
export const moveTeam = orgProcedureWith("team.manage")
  .input(orgInput({ teamId: z.uuid(), parentTeamId: z.uuid().nullable() }))
  .output(ZTeamSummary)
  .mutation(({ ctx, input }) => move(ctx, { teamId: input.teamId, parentTeamId: input.parentTeamId }));
