import { orgInput, orgProcedure } from "@/server/trpc/init";
import { teamDashboardInputShape, ZTeamDashboard } from "../team-dashboard.schema";
import { getTeamDashboard as getTeamDashboardService } from "../team-dashboard.service";

/**
 * A team's dashboard for a period: every member of the organisation may open it; leads, their
 * managers, HR and ADMIN get the full view, everyone else the team's public goals only.
 */
export const getTeamDashboard = orgProcedure
  .input(orgInput(teamDashboardInputShape))
  .output(ZTeamDashboard)
  .query(({ ctx, input }) => getTeamDashboardService(ctx, { teamId: input.teamId, periodId: input.periodId ?? null }));
