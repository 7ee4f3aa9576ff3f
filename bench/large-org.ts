/**
 * A large organisation for the benchmarks, generated inside the database with set-based
 * INSERT … SELECT over generate_series (nothing row by row, nothing sent over the wire per row):
 *
 *   1 organisation · 1,000 teams (10 departments × 99 teams) · 10,000 people
 *   (an admin, 10 department heads, 990 team leads, HR and employees, each with a manager)
 *   40,000 goals (organisation → team → individual, all aligned) · 400,000 check-ins
 *
 * Every generated person shares one password hash, so a load test can sign in as anyone.
 * Deterministic for a given `today`: values come from hashes of the row numbers, not random().
 */
import { Prisma } from "../src/server/db/generated/client";
import type { Db } from "../src/server/db/client";
import { addDays } from "../src/features/checkins/progress";

export const LARGE = {
  departments: 10,
  teamsPerDepartment: 99,
  people: 10_000,
  organisationGoals: 20,
  teamGoalsPerTeam: 2,
  goals: 40_000,
  checkInsPerGoal: 10,
  checkIns: 400_000,
} as const;

export const LARGE_PASSWORD = "Bench-large-2026";
export const largeEmail = (n: number, tag: string) => `p${n}-${tag}@large.example`;

export type LargeOrg = {
  organizationId: string;
  slug: string;
  periodId: string;
  tag: string;
  adminUserId: string;
  hrUserId: string;
  /** a team lead: their team's dashboard is the team benchmark */
  leadUserId: string;
  leadTeamId: string;
  /** an employee with ACTIVE goals to check in on */
  employeeUserId: string;
  employeeGoalIds: string[];
  counts: { teams: number; people: number; goals: number; checkIns: number };
};

/**
 * People are numbered 0..9,999: 0 is the ADMIN (CEO), 1..10 department heads, 11..1,000 team
 * leads (lead of team k = person 10 + k), 1,001..1,010 HR, the rest employees spread over the
 * teams. Individual goals fill up to 40,000 goals in all.
 */
export async function seedLargeOrganization(db: Db, options: { tag: string; today: string; passwordHash: string }): Promise<LargeOrg> {
  const { tag, today, passwordHash } = options;
  const start = addDays(today, -180);
  const end = addDays(today, 185);
  const teamCount = LARGE.departments * LARGE.teamsPerDepartment;
  const slug = `large-${tag}`;

  return db.$transaction(
    async (tx) => {
      const organization = await tx.organization.create({ data: { name: `Stora Bolaget ${tag}`, slug, locale: "sv" } });
      const org = organization.id;
      const period = await tx.goalPeriod.create({
        data: { organizationId: org, name: `Bench ${today.slice(0, 4)}`, startDate: new Date(`${start}T00:00:00Z`), endDate: new Date(`${end}T00:00:00Z`), isCurrent: true },
      });

      // departments 1..10, then teams numbered 1..990 under department ((k - 1) / 99) + 1
      await tx.$executeRaw(Prisma.sql`
        CREATE TEMP TABLE bench_team (n int PRIMARY KEY, id uuid NOT NULL, parent int) ON COMMIT DROP`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO bench_team (n, id, parent)
        SELECT -d, gen_random_uuid(), NULL FROM generate_series(1, ${LARGE.departments}) AS d
        UNION ALL
        SELECT k, gen_random_uuid(), -(((k - 1) / ${LARGE.teamsPerDepartment}) + 1) FROM generate_series(1, ${teamCount}) AS k`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "Team" ("id", "organizationId", "name", "parentTeamId", "updatedAt")
        SELECT t.id, ${org}::uuid,
          CASE WHEN t.n < 0 THEN 'Avdelning ' || -t.n ELSE 'Team ' || (-t.parent) || '.' || (((t.n - 1) % ${LARGE.teamsPerDepartment}) + 1) END,
          p.id, now()
        FROM bench_team t LEFT JOIN bench_team p ON p.n = t.parent
        ORDER BY t.n`);

      // people: team of person n (employees and leads) and their manager's number
      await tx.$executeRaw(Prisma.sql`
        CREATE TEMP TABLE bench_person (n int PRIMARY KEY, user_id uuid NOT NULL, membership_id uuid NOT NULL, team int, manager int, role "Role" NOT NULL) ON COMMIT DROP`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO bench_person (n, user_id, membership_id, team, manager, role)
        SELECT n, gen_random_uuid(), gen_random_uuid(),
          CASE WHEN n = 0 THEN NULL
               WHEN n <= ${LARGE.departments} THEN -n
               WHEN n <= ${LARGE.departments + teamCount} THEN n - ${LARGE.departments}
               ELSE ((n - 1) % ${teamCount}) + 1 END,
          CASE WHEN n = 0 THEN NULL
               WHEN n <= ${LARGE.departments} THEN 0
               WHEN n <= ${LARGE.departments + teamCount} THEN ((n - ${LARGE.departments} - 1) / ${LARGE.teamsPerDepartment}) + 1
               ELSE ((n - 1) % ${teamCount}) + 1 + ${LARGE.departments} END,
          (CASE WHEN n = 0 THEN 'ADMIN'
               WHEN n <= ${LARGE.departments + teamCount} THEN 'MANAGER'
               WHEN n <= ${LARGE.departments + teamCount + 10} THEN 'HR'
               ELSE 'EMPLOYEE' END)::"Role"
        FROM generate_series(0, ${LARGE.people - 1}) AS n`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt")
        SELECT p.user_id, 'p' || p.n || '-' || ${tag} || '@large.example', 'Person ' || p.n, ${passwordHash}, now() FROM bench_person p`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "Membership" ("id", "organizationId", "userId", "role", "teamId", "updatedAt")
        SELECT p.membership_id, ${org}::uuid, p.user_id, p.role, t.id, now()
        FROM bench_person p LEFT JOIN bench_team t ON t.n = p.team`);
      await tx.$executeRaw(Prisma.sql`
        UPDATE "Membership" m SET "managerId" = boss.membership_id
        FROM bench_person p JOIN bench_person boss ON boss.n = p.manager
        WHERE m."organizationId" = ${org}::uuid AND m."id" = p.membership_id`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "TeamLead" ("organizationId", "teamId", "membershipId")
        SELECT ${org}::uuid, t.id, p.membership_id
        FROM bench_person p JOIN bench_team t ON t.n = p.team
        WHERE p.n BETWEEN 1 AND ${LARGE.departments + teamCount}`);

      // goals: organisation goals (owner: the admin), two per team (owner: the lead, linked to an
      // organisation goal), then individual goals round-robin over everyone but the admin, each
      // linked to one of their team's goals
      const teamGoals = teamCount * LARGE.teamGoalsPerTeam;
      const individualGoals = LARGE.goals - LARGE.organisationGoals - teamGoals;
      await tx.$executeRaw(Prisma.sql`
        CREATE TEMP TABLE bench_goal (n int PRIMARY KEY, id uuid NOT NULL, level "GoalLevel" NOT NULL, owner int NOT NULL, team int, parent int) ON COMMIT DROP`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO bench_goal (n, id, level, owner, team, parent)
        SELECT g, gen_random_uuid(), 'ORGANIZATION'::"GoalLevel", 0, NULL::int, NULL::int FROM generate_series(1, ${LARGE.organisationGoals}) AS g
        UNION ALL
        SELECT ${LARGE.organisationGoals} + g, gen_random_uuid(), 'TEAM'::"GoalLevel",
          ${LARGE.departments} + ((g - 1) / ${LARGE.teamGoalsPerTeam}) + 1, ((g - 1) / ${LARGE.teamGoalsPerTeam}) + 1,
          ((g - 1) % ${LARGE.organisationGoals}) + 1
        FROM generate_series(1, ${teamGoals}) AS g
        UNION ALL
        SELECT ${LARGE.organisationGoals + teamGoals} + g, gen_random_uuid(), 'INDIVIDUAL'::"GoalLevel", o.owner, NULL::int, NULL::int
        FROM generate_series(1, ${individualGoals}) AS g
        CROSS JOIN LATERAL (SELECT ((g - 1) % ${LARGE.people - 1}) + 1 AS owner) o`);
      // an individual goal's parent: the first or second goal of its owner's team (department
      // heads: an organisation goal)
      await tx.$executeRaw(Prisma.sql`
        UPDATE bench_goal g SET parent = CASE
          WHEN p.team < 0 THEN ((g.n - 1) % ${LARGE.organisationGoals}) + 1
          ELSE ${LARGE.organisationGoals} + (p.team - 1) * ${LARGE.teamGoalsPerTeam} + (g.n % ${LARGE.teamGoalsPerTeam}) + 1 END
        FROM bench_person p WHERE g.level = 'INDIVIDUAL' AND p.n = g.owner`);

      // a goal's shape from a hash of its number: most increase 0 → 100, one in five decreases
      // 100 → 40, one in ten is binary; one in twenty is a development goal; 3 % are DRAFT
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "Goal" ("id", "organizationId", "level", "kind", "status", "periodId", "ownerId", "teamId", "teamIdAtActivation",
          "priority", "title", "parentGoalId", "statement", "measureType", "unit", "baseline", "minimum", "target", "stretch",
          "startDate", "dueDate", "cadence", "ownerSignedAt", "ownerSignedById", "managerSignedAt", "managerSignedById", "activatedAt",
          "createdById", "updatedById", "updatedAt")
        SELECT g.id, ${org}::uuid, g.level,
          (CASE WHEN g.level = 'INDIVIDUAL' AND g.n % 20 = 0 THEN 'DEVELOPMENT' ELSE 'PERFORMANCE' END)::"GoalKind",
          (CASE WHEN g.n % 33 = 0 AND g.level = 'INDIVIDUAL' THEN 'DRAFT' ELSE 'ACTIVE' END)::"GoalStatus",
          ${period.id}::uuid, owner.membership_id, team.id, COALESCE(team.id, ownerteam.id),
          1 + (g.n / ${LARGE.people}), 'Mål ' || g.n, parent.id, 'Mål ' || g.n,
          (CASE WHEN g.n % 10 = 3 THEN 'BINARY' ELSE 'NUMBER' END)::"MeasureType",
          CASE WHEN g.n % 10 = 3 THEN '' ELSE 'st' END,
          CASE WHEN g.n % 10 = 3 THEN NULL WHEN g.n % 5 = 1 THEN 100 ELSE 0 END,
          CASE WHEN g.n % 10 = 3 THEN NULL WHEN g.n % 5 = 1 THEN 60 ELSE 70 END,
          CASE WHEN g.n % 10 = 3 THEN NULL WHEN g.n % 5 = 1 THEN 40 ELSE 100 END,
          CASE WHEN g.n % 10 = 3 THEN NULL WHEN g.n % 5 = 1 THEN 30 ELSE 120 END,
          ${start}::date, ${end}::date, 'MONTHLY'::"Cadence",
          CASE WHEN g.n % 33 = 0 AND g.level = 'INDIVIDUAL' THEN NULL ELSE ${start}::date::timestamptz END, CASE WHEN g.n % 33 = 0 AND g.level = 'INDIVIDUAL' THEN NULL ELSE owner.membership_id END,
          CASE WHEN g.n % 33 = 0 AND g.level = 'INDIVIDUAL' THEN NULL ELSE ${start}::date::timestamptz END, CASE WHEN g.n % 33 = 0 AND g.level = 'INDIVIDUAL' THEN NULL ELSE COALESCE(boss.membership_id, owner.membership_id) END,
          CASE WHEN g.n % 33 = 0 AND g.level = 'INDIVIDUAL' THEN NULL ELSE ${start}::date::timestamptz END,
          owner.membership_id, owner.membership_id, now()
        FROM bench_goal g
        JOIN bench_person owner ON owner.n = g.owner
        LEFT JOIN bench_person boss ON boss.n = owner.manager
        LEFT JOIN bench_team team ON team.n = g.team
        LEFT JOIN bench_team ownerteam ON ownerteam.n = owner.team
        LEFT JOIN bench_goal parent ON parent.n = g.parent
        ORDER BY g.n`);

      // check-ins every 18 days from the start: progress follows a per-goal pace
      // (0.3× to 1.4× of the ideal line) so every status occurs
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "CheckIn" ("organizationId", "goalId", "value", "confidence", "comment", "effectiveDate", "authorId", "clientKey", "bodyDigest", "createdAt")
        SELECT ${org}::uuid, goal."id",
          CASE WHEN goal."measureType" = 'BINARY' THEN (CASE WHEN c = ${LARGE.checkInsPerGoal} AND b.n % 3 = 0 THEN 1 ELSE 0 END)
               ELSE round((goal."baseline" + (goal."target" - goal."baseline") * LEAST(1.2, (c * 18.0 / 365) * (0.3 + (b.n % 12) / 10.0)))::numeric, 1) END,
          1 + ((b.n + c) % 10), '', ${start}::date + c * 18, goal."ownerId", 'bench-' || b.n || '-' || c, 'bench', ${start}::date::timestamptz + make_interval(days => c * 18)
        FROM bench_goal b
        JOIN "Goal" goal ON goal."organizationId" = ${org}::uuid AND goal."id" = b.id AND goal."status" = 'ACTIVE'
        CROSS JOIN generate_series(0, ${LARGE.checkInsPerGoal}) AS c
        -- ten per goal after the start, and a first reading on the start day for enough goals to make 400,000
        ORDER BY (c = 0), b.n, c
        LIMIT ${LARGE.checkIns}`);

      const [ids] = await tx.$queryRaw<
        { admin: string; hr: string; lead: string; leadTeam: string; employee: string; teams: number; people: number; goals: number; checkIns: number }[]
      >(Prisma.sql`
        SELECT (SELECT user_id::text FROM bench_person WHERE n = 0) AS "admin",
          (SELECT user_id::text FROM bench_person WHERE n = ${LARGE.departments + teamCount + 1}) AS "hr",
          (SELECT user_id::text FROM bench_person WHERE n = ${LARGE.departments + 1}) AS "lead",
          (SELECT t.id::text FROM bench_person p JOIN bench_team t ON t.n = p.team WHERE p.n = ${LARGE.departments + 1}) AS "leadTeam",
          (SELECT user_id::text FROM bench_person WHERE n = ${LARGE.people - 1}) AS "employee",
          (SELECT count(*)::int FROM "Team" WHERE "organizationId" = ${org}::uuid) AS "teams",
          (SELECT count(*)::int FROM "Membership" WHERE "organizationId" = ${org}::uuid) AS "people",
          (SELECT count(*)::int FROM "Goal" WHERE "organizationId" = ${org}::uuid) AS "goals",
          (SELECT count(*)::int FROM "CheckIn" WHERE "organizationId" = ${org}::uuid) AS "checkIns"`);
      const employeeGoals = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
        SELECT g."id"::text AS "id" FROM "Goal" g JOIN "Membership" m ON m."organizationId" = g."organizationId" AND m."id" = g."ownerId"
        WHERE g."organizationId" = ${org}::uuid AND m."userId" = ${ids!.employee}::uuid AND g."status" = 'ACTIVE' AND g."measureType" = 'NUMBER'`);
      return {
        organizationId: org,
        slug,
        periodId: period.id,
        tag,
        adminUserId: ids!.admin,
        hrUserId: ids!.hr,
        leadUserId: ids!.lead,
        leadTeamId: ids!.leadTeam,
        employeeUserId: ids!.employee,
        employeeGoalIds: employeeGoals.map((goal) => goal.id),
        counts: { teams: ids!.teams, people: ids!.people, goals: ids!.goals, checkIns: ids!.checkIns },
      };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
