import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Applies prisma/migrations/*\/migration.sql ourselves, because `prisma migrate deploy`
 * fails through the driver adapters on these machines. Each migration runs in its own
 * transaction under Prisma's advisory lock and is recorded in `_prisma_migrations`
 * exactly as Prisma records it, so `prisma migrate status` agrees with us.
 */

/** The smallest surface both PGlite and a pg client offer. */
export type SqlSession = {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<unknown>;
};

export type Migration = { name: string; sql: string; checksum: string };

// Prisma's own lock key for migrations (migrate deploy takes the same one).
const PRISMA_MIGRATE_ADVISORY_LOCK = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// The turbopackIgnore hints keep Next's file tracing from pulling the whole project into the build.
export function migrationsDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.SMARTA_MIGRATIONS_DIR ?? path.join(process.cwd(), "prisma", "migrations"));
}

export function readMigrations(dir = migrationsDir()): Migration[] {
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(/*turbopackIgnore: true*/ path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

async function appliedMigrations(session: SqlSession): Promise<AppliedRow[]> {
  const exists = await session.query<{ present: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
  );
  if (!exists.rows[0]?.present) return [];
  const result = await session.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
  );
  return result.rows;
}

export type MigrationState = { pending: string[]; failed: string[]; modified: string[] };

export async function migrationState(session: SqlSession, migrations = readMigrations()): Promise<MigrationState> {
  const applied = await appliedMigrations(session);
  const done = new Map(
    applied.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => [row.migration_name, row]),
  );
  return {
    pending: migrations.filter((m) => !done.has(m.name)).map((m) => m.name),
    failed: applied.filter((row) => row.finished_at === null && row.rolled_back_at === null).map((row) => row.migration_name),
    modified: migrations.filter((m) => done.has(m.name) && done.get(m.name)?.checksum !== m.checksum).map((m) => m.name),
  };
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Applies every pending migration in order; returns the names it applied. */
export async function applyMigrations(session: SqlSession, migrations = readMigrations()): Promise<string[]> {
  await session.query(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_ADVISORY_LOCK})`);
  try {
    await session.exec(CREATE_MIGRATIONS_TABLE);
    const state = await migrationState(session, migrations);
    if (state.failed.length > 0) {
      throw new MigrationError(`Migration ${state.failed.join(", ")} failed earlier; resolve it before migrating again.`);
    }
    if (state.modified.length > 0) {
      throw new MigrationError(`Migration ${state.modified.join(", ")} was changed after it was applied.`);
    }
    const applied: string[] = [];
    for (const migration of migrations.filter((m) => state.pending.includes(m.name))) {
      const id = randomUUID();
      await session.exec("BEGIN");
      try {
        await session.exec(migration.sql);
        await session.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [id, migration.checksum, migration.name],
        );
        await session.exec("COMMIT");
      } catch (error) {
        await session.exec("ROLLBACK");
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await session.query(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_ADVISORY_LOCK})`);
  }
}
