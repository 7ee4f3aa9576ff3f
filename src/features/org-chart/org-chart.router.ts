import { router } from "@/server/trpc/init";
import { getManagerChain } from "./procedures/get-manager-chain";
import { getOrgChart } from "./procedures/get-org-chart";

export const orgChartRouter = router({ get: getOrgChart, managerChain: getManagerChain });
