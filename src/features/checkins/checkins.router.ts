import { router } from "@/server/trpc/init";
import { listCheckIns } from "./procedures/list-check-ins";
import { listDueCheckIns } from "./procedures/list-due-check-ins";
import { submitCheckIn } from "./procedures/submit-check-in";

export const checkInRouter = router({
  submit: submitCheckIn,
  list: listCheckIns,
  due: listDueCheckIns,
});
