import { PGlite } from "@electric-sql/pglite";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { pgliteHandle } from "@/server/db/client";
import { applyMigrations } from "@/server/db/migrate";
import { DataDirectoryInUseError, openPGliteDirectory } from "@/server/db/pglite";

const run = promisify(execFile);
const embeddedOnly = process.env.SMARTA_TEST_DATABASE === "postgresql";

describe.skipIf(embeddedOnly)("the embedded database directory", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "smarta-lock-"));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("refuses a second process at once with a clear message, and keeps the data", async () => {
    const dataDir = path.join(root, "shared", "pglite");
    const opened = await openPGliteDirectory(dataDir);
    await opened.pglite.exec("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");

    const second = run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db-migrate.ts"], {
      env: { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: "" },
    });
    const failure = (await second.then(() => null, (error: unknown) => error)) as { code: number; stderr: string } | null;
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(`is in use by pid ${process.pid}`);

    const rows = await opened.pglite.query<{ note: string }>("SELECT note FROM kept");
    expect(rows.rows).toEqual([{ note: "still here" }]);
    await opened.close();
  }, 60_000);

  it("refuses a second opener in the same machine by pid, and takes over a dead process's lock", async () => {
    const dataDir = path.join(root, "stale", "pglite");
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    // a lock left by a process that no longer exists
    fs.writeFileSync(`${dataDir}.lock`, "2147483646");
    const opened = await openPGliteDirectory(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    await opened.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);

    fs.writeFileSync(`${dataDir}.lock`, String(process.ppid));
    await expect(openPGliteDirectory(dataDir)).rejects.toBeInstanceOf(DataDirectoryInUseError);
    fs.rmSync(`${dataDir}.lock`);
  });
});

describe.skipIf(embeddedOnly)("GET /api/health", () => {
  it("answers 503 while migrations are pending and 200 once they are applied", async () => {
    const pglite = new PGlite();
    const handle = pgliteHandle(pglite, () => pglite.close());
    // the route asks the process-wide database; hand it this unmigrated one
    (globalThis as Record<symbol, unknown>)[Symbol.for("smarta.database")] = Promise.resolve(handle);
    try {
      const before = await health();
      expect(before.status).toBe(503);
      expect(await before.json()).toMatchObject({ status: "migrations-pending" });

      await applyMigrations(pglite);
      const after = await health();
      expect(after.status).toBe(200);
      expect(await after.json()).toEqual({ status: "ok" });

      await pglite.close();
      const unreachable = await health();
      expect(unreachable.status).toBe(503);
      expect(await unreachable.json()).toEqual({ status: "database-unreachable" });
    } finally {
      delete (globalThis as Record<symbol, unknown>)[Symbol.for("smarta.database")];
    }
  });
});
