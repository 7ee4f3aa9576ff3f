import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { ZTeamTree } from "../teams.schema";
import { getTeamTree } from "../teams.service";

/** Every team with its leads and head-counts, archived ones flagged: the admin's view. */
export const getTree = orgProcedureWith("team.manage")
  .input(orgInput({}))
  .output(ZTeamTree)
  .query(async ({ ctx }) => ({ teams: await getTeamTree(ctx) }));
