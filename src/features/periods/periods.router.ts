import { router } from "@/server/trpc/init";
import { closePeriod } from "./procedures/close-period";
import { createPeriod } from "./procedures/create-period";
import { listPeriods } from "./procedures/list-periods";
import { closePreview } from "./procedures/preview-period-close";
import { setCurrentPeriod } from "./procedures/set-current-period";
import { updatePeriod } from "./procedures/update-period";

// No delete: a period's goals would lose their home. Closing settles its active goals instead.
export const periodRouter = router({
  list: listPeriods,
  create: createPeriod,
  update: updatePeriod,
  setCurrent: setCurrentPeriod,
  closePreview,
  close: closePeriod,
});
