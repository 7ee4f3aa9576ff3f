import { router } from "@/server/trpc/init";

export const auditRouter = router({});
