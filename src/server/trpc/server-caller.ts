import { headers } from "next/headers";
import { clientIpFrom } from "@/server/auth/client-ip";
import { sessionClaims } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { createCaller } from "./root";

/** Calls procedures from server components with the request's session. */
export async function serverCaller() {
  return createCaller({
    db: await getDb(),
    claims: await sessionClaims(),
    clientIp: clientIpFrom(await headers()),
  });
}
