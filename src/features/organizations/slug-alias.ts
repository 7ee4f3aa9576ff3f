import type { Db } from "@/server/db/client";

/**
 * The live slug of the organisation that used to be at `oldSlug`, if the user is an active
 * member of it. Outsiders get null, so an old slug tells them nothing they could not see.
 */
export async function currentSlugForOldSlug(db: Db, userId: string, oldSlug: string): Promise<string | null> {
  const alias = await db.organizationSlugAlias.findUnique({
    where: { slug: oldSlug },
    select: {
      organization: {
        select: { slug: true, memberships: { where: { userId, status: "ACTIVE" }, select: { id: true }, take: 1 } },
      },
    },
  });
  if (!alias || alias.organization.memberships.length === 0) return null;
  return alias.organization.slug;
}

/** The same path under the new slug: /o/old/admin/teams → /o/new/admin/teams. */
export function pathUnderNewSlug(pathname: string | null, oldSlug: string, newSlug: string): string {
  const prefix = `/o/${oldSlug}`;
  const rest = pathname && (pathname === prefix || pathname.startsWith(`${prefix}/`)) ? pathname.slice(prefix.length) : "";
  return `/o/${newSlug}${rest}`;
}
