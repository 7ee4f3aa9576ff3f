import { databaseIsCurrent } from "@/server/db/client";

export const dynamic = "force-dynamic";

/** For load balancers: 200 when the database answers and every migration is applied, 503 otherwise. */
export async function GET() {
  try {
    const { ok, pending } = await databaseIsCurrent();
    return Response.json(
      ok ? { status: "ok" } : { status: "migrations-pending", pending },
      { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json({ status: "database-unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
