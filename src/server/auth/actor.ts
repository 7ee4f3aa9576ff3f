import type { Db } from "@/server/db/client";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Claims from a cookie are only trusted to name a user if they hold a well-formed id. */
export function claimsNameAUser(claims: SessionClaims | null): claims is SessionClaims {
  return typeof claims?.userId === "string" && UUID.test(claims.userId);
}

export type SessionClaims = { userId: string; sessionVersion: number };

export type Actor = { userId: string; email: string; name: string; locale: "sv" | "en" | null };

/**
 * Turns a session's claims into the signed-in user, checked against the database on every
 * request: a disabled user or a bumped session version ("sign out everywhere") ends at once.
 */
export async function resolveActor(db: Db, claims: SessionClaims | null): Promise<Actor | null> {
  if (!claimsNameAUser(claims)) return null;
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, email: true, name: true, locale: true, sessionVersion: true, disabledAt: true },
  });
  return actorOf(user, claims);
}

export type ActorUserRow = { id: string; email: string; name: string; locale: "sv" | "en" | null; sessionVersion: number; disabledAt: Date | null };

/** The signed-in user from their row, or null when it is gone, disabled or signed out everywhere since. */
export function actorOf(user: ActorUserRow | null, claims: SessionClaims): Actor | null {
  if (!user || user.disabledAt || user.sessionVersion !== claims.sessionVersion) return null;
  return { userId: user.id, email: user.email, name: user.name, locale: user.locale };
}
