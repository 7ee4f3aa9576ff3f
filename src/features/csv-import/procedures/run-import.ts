import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { importInputShape, ZRunResult } from "../csv-import.schema";
import { runImport as run } from "../csv-import.service";
import { importContext } from "./context";

/** Imports the file in one transaction (all rows or none); refused with every row's errors if it has any. */
export const runImport = orgProcedureWith("member.manage")
  .input(orgInput(importInputShape))
  .output(ZRunResult)
  .mutation(({ ctx, input }) => run(importContext(ctx), input.csv, input.fileName));
