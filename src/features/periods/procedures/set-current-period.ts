import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { ZPeriod } from "../periods.schema";
import { setCurrentPeriod as setCurrentPeriodService } from "../periods.service";

export const setCurrentPeriod = orgProcedureWith("period.manage")
  .input(orgInput({ periodId: z.uuid() }))
  .output(ZPeriod)
  .mutation(({ ctx, input }) => setCurrentPeriodService(ctx, input.periodId));
