import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { postgresHandle, type DatabaseHandle, type Db } from "@/server/db/client";
import { PrismaClient } from "@/server/db/generated/client";
import { databaseUrl } from "./postgres-url";

/**
 * A second, independent PrismaClient on the database behind `handle`, as a second server
 * process would have: for PostgreSQL a new connection pool to the same database; for PGlite
 * (one in-process instance, so one possible connection) a new client over that instance.
 */
export async function secondPrismaClient(handle: DatabaseHandle): Promise<{ prisma: Db; close: () => Promise<void> }> {
  if (handle.kind === "postgresql") {
    const [row] = await handle.prisma.$queryRaw<{ name: string }[]>`SELECT current_database()::text AS name`;
    const other = postgresHandle(databaseUrl(row!.name));
    return { prisma: other.prisma, close: () => other.close() };
  }
  // the PGlite handle's raw session is the PGlite instance itself
  const pglite = await handle.withSession((session) => Promise.resolve(session as unknown as PGlite));
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  // disconnecting the adapter leaves the PGlite instance open (the handle closes it)
  return { prisma, close: () => prisma.$disconnect() };
}
