import type { OrgDb } from "@/server/db/for-org";
import type { Prisma } from "@/server/db/generated/client";
import { actionWhere, AUDIT_PAGE_SIZE, decodeCursor, encodeCursor, type AuditChangeView, type AuditFilters } from "./audit.schema";

function changesOf(raw: Prisma.JsonValue): AuditChangeView[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return [];
    const change = item as Record<string, unknown>;
    return typeof change.field === "string" ? [{ field: change.field, from: change.from ?? null, to: change.to ?? null }] : [];
  });
}

/** One page of the log, newest first; `cursor` continues after the last entry of the page before. */
export async function listAuditEvents(orgDb: OrgDb, filters: AuditFilters, cursor: string | null) {
  const after = cursor ? decodeCursor(cursor) : null;
  const where: Prisma.AuditEventWhereInput = {
    ...(filters.actorUserId ? { actorUserId: filters.actorUserId } : {}),
    ...(filters.action ? { action: actionWhere(filters.action) } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.from || filters.to
      ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } }
      : {}),
    ...(after
      ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
      : {}),
  };
  const rows = await orgDb.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      createdAt: true,
      actorUserId: true,
      actorName: true,
      action: true,
      entityType: true,
      entityId: true,
      entityLabel: true,
      changes: true,
    },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page.at(-1);
  return {
    entries: page.map((row) => ({ ...row, changes: changesOf(row.changes) })),
    nextCursor: rows.length > AUDIT_PAGE_SIZE && last ? encodeCursor(last) : null,
  };
}

/** The people, entity types and actions that occur in the organisation's log, for the filters. */
export async function auditFilterOptions(orgDb: OrgDb) {
  const organizationId = orgDb.organizationId;
  const [actors, entityTypes, actions] = await Promise.all([
    // each person under the name of their latest entry
    orgDb.$queryRaw<{ userId: string; name: string }[]>`
      SELECT DISTINCT ON ("actorUserId") "actorUserId"::text AS "userId", "actorName" AS "name"
      FROM "AuditEvent"
      WHERE "organizationId" = ${organizationId}::uuid AND "actorUserId" IS NOT NULL
      ORDER BY "actorUserId", "createdAt" DESC`,
    orgDb.$queryRaw<{ entityType: string }[]>`
      SELECT DISTINCT "entityType" FROM "AuditEvent" WHERE "organizationId" = ${organizationId}::uuid ORDER BY 1`,
    orgDb.$queryRaw<{ action: string }[]>`
      SELECT DISTINCT "action" FROM "AuditEvent" WHERE "organizationId" = ${organizationId}::uuid ORDER BY 1`,
  ]);
  return {
    actors: actors.sort((a, b) => a.name.localeCompare(b.name)),
    entityTypes: entityTypes.map((row) => row.entityType),
    actions: actions.map((row) => row.action),
  };
}
