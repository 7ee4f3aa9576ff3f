import type { Db } from "@/server/db/client";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { clearAccountFailures, forgetAttempt, recordAttempt, secondsUntilAllowed, throttleKeys } from "./throttle";

export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };

export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password sign-in. Unknown e-mails, wrong passwords and disabled accounts get the
 * same answer after the same amount of work; failures are throttled per account and per client.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; clientIp: string },
): Promise<AuthenticationResult> {
  const email = normaliseEmail(input.email);
  const keys = throttleKeys(email, input.clientIp);
  const now = new Date();
  // counted before the check, so parallel attempts see each other
  const attempt = await recordAttempt(db, keys, now);
  const wait = await secondsUntilAllowed(db, keys, now, attempt);
  if (wait > 0) {
    await forgetAttempt(db, attempt);
    return { ok: false, reason: "throttled", retryAfterSeconds: wait };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true, disabledAt: true },
  });
  const passwordMatches = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);

  // a failure keeps its recorded attempt
  if (!user || !passwordMatches || user.disabledAt) return { ok: false, reason: "invalid" };
  await forgetAttempt(db, attempt);
  await clearAccountFailures(db, email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
