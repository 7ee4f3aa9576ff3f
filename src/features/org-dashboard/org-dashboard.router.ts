import { router } from "@/server/trpc/init";
import { getDashboardOverview } from "./procedures/get-dashboard-overview";
import { listDashboardChildren } from "./procedures/list-dashboard-children";

export const orgDashboardRouter = router({
  overview: getDashboardOverview,
  children: listDashboardChildren,
});
