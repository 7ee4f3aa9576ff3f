/** `npm run db:reset`: deletes the embedded database's data directory (never touches PostgreSQL). */
import fs from "node:fs";
import path from "node:path";

if (process.env.DATABASE_URL) {
  console.error("db:reset only resets the embedded database; unset DATABASE_URL.");
  process.exit(2);
}
const dataDir = path.resolve(process.env.PGLITE_DATA_DIR?.trim() || ".data/pglite");
const lock = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);
if (fs.existsSync(lock)) {
  console.error(`The embedded database is in use (lock file ${lock}). Stop the app first.`);
  process.exit(1);
}
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(`Removed ${dataDir}. The next start creates and seeds it again.`);
