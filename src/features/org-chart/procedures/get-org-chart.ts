import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { ZOrgChart } from "../org-chart.schema";
import { getOrgChart as load } from "../org-chart.service";

/** The organisation's teams, leads and people, readable by every member. */
export const getOrgChart = orgProcedureWith("member.read")
  .input(orgInput({}))
  .output(ZOrgChart)
  .query(({ ctx }) => load(ctx.orgDb));
