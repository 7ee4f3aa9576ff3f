import { router } from "@/server/trpc/init";
import { createPeriod } from "./procedures/create-period";
import { listPeriods } from "./procedures/list-periods";
import { setCurrentPeriod } from "./procedures/set-current-period";
import { updatePeriod } from "./procedures/update-period";

// No delete: a period's goals would lose their home; closing a period comes later.
export const periodRouter = router({ list: listPeriods, create: createPeriod, update: updatePeriod, setCurrent: setCurrentPeriod });
