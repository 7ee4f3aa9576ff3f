import { router } from "@/server/trpc/init";
import { getTeamDashboard } from "./procedures/get-team-dashboard";

export const teamDashboardRouter = router({
  get: getTeamDashboard,
});
