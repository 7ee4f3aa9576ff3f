import type { Prisma } from "@/server/db/generated/client";

/** One changed field of an audited entity: old → new. */
export type AuditChange = { field: string; from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null };

export type AuditEntry = {
  organizationId: string;
  actor: { userId: string; name: string };
  /** Verb-first, like the procedures: "team.create", "member.update", "settings.update". */
  action: string;
  entityType: string;
  entityId?: string | null;
  entityLabel?: string | null;
  changes?: AuditChange[];
};

type AuditWriter = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> } };

function jsonValue(value: unknown): Prisma.InputJsonValue | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** The fields whose values differ between two versions of a record. */
export function changesBetween<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  fields: readonly (keyof T & string)[],
): AuditChange[] {
  return fields
    .map((field) => ({ field, from: jsonValue(before?.[field]), to: jsonValue(after?.[field]) }))
    .filter((change) => JSON.stringify(change.from) !== JSON.stringify(change.to));
}

/** Appends an entry to the organisation's audit log; call it inside the change's transaction. */
export async function recordAudit(writer: AuditWriter, entry: AuditEntry): Promise<void> {
  await writer.auditEvent.create({
    data: {
      organizationId: entry.organizationId,
      actorUserId: entry.actor.userId,
      actorName: entry.actor.name,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      entityLabel: entry.entityLabel ?? null,
      changes: entry.changes ?? [],
    },
  });
}
