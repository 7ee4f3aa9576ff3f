import { z } from "zod";
import { orgInput, orgProcedure } from "@/server/trpc/init";
import { ZOrgDashboardOverview } from "../org-dashboard.schema";
import { getOverview } from "../org-dashboard.service";

/** The period's department comparison, monthly trend and alignment, for every member. */
export const getDashboardOverview = orgProcedure
  .input(orgInput({ periodId: z.uuid() }))
  .output(ZOrgDashboardOverview)
  .query(({ ctx, input }) => getOverview(ctx, input.periodId));
