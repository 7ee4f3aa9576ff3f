import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { ZPeriodCloseResult } from "../periods.schema";
import { closePeriod as closePeriodService } from "../periods.service";

/** Closes the period's ACTIVE goals with their computed, unconfirmed outcome and marks the period closed. */
export const closePeriod = orgProcedureWith("period.close")
  .input(orgInput({ periodId: z.uuid() }))
  .output(ZPeriodCloseResult)
  .mutation(({ ctx, input }) => closePeriodService(ctx, input.periodId));
