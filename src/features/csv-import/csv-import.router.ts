import { router } from "@/server/trpc/init";
import { dryRun } from "./procedures/dry-run";
import { runImport } from "./procedures/run-import";

export const csvImportRouter = router({ dryRun, run: runImport });
