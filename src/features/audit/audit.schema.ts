import { z } from "zod";

export const AUDIT_PAGE_SIZE = 50;

/** Where the next page starts: the last entry's time and id ("<ISO time>_<uuid>"). */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function encodeCursor(entry: { createdAt: Date; id: string }): string {
  return `${entry.createdAt.toISOString()}_${entry.id}`;
}

export const ZAuditCursor = z.string().regex(CURSOR, { error: "audit.errors.invalidCursor" });

export function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const match = CURSOR.exec(cursor);
  if (!match) return null;
  const createdAt = new Date(match[1]!);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2]! };
}

/**
 * "team" or "team." filters a whole area (every action starting "team."); "team.create"
 * one action.
 */
export const ZActionFilter = z
  .string()
  .trim()
  .max(64)
  .regex(/^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z0-9]*)?$/, { error: "audit.errors.invalidAction" });

export function actionWhere(action: string): { startsWith: string } | { equals: string } {
  const [area, verb] = action.split(".");
  return verb ? { equals: action } : { startsWith: `${area}.` };
}

export const auditFiltersShape = {
  actorUserId: z.uuid().optional(),
  action: ZActionFilter.optional(),
  entityType: z.string().trim().min(1).max(64).optional(),
  entityId: z.string().trim().min(1).max(128).optional(),
  /** Inclusive start instant. */
  from: z.date().optional(),
  /** Exclusive end instant (the browser sends the start of the day after the last one chosen). */
  to: z.date().optional(),
};

export function checkRange(value: { from?: Date; to?: Date }, ctx: z.RefinementCtx): void {
  if (value.from && value.to && value.to.getTime() <= value.from.getTime()) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "audit.errors.rangeReversed" });
  }
}

export type AuditFilters = {
  actorUserId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
};

export const ZAuditChangeView = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type AuditChangeView = z.infer<typeof ZAuditChangeView>;

export const ZAuditEntry = z.object({
  id: z.string(),
  createdAt: z.date(),
  actorUserId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  entityLabel: z.string().nullable(),
  changes: z.array(ZAuditChangeView),
});
export type AuditEntryView = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = z.object({ entries: z.array(ZAuditEntry), nextCursor: z.string().nullable() });

export const ZAuditFilterOptions = z.object({
  actors: z.array(z.object({ userId: z.string(), name: z.string() })),
  entityTypes: z.array(z.string()),
  actions: z.array(z.string()),
});
