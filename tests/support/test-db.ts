import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { pgliteHandle, postgresHandle, type DatabaseHandle } from "@/server/db/client";
import { adminUrl, databaseUrl } from "./postgres-url";

/**
 * A fresh, migrated database for one test file: PGlite from the dumped template, or a
 * PostgreSQL database created from the migrated template. Closed after the file.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (process.env.SMARTA_TEST_DATABASE === "postgresql") {
    const name = `smarta_t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
    const handle = postgresHandle(databaseUrl(name));
    afterAll(async () => {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });
    return handle;
  }
  const dump = fs.readFileSync(inject("pgliteDump"));
  const pglite = new PGlite({ loadDataDir: new Blob([dump]) });
  await pglite.waitReady;
  const handle = pgliteHandle(pglite, () => pglite.close());
  afterAll(() => handle.close());
  return handle;
}
