/**
 * Scratch databases for the benchmarks: a PostgreSQL database created beside the one in
 * DATABASE_URL (or TEST_DATABASE_URL) and dropped afterwards, and an in-memory PGlite. The
 * given database itself is never written.
 */
import { PGlite } from "@electric-sql/pglite";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { pgliteHandle, postgresHandle, type DatabaseHandle } from "../src/server/db/client";
import { applyMigrations, type SqlSession } from "../src/server/db/migrate";

export type BenchDatabase = { handle: DatabaseHandle; label: string; url: string | null };

export function postgresUrl(): string | null {
  return process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || null;
}

/** Runs `work` on a migrated scratch PostgreSQL database; skipped (null) without a URL. */
export async function withScratchPostgres<T>(work: (database: BenchDatabase) => Promise<T>, options: { keep?: boolean } = {}): Promise<T | null> {
  const url = postgresUrl();
  if (!url) {
    console.log("\nPostgreSQL: skipped (set DATABASE_URL or TEST_DATABASE_URL)");
    return null;
  }
  const name = `smarta_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  const handle = postgresHandle(scratch.toString());
  try {
    await handle.withSession((session: SqlSession) => applyMigrations(session));
    const version = (await admin.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version.split(" ")[0] ?? "";
    return await work({ handle, label: `PostgreSQL ${version}`.trim(), url: scratch.toString() });
  } finally {
    await handle.close();
    if (!options.keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Runs `work` on a migrated in-memory PGlite. */
export async function withPglite<T>(work: (database: BenchDatabase) => Promise<T>): Promise<T> {
  const pglite = new PGlite();
  await pglite.waitReady;
  await applyMigrations(pglite);
  const handle = pgliteHandle(pglite, () => pglite.close());
  try {
    return await work({ handle, label: "PGlite (in memory)", url: null });
  } finally {
    await handle.close();
  }
}
