import { getDb } from "@/server/db/client";
import { claimsNameAUser, type SessionClaims } from "@/server/auth/actor";
import type { AppLocale } from "./config";

const ORG_PATH = /^\/o\/([a-z0-9-]{1,64})(?:\/|$)/;

/**
 * The default locale of the organisation a /o/<slug> path belongs to, for its members only:
 * answering outsiders would tell them the organisation exists.
 */
export async function organizationLocaleForPath(pathname: string | null, claims: SessionClaims | null): Promise<AppLocale | null> {
  const slug = pathname ? ORG_PATH.exec(pathname)?.[1] : undefined;
  if (!slug || !claimsNameAUser(claims)) return null;
  const db = await getDb();
  const membership = await db.membership.findFirst({
    where: { userId: claims.userId, status: "ACTIVE", organization: { slug } },
    select: { organization: { select: { locale: true } } },
  });
  return membership?.organization.locale ?? null;
}
