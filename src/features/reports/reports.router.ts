import { router } from "@/server/trpc/init";
import { hrReport } from "./procedures/hr-report";

export const reportRouter = router({
  hr: hrReport,
});
