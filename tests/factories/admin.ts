import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";

const unique = () => randomBytes(4).toString("hex");

/** A period written straight to the database (no audit), for tests that need one to exist. */
export function createPeriodRow(
  db: Db,
  organizationId: string,
  overrides: { name?: string; startDate?: string; endDate?: string; isCurrent?: boolean } = {},
) {
  return db.goalPeriod.create({
    data: {
      organizationId,
      name: overrides.name ?? `Period ${unique()}`,
      startDate: new Date(`${overrides.startDate ?? "2028-01-01"}T00:00:00Z`),
      endDate: new Date(`${overrides.endDate ?? "2028-12-31"}T00:00:00Z`),
      isCurrent: overrides.isCurrent ?? false,
    },
  });
}

/** A fresh, unique period name, for mutations that must succeed on every call. */
export const freshPeriodName = () => `P ${unique()}`;

export type AuditSeed = {
  at: Date;
  actor?: { userId: string | null; name: string };
  action?: string;
  entityType?: string;
  entityId?: string | null;
  entityLabel?: string | null;
  changes?: Prisma.InputJsonValue;
};

/** Audit entries at fixed times, for tests of the log's filters and pages. */
export async function seedAuditEvents(db: Db, organizationId: string, entries: AuditSeed[]) {
  const rows = entries.map((entry) => ({
    id: randomUUID(),
    organizationId,
    actorUserId: entry.actor ? entry.actor.userId : null,
    actorName: entry.actor?.name ?? "System",
    action: entry.action ?? "team.create",
    entityType: entry.entityType ?? "team",
    entityId: entry.entityId ?? null,
    entityLabel: entry.entityLabel ?? null,
    changes: entry.changes ?? [],
    createdAt: entry.at,
  }));
  await db.auditEvent.createMany({ data: rows });
  return rows;
}

/** `count` minutes after `start`, one entry a minute. */
export function minutesAfter(start: Date, count: number): Date {
  return new Date(start.getTime() + count * 60_000);
}
