/**
 * `npm run bench`: seeds a large organisation (see large-org.ts) into PostgreSQL (a scratch
 * database beside DATABASE_URL / TEST_DATABASE_URL) and into PGlite, then times the
 * procedures people wait for through the real tRPC callers, p50 and p95 over BENCH_RUNS runs
 * (default 60) after a warm-up, and compares the organisation dashboard and the HR report with
 * one hand-written SQL query computing the same numbers. Prints a table and writes
 * bench/results.md with the date and the machine.
 *
 *   npm run bench
 *   BENCH_RUNS=100 npm run bench
 *   BENCH_ONLY=postgres npm run bench     # or pglite
 */
import fs from "node:fs";
import os from "node:os";
import { hashPassword } from "../src/server/auth/password";
import { todayOf } from "../src/features/checkins/progress";
import { withPglite, withScratchPostgres, type BenchDatabase } from "./databases";
import { LARGE_PASSWORD, seedLargeOrganization, type LargeOrg } from "./large-org";
import { reportSettingsSql } from "../src/server/db/report-statement";
import { TARGETS, benchScenarios, runOnDriver } from "./scenarios";

const RUNS = Math.max(50, Number(process.env.BENCH_RUNS ?? 60));
// Enough to pass through every connection of the pool (10) more than once: each connection
// compiles the readings trigger and plans its statements on first use, which a server with
// long-lived connections pays once, not per request.
const WARMUP = 20;
const ONLY = process.env.BENCH_ONLY;

export type Timing = { p50: number; p95: number; runs: number };

type Row = { database: string; scenario: string; timing: Timing; baseline: Timing | null; target: string; met: boolean | null };

function percentile(sorted: number[], share: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

async function time(work: (run: number) => Promise<unknown>): Promise<Timing> {
  for (let run = 0; run < WARMUP; run++) await work(-1 - run);
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await work(run);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), runs: RUNS };
}

async function benchDatabase({ handle, label }: BenchDatabase, passwordHash: string, rows: Row[]) {
  console.log(`\n${label}`);
  const db = handle.prisma;
  const started = performance.now();
  const org: LargeOrg = await seedLargeOrganization(db, { tag: "bench", today: todayOf(new Date()), passwordHash });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  seeded ${org.counts.people} people, ${org.counts.teams} teams, ${org.counts.goals} goals, ${org.counts.checkIns} check-ins in ${seconds.toFixed(1)} s`,
  );
  // fresh statistics and visibility map, as autovacuum leaves them after a bulk load (it
  // vacuums insert-only tables too): without the map no index-only scan pays off
  await db.$executeRawUnsafe("VACUUM ANALYZE");

  for (const scenario of benchScenarios(org)) {
    const timing = await time((run) => scenario.run(db, run));
    const reference = scenario.handWritten;
    const baseline = reference
      ? await handle.withSession(async (session) => {
          // the settings the procedures' report statements run with, here for the whole session
          const settings = reportSettingsSql({}, "session");
          await session.query(settings.text, settings.values);
          return time(() => runOnDriver(session, reference));
        })
      : null;
    const target = TARGETS[scenario.name];
    const met = label.startsWith("PostgreSQL") && target ? target.check(timing, baseline) : null;
    rows.push({ database: label, scenario: scenario.name, timing, baseline, target: target?.text ?? "", met });
    console.log(
      `  ${scenario.name.padEnd(26)} p50 ${timing.p50.toFixed(1).padStart(7)} ms  p95 ${timing.p95.toFixed(1).padStart(7)} ms` +
        (baseline ? `  hand-written SQL p95 ${baseline.p95.toFixed(1)} ms (×${(timing.p95 / baseline.p95).toFixed(2)})` : "") +
        (met === null ? "" : met ? "  ✓" : "  ✗ target missed"),
    );
  }
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function table(rows: Row[]): string {
  const lines = [
    "| database | scenario | p50 ms | p95 ms | hand-written SQL p95 ms | ratio | target (PostgreSQL) | met |",
    "|---|---|---:|---:|---:|---:|---|---|",
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.database} | ${row.scenario} | ${row.timing.p50.toFixed(1)} | ${row.timing.p95.toFixed(1)} | ${row.baseline ? row.baseline.p95.toFixed(1) : ""} | ${
        row.baseline ? `${(row.timing.p95 / row.baseline.p95).toFixed(2)}×` : ""
      } | ${row.target} | ${row.met === null ? "" : row.met ? "yes" : "**no**"} |`,
    );
  }
  return lines.join("\n");
}

async function main() {
  const passwordHash = await hashPassword(LARGE_PASSWORD);
  const rows: Row[] = [];
  if (ONLY !== "pglite") await withScratchPostgres((database) => benchDatabase(database, passwordHash, rows));
  if (ONLY !== "postgres") await withPglite((database) => benchDatabase(database, passwordHash, rows));
  const text = table(rows);
  console.log(`\n${text}`);
  const stamp = new Date().toISOString().slice(0, 16).replace("T", " ");
  fs.writeFileSync(
    "bench/results.md",
    `# Benchmark results\n\n${stamp} UTC, ${RUNS} runs per scenario after ${WARMUP} warm-up runs, on ${machine()}.\n\n` +
      `Organisation: 10,000 people, 1,000 teams, 40,000 goals, about 400,000 check-ins (bench/large-org.ts). ` +
      `Command: \`npm run bench\`.\n\n${text}\n`,
  );
  console.log("\nWrote bench/results.md");
  if (rows.some((row) => row.met === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
