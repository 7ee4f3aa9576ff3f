import { router } from "@/server/trpc/init";
import { auditFilterOptions } from "./procedures/audit-filter-options";
import { listAuditEvents } from "./procedures/list-audit-events";

export const auditRouter = router({ list: listAuditEvents, filterOptions: auditFilterOptions });
