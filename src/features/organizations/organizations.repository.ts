import type { Db } from "@/server/db/client";
import type { OrgDb, OrgTx } from "@/server/db/for-org";
import type { Prisma } from "@/server/db/generated/client";

export async function listOrganizationsOfUser(db: Db, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId, status: "ACTIVE" },
    select: { role: true, organization: { select: { slug: true, name: true, locale: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.organization, role: m.role }));
}

/** Slugs starting with `base` that are in use, live or as an old slug that still redirects. */
export async function takenSlugsLike(db: Db, base: string): Promise<Set<string>> {
  const [live, aliases] = await Promise.all([
    db.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } }),
    db.organizationSlugAlias.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } }),
  ]);
  return new Set([...live, ...aliases].map((row) => row.slug));
}

const organizationSelect = { id: true, name: true, slug: true, locale: true, settings: true, updatedAt: true } as const;

// The organisation row is the tenant itself rather than a tenant-owned table, so the scoped
// client has no delegate for it; every query below is pinned to the scope's own id.

export function readOrganization(orgDb: OrgDb) {
  return orgDb.$transaction((tx) => tx.organization.findUniqueOrThrow({ where: { id: orgDb.organizationId }, select: organizationSelect }));
}

/** Reads the organisation and holds its row until the transaction ends (serialises settings saves). */
export async function lockOrganization(tx: OrgTx, organizationId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organizationId}::uuid FOR UPDATE`;
  return tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: organizationSelect });
}

/** Whether a slug is used by another organisation, as its live slug or as an old one. */
export async function slugUsedElsewhere(tx: OrgTx, organizationId: string, slug: string): Promise<boolean> {
  const [live, alias] = await Promise.all([
    tx.organization.findUnique({ where: { slug }, select: { id: true } }),
    tx.organizationSlugAlias.findUnique({ where: { slug }, select: { organizationId: true } }),
  ]);
  return (live !== null && live.id !== organizationId) || (alias !== null && alias.organizationId !== organizationId);
}

/** Keeps the old slug leading to the organisation; taking back an old slug drops its alias. */
export async function moveSlug(tx: OrgTx, organizationId: string, from: string, to: string): Promise<void> {
  await tx.organizationSlugAlias.deleteMany({ where: { slug: to, organizationId } });
  await tx.organizationSlugAlias.upsert({
    where: { slug: from },
    create: { slug: from, organizationId },
    update: { organizationId, createdAt: new Date() },
  });
}

export function writeOrganization(
  tx: OrgTx,
  organizationId: string,
  data: { name: string; slug: string; locale: "sv" | "en"; settings: Prisma.InputJsonObject },
) {
  return tx.organization.update({
    where: { id: organizationId },
    data: { name: data.name, slug: data.slug, locale: data.locale, settings: data.settings },
    select: organizationSelect,
  });
}

/** Who saved the settings last, and when: named in the answer to a stale save. */
export function lastSettingsChange(tx: OrgTx) {
  return tx.auditEvent.findFirst({
    where: { action: "settings.update" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { actorName: true, createdAt: true },
  });
}
