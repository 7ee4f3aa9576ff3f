import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { ZChainLink } from "../org-chart.schema";
import { getManagerChain as load } from "../org-chart.service";

/** A colleague's managers up to the top of the organisation, nearest first. */
export const getManagerChain = orgProcedureWith("member.read")
  .input(orgInput({ membershipId: z.uuid() }))
  .output(z.array(ZChainLink))
  .query(({ ctx, input }) => load(ctx.orgDb, input.membershipId));
