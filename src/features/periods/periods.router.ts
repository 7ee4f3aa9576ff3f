import { router } from "@/server/trpc/init";
import { listPeriods } from "./procedures/list-periods";

export const periodRouter = router({ list: listPeriods });
