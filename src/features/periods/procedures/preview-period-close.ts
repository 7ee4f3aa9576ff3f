import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { ZPeriodClosePreview } from "../periods.schema";
import { previewPeriodClose } from "../periods.service";

/** How many goals a close would close now, with the outcomes they would get, for the confirmation dialog. */
export const closePreview = orgProcedureWith("period.close")
  .input(orgInput({ periodId: z.uuid() }))
  .output(ZPeriodClosePreview)
  .query(({ ctx, input }) => previewPeriodClose(ctx, input.periodId));
