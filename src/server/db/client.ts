import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client";
import { applyMigrations, migrationState, type SqlSession } from "./migrate";
import { openPGliteDirectory, type OpenedPGlite } from "./pglite";

export type Db = PrismaClient;

export type DatabaseHandle = {
  kind: "pglite" | "postgresql";
  prisma: Db;
  /** A raw session for migrations and health checks. */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export function pgliteHandle(pglite: OpenedPGlite["pglite"], close: () => Promise<void>): DatabaseHandle {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "pglite",
    prisma,
    withSession: (work) => work(pglite),
    close: async () => {
      await prisma.$disconnect();
      await close();
    },
  };
}

export function postgresHandle(connectionString: string): DatabaseHandle {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, options: "-c TimeZone=UTC" }) });
  return {
    kind: "postgresql",
    prisma,
    withSession: async (work) => {
      const client = new pg.Client({ connectionString, options: "-c TimeZone=UTC" });
      await client.connect();
      try {
        return await work({
          query: async (sql, params) => client.query(sql, params),
          exec: async (sql) => client.query(sql),
        } as SqlSession);
      } finally {
        await client.end();
      }
    },
    close: () => prisma.$disconnect(),
  };
}

async function openFromEnv(): Promise<DatabaseHandle> {
  const { DATABASE_URL, PGLITE_DATA_DIR } = env();
  if (DATABASE_URL) return postgresHandle(DATABASE_URL);
  const opened = await openPGliteDirectory(PGLITE_DATA_DIR);
  const handle = pgliteHandle(opened.pglite, opened.close);
  // The embedded database migrates itself on start; PostgreSQL is migrated by `npm run db:migrate`.
  await handle.withSession((session) => applyMigrations(session));
  return handle;
}

// One database per process, shared by the start script and Next's bundles, opened on first use
// (never at module load, or every `next build` worker would open it).
const globalKey = Symbol.for("smarta.database");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<DatabaseHandle> };

export function getDatabase(): Promise<DatabaseHandle> {
  const store = globalThis as GlobalWithDb;
  store[globalKey] ??= openFromEnv().catch((error: unknown) => {
    delete store[globalKey];
    throw error;
  });
  return store[globalKey];
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).prisma;
}

export async function databaseIsCurrent(): Promise<{ ok: boolean; pending: string[] }> {
  const handle = await getDatabase();
  const state = await handle.withSession((session) => migrationState(session));
  return { ok: state.pending.length === 0 && state.failed.length === 0, pending: state.pending };
}
