import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { checkPeriodDates, periodFieldsShape, ZPeriod } from "../periods.schema";
import { createPeriod as createPeriodService } from "../periods.service";

export const createPeriod = orgProcedureWith("period.manage")
  .input(orgInput(periodFieldsShape).superRefine(checkPeriodDates))
  .output(ZPeriod)
  .mutation(({ ctx, input }) =>
    createPeriodService(ctx, { name: input.name, startDate: input.startDate, endDate: input.endDate }),
  );
