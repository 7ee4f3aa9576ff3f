import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { ZTeamSummary } from "../teams.schema";
import { archiveTeam as archive } from "../teams.service";

/** Hides a team without active sub-teams; its people stay where they are. */
export const archiveTeam = orgProcedureWith("team.manage")
  .input(orgInput({ teamId: z.uuid() }))
  .output(ZTeamSummary)
  .mutation(({ ctx, input }) => archive(ctx, { teamId: input.teamId }));
