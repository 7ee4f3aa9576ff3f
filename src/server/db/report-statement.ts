import type { Db } from "./client";
import type { OrgDb, OrgTx } from "./for-org";
import { Prisma } from "./generated/client";

/**
 * How every report statement runs (the dashboards, the HR report and the benchmark's
 * hand-written references alike): in a transaction of its own, with settings that last only
 * for that transaction.
 *
 * - JIT compilation off: the smarta_* functions are inlined into large expressions and the
 *   report queries are costed high enough to be compiled; on the 40,000-goal benchmark the
 *   compilation alone took longer than the query (2.8 s against 1.1 s of CPU).
 * - work_mem large enough to sort and hash a 40,000-goal organisation's goals in memory
 *   instead of on disk.
 */
export const REPORT_SETTINGS: Readonly<Record<string, string>> = { jit: "off", work_mem: "32MB" };

/**
 * For statements whose joins the planner cannot estimate (a goal's team is an expression; a
 * CTE has no statistics, so it guesses 200 distinct keys and a million rows): it then picks a
 * merge join and sorts tens of thousands of rows on both sides, where hashing is far cheaper.
 */
export const PREFER_HASH_JOINS: Readonly<Record<string, string>> = { enable_mergejoin: "off" };

/** Prisma ends an interactive transaction after 5 s; a report on a busy server may need longer. */
const REPORT_TIMEOUT_MS = 60_000;

/**
 * `SELECT set_config(…)` for the report settings and any `planner` settings besides, for the
 * transaction (or, for a benchmark's raw driver session, the session).
 */
export function reportSettingsSql(planner: Readonly<Record<string, string>> = {}, lasting: "transaction" | "session" = "transaction"): Prisma.Sql {
  const local = lasting === "transaction";
  const settings = Object.entries({ ...REPORT_SETTINGS, ...planner }).map(([name, value]) => Prisma.sql`set_config(${name}, ${value}, ${local})`);
  return Prisma.sql`SELECT ${Prisma.join(settings)}`;
}

/** Runs `work` as a report: its own transaction, the report settings (and `planner`'s) applied first. */
export function inReportTransaction<T>(db: OrgDb | Db, work: (tx: OrgTx) => Promise<T>, planner: Readonly<Record<string, string>> = {}): Promise<T> {
  return (db as OrgDb).$transaction(
    async (tx) => {
      await tx.$queryRaw(reportSettingsSql(planner));
      return work(tx);
    },
    { timeout: REPORT_TIMEOUT_MS, maxWait: REPORT_TIMEOUT_MS },
  );
}
