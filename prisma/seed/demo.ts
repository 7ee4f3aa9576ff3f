import { randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { getDatabase } from "../../src/server/db/client";
import type { PrismaClient } from "../../src/server/db/generated/client";
import { hashPassword } from "../../src/server/auth/password";
import { DEMO_PASSWORD, formatDemoAccounts } from "./demo-accounts";
import { insertDemoCheckIns } from "./demo-check-ins";
import { insertDemoGoals } from "./demo-goals";
import { buildDemoData, EXEMPEL_SLUG, type DemoOrganization } from "./demo-data";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const isoDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

function lookup(ids: Map<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Demo data refers to an unknown ${what}: ${key}`);
  return id;
}

async function insertOrganization(
  tx: Tx,
  org: DemoOrganization,
  userIds: Map<string, string>,
  userNames: Map<string, string>,
  now: Date,
): Promise<{ goals: number; checkIns: number }> {
  const organizationId = randomUUID();
  await tx.organization.create({ data: { id: organizationId, slug: org.slug, name: org.name, locale: org.locale, settings: {} } });

  // Ids are made here, not by the database, so that one bulk insert per table can wire every link.
  const teamIds = new Map(org.teams.map((team) => [team.name, randomUUID()]));
  const membershipIds = new Map(org.memberships.map((m) => [m.userEmail, randomUUID()]));

  // Parents first, so the parent key holds even if Prisma splits the bulk insert into batches.
  const teamsByDepth = [...org.teams].sort((a, b) => Number(a.parentName !== null) - Number(b.parentName !== null));
  await tx.team.createMany({
    data: teamsByDepth.map((team) => ({
      id: lookup(teamIds, team.name, "team"),
      organizationId,
      name: team.name,
      parentTeamId: team.parentName === null ? null : lookup(teamIds, team.parentName, "team"),
    })),
  });

  // The demo data lists managers before their reports, for the same reason as the teams above.
  await tx.membership.createMany({
    data: org.memberships.map((m) => ({
      id: lookup(membershipIds, m.userEmail, "member"),
      organizationId,
      userId: lookup(userIds, m.userEmail, "user"),
      role: m.role,
      title: m.title,
      teamId: m.teamName === null ? null : lookup(teamIds, m.teamName, "team"),
      managerId: m.managerEmail === null ? null : lookup(membershipIds, m.managerEmail, "manager"),
    })),
  });

  await tx.teamLead.createMany({
    data: org.teams.flatMap((team) =>
      team.leadEmails.map((email) => ({
        organizationId,
        teamId: lookup(teamIds, team.name, "team"),
        membershipId: lookup(membershipIds, email, "team lead"),
      })),
    ),
  });

  const periodIds = new Map(org.periods.map((period) => [period.name, randomUUID()]));
  await tx.goalPeriod.createMany({
    data: org.periods.map((period) => ({
      id: lookup(periodIds, period.name, "period"),
      organizationId,
      name: period.name,
      startDate: isoDate(period.startDate),
      endDate: isoDate(period.endDate),
      isCurrent: period.isCurrent,
    })),
  });

  const goals = await insertDemoGoals(tx, org, { organizationId, teamIds, membershipIds, periodIds, userIds, userNames });
  const checkIns = await insertDemoCheckIns(tx, org, { organizationId, membershipIds, goals }, now);
  return { goals: goals.length, checkIns };
}

/**
 * Inserts the demo organisations (Exempel AB and Demo Ltd) unless Exempel AB already exists.
 * All or nothing: a failure leaves the database as it was. The check-in history ends at `now`
 * and is placed so that the goals' statuses at `now` show a realistic mix.
 */
export async function seedDemo(
  db: PrismaClient,
  options: { log?: (line: string) => void; now?: Date } = {},
): Promise<{ created: boolean }> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => undefined);
  if (await db.organization.findUnique({ where: { slug: EXEMPEL_SLUG }, select: { id: true } })) {
    log(`Demo data already exists (organisation "${EXEMPEL_SLUG}"); nothing seeded.`);
    return { created: false };
  }

  const data = buildDemoData();
  // argon2id costs ~100 ms per hash; every demo user shares the one hash. Hashed before the
  // transaction so it does not hold the transaction open.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const sizes = new Map<string, { goals: number; checkIns: number }>();
  await db.$transaction(
    async (tx) => {
      const userIds = new Map(data.users.map((user) => [user.email, randomUUID()]));
      await tx.user.createMany({
        data: data.users.map((user) => ({ id: lookup(userIds, user.email, "user"), email: user.email, name: user.name, passwordHash })),
      });
      const userNames = new Map(data.users.map((user) => [user.email, user.name]));
      for (const org of data.organizations) sizes.set(org.slug, await insertOrganization(tx, org, userIds, userNames, now));
    },
    // PGlite on a slow disk can exceed Prisma's 5 s default for a few hundred rows.
    { maxWait: 10_000, timeout: 60_000 },
  );

  for (const org of data.organizations) {
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
    const size = sizes.get(org.slug)!;
    log(
      `Seeded ${org.name} (${org.slug}): ${count(org.memberships.length, "member")}, ${count(org.teams.length, "team")}, ${count(org.periods.length, "period")}, ${count(size.goals, "goal")}, ${count(size.checkIns, "check-in")}.`,
    );
  }
  return { created: true };
}

async function main(): Promise<void> {
  const handle = await getDatabase();
  try {
    await seedDemo(handle.prisma, { log: (line) => console.log(line) });
    console.log(`\n${formatDemoAccounts()}`);
  } finally {
    await handle.close();
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
