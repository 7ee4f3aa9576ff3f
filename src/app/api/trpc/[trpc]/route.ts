import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { clientIpFrom } from "@/server/auth/client-ip";
import { sessionClaims } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { appRouter } from "@/server/trpc/root";

export const dynamic = "force-dynamic";

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async ({ resHeaders }) => ({
      db: await getDb(),
      claims: await sessionClaims(),
      clientIp: clientIpFrom(request.headers),
      resHeaders,
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
