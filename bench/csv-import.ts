/**
 * Times the CSV import of 5,000 people (about 50 teams under 5 departments, every manager in
 * the file) through the real procedures (createCaller), on PostgreSQL and on PGlite:
 *
 *   npx tsx bench/csv-import.ts            # PostgreSQL from DATABASE_URL or TEST_DATABASE_URL, and PGlite
 *   BENCH_ROWS=10000 npx tsx bench/csv-import.ts
 *
 * PostgreSQL runs in a scratch database created and dropped here (as tests/support/test-db.ts
 * does); the given database itself is never written. Prints one line per step: rows, seconds, database.
 */
import { randomBytes } from "node:crypto";
import type { DatabaseHandle, Db } from "../src/server/db/client";
import { createCaller } from "../src/server/trpc/root";
import { withPglite, withScratchPostgres } from "./databases";

const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
const DEPARTMENTS = 5;
const TEAMS_PER_DEPARTMENT = 10;

type Row = [name: string, email: string, team: string, parentTeam: string, managerEmail: string, role: string];

/** A Swedish Excel file: BOM, semicolons, CRLF. CEO → 5 department heads → 50 team leads → everyone else. */
function generateCsv(rows: number, tag: string, variant = 0): string {
  const lines: Row[] = [];
  const ceo = `vd-${tag}@bench.example`;
  lines.push(["Vera Vd", ceo, "Ledning", "", "", "chef"]);
  const heads: string[] = [];
  const leads: { email: string; team: string; department: string }[] = [];
  for (let d = 0; d < DEPARTMENTS; d++) {
    const department = `Avdelning ${d + 1}`;
    const head = `chef-avd${d + 1}-${tag}@bench.example`;
    heads.push(head);
    lines.push([`Avdelningschef ${d + 1}`, head, department, "", ceo, "chef"]);
    for (let t = 0; t < TEAMS_PER_DEPARTMENT; t++) {
      const team = `Team ${d + 1}.${t + 1}`;
      const lead = `lead-${d + 1}-${t + 1}-${tag}@bench.example`;
      leads.push({ email: lead, team, department });
      lines.push([`Teamchef ${d + 1}.${t + 1}`, lead, team, department, head, "chef"]);
    }
  }
  for (let i = lines.length; i < rows; i++) {
    // variant moves everyone one team along, so a second file updates every person
    const lead = leads[(i + variant) % leads.length]!;
    lines.push([`Person ${i} Efternamn`, `person-${i}-${tag}@bench.example`, lead.team, lead.department, lead.email, i % 97 === 0 ? "hr" : "medarbetare"]);
  }
  const header = "Namn;E-post;Team;Överordnat team;Chefens e-post;Roll";
  return `\uFEFF${[header, ...lines.map((line) => line.join(";"))].join("\r\n")}\r\n`;
}

async function organizationWithAdmin(db: Db) {
  const tag = randomBytes(3).toString("hex");
  const organization = await db.organization.create({ data: { name: `Bench ${tag}`, slug: `bench-${tag}`, locale: "sv" } });
  const user = await db.user.create({ data: { name: "Bench Admin", email: `admin-${tag}@bench.example`, passwordHash: "unusable" } });
  await db.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "ADMIN" } });
  const caller = createCaller({ db, claims: { userId: user.id, sessionVersion: 0 }, clientIp: "127.0.0.1" });
  return { organization, caller, tag };
}

/** Every invitation accepted: users and memberships as if all had joined, so a file can update them. */
async function acceptAll(db: Db, organizationId: string) {
  const invitations = await db.invitation.findMany({ where: { organizationId, acceptedAt: null }, orderBy: { email: "asc" } });
  await db.user.createMany({ data: invitations.map((invitation) => ({ email: invitation.email, name: invitation.name ?? invitation.email, passwordHash: "unusable" })) });
  const users = await db.user.findMany({ where: { email: { in: invitations.map((invitation) => invitation.email) } }, select: { id: true, email: true } });
  const userIds = new Map(users.map((user) => [user.email, user.id]));
  await db.membership.createMany({
    data: invitations.map((invitation) => ({ organizationId, userId: userIds.get(invitation.email)!, role: invitation.role, teamId: invitation.teamId })),
  });
  await db.invitation.updateMany({ where: { organizationId, acceptedAt: null }, data: { acceptedAt: new Date() } });
}

type Result = { step: string; rows: number; seconds: number; database: string; detail: string };

async function timed<T>(results: Result[], database: string, step: string, work: () => Promise<T>, detail: (value: T) => string) {
  const started = performance.now();
  const value = await work();
  const seconds = (performance.now() - started) / 1000;
  results.push({ step, rows: ROWS, seconds, database, detail: detail(value) });
  console.log(`  ${step.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s  ${detail(value)}`);
  return value;
}

async function bench(handle: DatabaseHandle, database: string, results: Result[]) {
  console.log(`\n${database}`);
  const db = handle.prisma;
  const { organization, caller, tag } = await organizationWithAdmin(db);
  const orgSlug = organization.slug;
  const csv = generateCsv(ROWS, tag);
  console.log(`  file: ${ROWS} rows, ${(Buffer.byteLength(csv) / 1024).toFixed(0)} KiB`);

  await timed(results, database, "dryRun (new organisation)", () => caller.csvImport.dryRun({ orgSlug, csv }), (r) => `${r.summary.invite} to invite, ${r.summary.newTeams} teams, ${r.summary.error} errors`);
  await timed(results, database, "run (new organisation)", () => caller.csvImport.run({ orgSlug, csv }), (r) => `${r.counts.invited} invited, ${r.counts.teamsCreated} teams`);
  await timed(results, database, "dryRun (same file again)", () => caller.csvImport.dryRun({ orgSlug, csv }), (r) => `${r.summary.unchanged} unchanged`);
  await timed(results, database, "run (same file again: no change)", () => caller.csvImport.run({ orgSlug, csv }), (r) => `${r.counts.unchanged} unchanged`);

  await acceptAll(db, organization.id);
  const moved = generateCsv(ROWS, tag, 1);
  await timed(results, database, "dryRun (all members, everyone moves)", () => caller.csvImport.dryRun({ orgSlug, csv: moved }), (r) => `${r.summary.update} to update`);
  await timed(results, database, "run (all members, everyone moves)", () => caller.csvImport.run({ orgSlug, csv: moved }), (r) => `${r.counts.updatedMembers} members updated`);
}

async function onPostgres(results: Result[]) {
  await withScratchPostgres(({ handle, label }) => bench(handle, label, results));
}

async function onPglite(results: Result[]) {
  await withPglite(({ handle, label }) => bench(handle, label, results));
}

async function main() {
  const results: Result[] = [];
  await onPostgres(results);
  await onPglite(results);
  console.log("\nrows | seconds | database | step");
  for (const result of results) console.log(`${result.rows} | ${result.seconds.toFixed(2)} | ${result.database} | ${result.step}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
