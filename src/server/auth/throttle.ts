import type { Db } from "@/server/db/client";

/** Failed sign-ins allowed per key within the window before further attempts wait. */
export const THROTTLE_MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 60_000;
const FORGET_AFTER_MS = 24 * 60 * 60_000;

export function throttleKeys(email: string, clientIp: string): string[] {
  return [`account:${email.trim().toLowerCase()}`, `ip:${clientIp}`];
}

/** Seconds the caller must wait before trying again, or 0; `excludeIds` leaves out the caller's own attempt. */
export async function secondsUntilAllowed(db: Db, keys: string[], now = new Date(), excludeIds: bigint[] = []): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const rows = await db.signInFailure.findMany({
    where: { key: { in: keys }, createdAt: { gt: since }, ...(excludeIds.length > 0 ? { id: { notIn: excludeIds } } : {}) },
    select: { key: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  let waitMs = 0;
  for (const key of keys) {
    const recent = rows.filter((row) => row.key === key);
    if (recent.length < THROTTLE_MAX_FAILURES) continue;
    // allowed again once the oldest of the last N failures leaves the window
    const oldestCounted = recent[THROTTLE_MAX_FAILURES - 1]!.createdAt.getTime();
    waitMs = Math.max(waitMs, oldestCounted + THROTTLE_WINDOW_MS - now.getTime());
  }
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

/**
 * Counts an attempt as a failure before its password is checked, so a burst of parallel
 * attempts cannot all slip past the throttle; a successful or refused attempt is forgotten.
 */
export async function recordAttempt(db: Db, keys: string[], now = new Date()): Promise<bigint[]> {
  const [rows] = await db.$transaction([
    db.signInFailure.createManyAndReturn({ data: keys.map((key) => ({ key, createdAt: now })), select: { id: true } }),
    db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } } }),
  ]);
  return rows.map((row) => row.id);
}

export async function forgetAttempt(db: Db, ids: bigint[]): Promise<void> {
  await db.signInFailure.deleteMany({ where: { id: { in: ids } } });
}

/** Records a failed attempt outright (used where no password check follows). */
export async function recordFailure(db: Db, keys: string[], now = new Date()): Promise<void> {
  await recordAttempt(db, keys, now);
}

export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { key: `account:${email.trim().toLowerCase()}` } });
}
