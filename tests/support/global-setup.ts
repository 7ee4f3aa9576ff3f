import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations, type SqlSession } from "../../src/server/db/migrate";
import { adminUrl, databaseUrl } from "./postgres-url";

/**
 * Migrates one database per run and lets every test file start from a copy of it:
 * a dumped PGlite data directory, or a PostgreSQL template database.
 */
export default async function setup(project: TestProject) {
  const kind = project.config.env?.SMARTA_TEST_DATABASE ?? "pglite";
  if (kind === "postgresql") {
    const template = `smarta_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const client = new pg.Client({ connectionString: databaseUrl(template) });
    await client.connect();
    await applyMigrations({
      query: (sql: string, params?: unknown[]) => client.query(sql, params),
      exec: (sql: string) => client.query(sql),
    } as SqlSession);
    await client.end();
    project.provide("postgresTemplate", template);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }
  const pglite = new PGlite();
  await applyMigrations(pglite);
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "smarta-test-")), "migrated.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteDump", file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresTemplate: string;
  }
}
