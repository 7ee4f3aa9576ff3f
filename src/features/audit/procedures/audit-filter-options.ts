import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { auditFilterOptions as auditFilterOptionRows } from "../audit.repository";
import { ZAuditFilterOptions } from "../audit.schema";

export const auditFilterOptions = orgProcedureWith("audit.read")
  .input(orgInput({}))
  .output(ZAuditFilterOptions)
  .query(({ ctx }) => auditFilterOptionRows(ctx.orgDb));
