import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { hrReportInputShape, ZHrReport } from "../reports.schema";
import { hrReport as hrReportService } from "../reports.service";

/** The HR report of a period, narrowed by department, team, kind, level and the owner's role (ADMIN and HR). */
export const hrReport = orgProcedureWith("report.read")
  .input(orgInput(hrReportInputShape))
  .output(ZHrReport)
  .query(({ ctx, input }) => hrReportService(ctx, { periodId: input.periodId, filters: input.filters }));
