import { sortByName } from "@/lib/collation";
import type { Db } from "@/server/db/client";

export async function listOrganizationsOfUser(db: Db, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId, status: "ACTIVE" },
    select: { role: true, organization: { select: { slug: true, name: true, locale: true } } },
  });
  return sortByName(
    memberships.map((m) => ({ ...m.organization, role: m.role })),
    (organization) => organization.name,
  );
}

export async function takenSlugsLike(db: Db, base: string): Promise<Set<string>> {
  const rows = await db.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return new Set(rows.map((row) => row.slug));
}
