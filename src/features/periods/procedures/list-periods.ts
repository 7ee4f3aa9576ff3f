import { z } from "zod";
import { orgProcedureWith, orgInput } from "@/server/trpc/init";
import { ZPeriod } from "../periods.schema";
import { listPeriods as listPeriodRows } from "../periods.repository";

export { ZPeriod };

export const listPeriods = orgProcedureWith("period.read")
  .input(orgInput({}))
  .output(z.array(ZPeriod))
  .query(({ ctx }) => listPeriodRows(ctx.orgDb));
