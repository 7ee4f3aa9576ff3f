import { env } from "@/lib/env";

/** Set by our own HTTP server (scripts/server.ts) from the socket; any incoming copy is replaced. */
export const CLIENT_IP_HEADER = "x-smarta-client-ip";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The address sign-in throttling keys on. X-Forwarded-For is only believed when the deployment
 * says it sits behind a proxy (TRUST_PROXY); then the proxy's own entry, the last one, counts.
 */
export function clientIpFrom(headers: HeaderSource): string {
  if (env().TRUST_PROXY) {
    const forwarded = header(headers, "x-forwarded-for");
    const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
    if (last) return last;
  }
  return header(headers, CLIENT_IP_HEADER)?.trim() || "unknown";
}
