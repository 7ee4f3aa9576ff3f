import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock between processes: two processes on one data directory silently
 * lose rows. We guard the directory with a lock file holding our pid, take over a lock
 * whose process is gone, and refuse with a clear message otherwise.
 */
export class DataDirectoryInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database at ${dataDir} is in use by pid ${pid}. ` +
        `Stop that process first (or set PGLITE_DATA_DIR to another directory).`,
    );
    this.name = "DataDirectoryInUseError";
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockFilePath(dataDir: string): string {
  return path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);
}

function acquireLock(dataDir: string): () => void {
  const lockFile = lockFilePath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(fs.readFileSync(lockFile, "utf8").trim(), 10);
      if (holder === process.pid) return () => undefined;
      if (Number.isInteger(holder) && holder > 0 && processIsAlive(holder)) {
        throw new DataDirectoryInUseError(dataDir, holder);
      }
      // stale lock of a dead process: take it over
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database at ${dataDir}`);
}

export type OpenedPGlite = { pglite: PGlite; dataDir: string; close: () => Promise<void> };

/** Opens (creating if needed) a PGlite data directory, guarded by a pid lock file. */
export async function openPGliteDirectory(dataDir: string): Promise<OpenedPGlite> {
  const absolute = path.resolve(dataDir);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  const release = acquireLock(absolute);
  try {
    const pglite = new PGlite(absolute);
    await pglite.waitReady;
    return {
      pglite,
      dataDir: absolute,
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export const DEFAULT_PGLITE_DATA_DIR = ".data/pglite";

export function pgliteDataDirFromEnv(): string {
  return process.env.PGLITE_DATA_DIR?.trim() || DEFAULT_PGLITE_DATA_DIR;
}
