import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { ZTeamSummary } from "../teams.schema";
import { unarchiveTeam as unarchive } from "../teams.service";

/** Brings an archived team back, provided its parent is active and its name still free. */
export const unarchiveTeam = orgProcedureWith("team.manage")
  .input(orgInput({ teamId: z.uuid() }))
  .output(ZTeamSummary)
  .mutation(({ ctx, input }) => unarchive(ctx, { teamId: input.teamId }));
