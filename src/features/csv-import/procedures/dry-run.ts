import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { importInputShape, ZDryRunResult } from "../csv-import.schema";
import { dryRunImport } from "../csv-import.service";
import { importContext } from "./context";

/**
 * Checks a CSV file against the organisation and says, per row, what importing it would do.
 * Writes nothing. A mutation only in transport: a file of megabytes cannot travel in a GET's URL.
 */
export const dryRun = orgProcedureWith("member.manage")
  .input(orgInput(importInputShape))
  .output(ZDryRunResult)
  .mutation(({ ctx, input }) => dryRunImport(importContext(ctx), input.csv));
