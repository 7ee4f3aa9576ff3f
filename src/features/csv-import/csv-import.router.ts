import { router } from "@/server/trpc/init";

export const csvImportRouter = router({});
