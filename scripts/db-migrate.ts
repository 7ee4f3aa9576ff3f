/** `npm run db:migrate`: applies pending migrations to PostgreSQL (DATABASE_URL) or the embedded database. */
import { getDatabase, type DatabaseHandle } from "../src/server/db/client";
import { applyMigrations, migrationState } from "../src/server/db/migrate";

let database: DatabaseHandle | undefined;
try {
  database = await getDatabase();
  const handle = database;
  // opening the embedded database already migrated it; this reports and covers PostgreSQL
  const applied = await handle.withSession((session) => applyMigrations(session));
  const state = await handle.withSession((session) => migrationState(session));
  console.log(
    applied.length > 0
      ? `Applied ${applied.length} migration(s) to ${handle.kind}: ${applied.join(", ")}`
      : `The ${handle.kind} database is up to date.`,
  );
  if (state.pending.length > 0) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database?.close();
}
