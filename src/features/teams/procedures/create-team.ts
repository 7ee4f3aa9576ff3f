import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { ZTeamName, ZTeamSummary } from "../teams.schema";
import { createTeam as create } from "../teams.service";

/** A new team at top level (a department) or under an active team. */
export const createTeam = orgProcedureWith("team.manage")
  .input(orgInput({ name: ZTeamName, parentTeamId: z.uuid().nullable().default(null) }))
  .output(ZTeamSummary)
  .mutation(({ ctx, input }) => create(ctx, { name: input.name, parentTeamId: input.parentTeamId }));
