/**
 * next-auth hands the sign-in form only an error string; a throttled attempt is encoded
 * in it with the seconds to wait.
 */
const THROTTLED_PREFIX = "THROTTLED:";

export function throttledCode(retryAfterSeconds: number): string {
  return `${THROTTLED_PREFIX}${retryAfterSeconds}`;
}

/** Seconds to wait if the code says the attempt was throttled, else null. */
export function secondsFromThrottledCode(code: string | null | undefined): number | null {
  if (!code?.startsWith(THROTTLED_PREFIX)) return null;
  const seconds = Number(code.slice(THROTTLED_PREFIX.length));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
}
