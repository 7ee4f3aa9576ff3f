import { router } from "@/server/trpc/init";

export const orgChartRouter = router({});
