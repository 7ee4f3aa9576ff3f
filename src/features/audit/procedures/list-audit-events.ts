import { z } from "zod";
import { orgInput, orgProcedureWith } from "@/server/trpc/init";
import { listAuditEvents as listAuditEventRows } from "../audit.repository";
import { auditFiltersShape, checkRange, ZAuditCursor, ZAuditPage } from "../audit.schema";

export const listAuditEvents = orgProcedureWith("audit.read")
  .input(
    orgInput({
      ...auditFiltersShape,
      cursor: ZAuditCursor.nullish(),
      // sent by tRPC's infinite queries; the log only pages forward
      direction: z.enum(["forward", "backward"]).optional(),
    }).superRefine(checkRange),
  )
  .output(ZAuditPage)
  .query(({ ctx, input }) =>
    listAuditEventRows(
      ctx.orgDb,
      {
        actorUserId: input.actorUserId,
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId,
        from: input.from,
        to: input.to,
      },
      input.cursor ?? null,
    ),
  );
