import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { checkPeriodDates, periodFieldsShape, ZPeriod } from "../periods.schema";
import { updatePeriod as updatePeriodService } from "../periods.service";

export const updatePeriod = orgProcedureWith("period.manage")
  .input(orgInput({ periodId: z.uuid(), ...periodFieldsShape }).superRefine(checkPeriodDates))
  .output(ZPeriod)
  .mutation(({ ctx, input }) =>
    updatePeriodService(ctx, input.periodId, { name: input.name, startDate: input.startDate, endDate: input.endDate }),
  );
