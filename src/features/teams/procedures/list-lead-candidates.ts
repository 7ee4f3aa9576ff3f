import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { ZLeadCandidate } from "../teams.schema";
import { getLeadCandidates } from "../teams.service";

/** The active people an admin may pick as team leads. */
export const listLeadCandidates = orgProcedureWith("team.manage")
  .input(orgInput({}))
  .output(z.array(ZLeadCandidate))
  .query(({ ctx }) => getLeadCandidates(ctx));
