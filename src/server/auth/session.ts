import { getServerSession } from "next-auth";
import { getDb } from "@/server/db/client";
import { resolveActor, type Actor, type SessionClaims } from "./actor";
import { authOptions } from "./options";

export async function sessionClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return { userId: session.user.id, sessionVersion: session.user.sessionVersion };
}

/** The signed-in user of this request, or null (also when the session was revoked). */
export async function currentActor(): Promise<Actor | null> {
  return resolveActor(await getDb(), await sessionClaims());
}
