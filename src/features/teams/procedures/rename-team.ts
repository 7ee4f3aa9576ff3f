import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { ZTeamName, ZTeamSummary } from "../teams.schema";
import { renameTeam as rename } from "../teams.service";

export const renameTeam = orgProcedureWith("team.manage")
  .input(orgInput({ teamId: z.uuid(), name: ZTeamName }))
  .output(ZTeamSummary)
  .mutation(({ ctx, input }) => rename(ctx, { teamId: input.teamId, name: input.name }));
