import { z } from "zod";
import { orgProcedureWith, orgInput } from "@/server/trpc/init";

export const ZPeriod = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.date(),
  endDate: z.date(),
  isCurrent: z.boolean(),
});

export const listPeriods = orgProcedureWith("period.read")
  .input(orgInput({}))
  .output(z.array(ZPeriod))
  .query(({ ctx }) =>
    ctx.orgDb.goalPeriod.findMany({
      select: { id: true, name: true, startDate: true, endDate: true, isCurrent: true },
      orderBy: [{ startDate: "desc" }, { name: "asc" }],
    }),
  );
