import { router } from "@/server/trpc/init";

export const teamRouter = router({});
