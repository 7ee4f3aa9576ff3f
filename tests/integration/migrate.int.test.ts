import { PGlite } from "@electric-sql/pglite";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  applyMigrations,
  MigrationError,
  migrationState,
  readMigrations,
  type Migration,
  type SqlSession,
} from "@/server/db/migrate";
import { adminUrl, databaseUrl } from "../support/postgres-url";

/**
 * The migration runner on a database nobody has migrated yet: a fresh in-memory PGlite, or
 * (in the PostgreSQL project) a freshly created PostgreSQL database, dropped afterwards.
 */
const onPostgres = process.env.SMARTA_TEST_DATABASE === "postgresql";

type FreshDatabase = { session: SqlSession; close: () => Promise<void> };

async function freshDatabase(): Promise<FreshDatabase> {
  if (!onPostgres) {
    const pglite = new PGlite();
    await pglite.waitReady;
    return { session: pglite, close: () => pglite.close() };
  }
  const name = `smarta_m_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const client = new pg.Client({ connectionString: databaseUrl(name) });
  await client.connect();
  const session = {
    query: (sql: string, params?: unknown[]) => client.query(sql, params),
    exec: (sql: string) => client.query(sql),
  } as SqlSession;
  return {
    session,
    close: async () => {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** The migrations as they are on disk, read independently of readMigrations(). */
function migrationFilesOnDisk(): { name: string; checksum: string }[] {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      name,
      checksum: createHash("sha256").update(fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"))).digest("hex"),
    }));
}

type Row = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number };

async function recordedRows(session: SqlSession): Promise<Row[]> {
  const result = await session.query<Row>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
  );
  return result.rows;
}

async function tableExists(session: SqlSession, table: string): Promise<boolean> {
  const result = await session.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [`"${table}"`]);
  return result.rows[0]!.present;
}

/** A migration as readMigrations() would read it from a file with this content. */
function migration(name: string, sql: string): Migration {
  return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
}

/** Creates a table, fills it, then fails: nothing of it may remain. */
function brokenMigration(table: string): Migration {
  return migration(
    "29991231235959_broken",
    `CREATE TABLE "${table}" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "${table}" VALUES (1);\nSELECT * FROM "no_such_table_at_all";\n`,
  );
}

describe("readMigrations", () => {
  it("reads every migration of prisma/migrations in order, with the sha256 of its file", () => {
    const onDisk = migrationFilesOnDisk();
    expect(onDisk.length).toBeGreaterThan(0);
    expect(readMigrations().map((m) => ({ name: m.name, checksum: m.checksum }))).toEqual(onDisk);
  });
});

describe(`applyMigrations on a fresh ${onPostgres ? "PostgreSQL" : "PGlite"} database`, () => {
  let db: FreshDatabase;

  beforeEach(async () => {
    db = await freshDatabase();
  });

  afterEach(async () => {
    await db.close();
  });

  it("applies every migration once, recording it as Prisma does, and nothing on a second run", async () => {
    const onDisk = migrationFilesOnDisk();
    expect(await migrationState(db.session)).toEqual({ pending: onDisk.map((m) => m.name), failed: [], modified: [] });

    expect(await applyMigrations(db.session)).toEqual(onDisk.map((m) => m.name));

    const rows = await recordedRows(db.session);
    expect(rows.map((row) => ({ name: row.migration_name, checksum: row.checksum }))).toEqual(onDisk);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    // the schema is really there
    for (const table of ["User", "Organization", "Membership", "Team", "TeamLead", "GoalPeriod", "SignInFailure"]) {
      expect(await tableExists(db.session, table), table).toBe(true);
    }
    expect(await migrationState(db.session)).toEqual({ pending: [], failed: [], modified: [] });

    expect(await applyMigrations(db.session)).toEqual([]);
    expect(await recordedRows(db.session)).toHaveLength(onDisk.length);
  });

  it("applies only what is pending", async () => {
    const all = readMigrations();
    const extra = migration("29990101000000_extra", `CREATE TABLE "migrate_probe" ("id" INTEGER);`);
    await applyMigrations(db.session, all);
    expect(await migrationState(db.session, [...all, extra])).toEqual({ pending: [extra.name], failed: [], modified: [] });
    expect(await applyMigrations(db.session, [...all, extra])).toEqual([extra.name]);
    expect(await tableExists(db.session, "migrate_probe")).toBe(true);
  });

  it("reports a migration edited after it was applied and refuses to migrate", async () => {
    await applyMigrations(db.session);
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "smarta-migrations-"));
    try {
      fs.cpSync(MIGRATIONS_DIR, copy, { recursive: true });
      const first = migrationFilesOnDisk()[0]!.name;
      fs.appendFileSync(path.join(copy, first, "migration.sql"), "\n-- edited afterwards\n");
      const edited = readMigrations(copy);
      expect(await migrationState(db.session, edited)).toEqual({ pending: [], failed: [], modified: [first] });

      const pending = migration("29990101000000_after_edit", `CREATE TABLE "never_created" ("id" INTEGER);`);
      const error = await applyMigrations(db.session, [...edited, pending]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toContain(first);
      // nothing further was applied
      expect(await tableExists(db.session, "never_created")).toBe(false);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it("rolls a failing migration back entirely and throws", async () => {
    const all = readMigrations();
    const broken = brokenMigration("half_made");
    const error = await applyMigrations(db.session, [...all, broken]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(broken.name);

    expect(await tableExists(db.session, "half_made")).toBe(false);
    const rows = await recordedRows(db.session);
    expect(rows.map((row) => row.migration_name)).toEqual(all.map((m) => m.name));
    expect(await migrationState(db.session, [...all, broken])).toEqual({ pending: [broken.name], failed: [], modified: [] });

    // the lock was released and the session is usable: a repaired migration applies
    const repaired = migration(broken.name, `CREATE TABLE "half_made" ("id" INTEGER PRIMARY KEY);`);
    expect(await applyMigrations(db.session, [...all, repaired])).toEqual([broken.name]);
    expect(await tableExists(db.session, "half_made")).toBe(true);
  });

  it("runs a migration and its record in one transaction", async () => {
    const all = readMigrations();
    await applyMigrations(db.session, all);
    // the SQL succeeds, but the name does not fit migration_name VARCHAR(255), so recording it fails
    const unrecordable = migration(`29990101000000_${"x".repeat(250)}`, `CREATE TABLE "unrecorded" ("id" INTEGER);`);
    await expect(applyMigrations(db.session, [...all, unrecordable])).rejects.toBeInstanceOf(MigrationError);
    expect(await tableExists(db.session, "unrecorded")).toBe(false);
    expect(await recordedRows(db.session)).toHaveLength(all.length);
  });

  it("refuses to migrate past a migration recorded as failed", async () => {
    const all = readMigrations();
    const crashed = migration("29990101000000_crashed", "SELECT 1;");
    await applyMigrations(db.session, all);
    // what a process that died half-way through a migration leaves behind
    await db.session.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at) VALUES ($1, $2, $3, now(), NULL)`,
      ["00000000-0000-4000-8000-000000000001", crashed.checksum, crashed.name],
    );
    expect(await migrationState(db.session, [...all, crashed])).toEqual({
      pending: [crashed.name],
      failed: [crashed.name],
      modified: [],
    });
    await expect(applyMigrations(db.session, [...all, crashed])).rejects.toBeInstanceOf(MigrationError);
  });
});
