import type { OrgDb, OrgTx } from "@/server/db/for-org";
import { Prisma } from "@/server/db/generated/client";

const personSelect = {
  id: true,
  role: true,
  title: true,
  status: true,
  user: { select: { name: true, email: true } },
  team: { select: { id: true, name: true } },
  manager: { select: { id: true, user: { select: { name: true } } } },
  reports: {
    where: { status: "ACTIVE" },
    select: { id: true, user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  },
} as const;

export async function findPerson(orgDb: OrgDb, membershipId: string) {
  const row = await orgDb.membership.findFirst({ where: { id: membershipId }, select: personSelect });
  if (!row) return null;
  return {
    membershipId: row.id,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    title: row.title,
    active: row.status === "ACTIVE",
    team: row.team,
    manager: row.manager ? { membershipId: row.manager.id, name: row.manager.user.name } : null,
    reports: row.reports.map((report) => ({ membershipId: report.id, name: report.user.name })),
  };
}

// ---------------------------------------------------------------------------------------
// Administration of memberships

type Role = "ADMIN" | "HR" | "MANAGER" | "EMPLOYEE";
type MembershipStatus = "ACTIVE" | "DEACTIVATED";

/** What a list filter asks for, already validated by the procedure. */
export type MemberQuery = {
  search: string[];
  teamId?: string;
  role?: Role;
  managerId?: string;
  status: MembershipStatus | "ALL";
  limit: number;
  offset: number;
};

type MemberRow = {
  membershipId: string;
  name: string;
  email: string;
  role: Role;
  title: string | null;
  status: MembershipStatus;
  updatedAt: Date;
  teamId: string | null;
  teamName: string | null;
  managerId: string | null;
  managerName: string | null;
};

/** `LIKE` treats % and _ as wildcards; a search for "50%" means the characters. */
function likeContains(word: string): string {
  return `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * A sort key that puts names in Swedish alphabetical order on any database collation:
 * å, ä and ö come after z (mapped to the three ASCII characters that follow "z").
 */
const SWEDISH_SORT_KEY = Prisma.sql`translate(lower(u."name"), 'åäöæøéèáàü', '{|}|}eeaay')`;

function memberConditions(organizationId: string, query: MemberQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`m."organizationId" = ${organizationId}::uuid`];
  // every word must appear in the name or the e-mail, so "sjöberg elin" finds Elin Sjöberg
  for (const word of query.search) {
    const pattern = likeContains(word);
    conditions.push(Prisma.sql`(lower(u."name") LIKE lower(${pattern}) OR lower(u."email") LIKE lower(${pattern}))`);
  }
  if (query.teamId === "none") conditions.push(Prisma.sql`m."teamId" IS NULL`);
  else if (query.teamId) conditions.push(Prisma.sql`m."teamId" = ${query.teamId}::uuid`);
  if (query.managerId === "none") conditions.push(Prisma.sql`m."managerId" IS NULL`);
  else if (query.managerId) conditions.push(Prisma.sql`m."managerId" = ${query.managerId}::uuid`);
  if (query.role) conditions.push(Prisma.sql`m."role" = ${query.role}::"Role"`);
  if (query.status !== "ALL") conditions.push(Prisma.sql`m."status" = ${query.status}::"MembershipStatus"`);
  return Prisma.join(conditions, " AND ");
}

/** One page of the organisation's members and the number matching, in two set-based queries. */
export async function listMembers(orgDb: OrgDb, query: MemberQuery) {
  const where = memberConditions(orgDb.organizationId, query);
  const [countRows, rows] = await Promise.all([
    orgDb.$queryRaw<{ total: number }[]>(Prisma.sql`
      SELECT count(*)::int AS "total"
      FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
      WHERE ${where}`),
    orgDb.$queryRaw<MemberRow[]>(Prisma.sql`
      SELECT m."id"::text AS "membershipId", u."name", u."email", m."role"::text AS "role", m."title",
             m."status"::text AS "status", m."updatedAt",
             t."id"::text AS "teamId", t."name" AS "teamName",
             mg."id"::text AS "managerId", mu."name" AS "managerName"
      FROM "Membership" m
      JOIN "User" u ON u."id" = m."userId"
      LEFT JOIN "Team" t ON t."organizationId" = m."organizationId" AND t."id" = m."teamId"
      LEFT JOIN "Membership" mg ON mg."organizationId" = m."organizationId" AND mg."id" = m."managerId"
      LEFT JOIN "User" mu ON mu."id" = mg."userId"
      WHERE ${where}
      ORDER BY ${SWEDISH_SORT_KEY}, u."name", m."id"
      LIMIT ${query.limit} OFFSET ${query.offset}`),
  ]);
  return {
    total: countRows[0]?.total ?? 0,
    items: rows.map((row) => ({
      membershipId: row.membershipId,
      name: row.name,
      email: row.email,
      role: row.role,
      title: row.title,
      status: row.status,
      updatedAt: row.updatedAt,
      team: row.teamId ? { id: row.teamId, name: row.teamName ?? "" } : null,
      manager: row.managerId ? { membershipId: row.managerId, name: row.managerName ?? "" } : null,
    })),
  };
}

export function listTeamsForPaths(orgDb: OrgDb) {
  return orgDb.team.findMany({ select: { id: true, name: true, parentTeamId: true, archivedAt: true } });
}

/** Members with at least one active report, whatever their own status. */
export async function listManagers(orgDb: OrgDb) {
  const rows = await orgDb.membership.findMany({
    where: { reports: { some: { status: "ACTIVE" } } },
    select: { id: true, status: true, user: { select: { name: true } } },
  });
  return rows.map((row) => ({ membershipId: row.id, name: row.user.name, active: row.status === "ACTIVE" }));
}

export async function findMemberBrief(tx: OrgTx, membershipId: string) {
  const row = await tx.membership.findFirst({
    where: { id: membershipId },
    select: { id: true, status: true, user: { select: { name: true } } },
  });
  return row ? { id: row.id, status: row.status, name: row.user.name } : null;
}

export function findTeamBrief(tx: OrgTx, teamId: string) {
  return tx.team.findFirst({ where: { id: teamId }, select: { id: true, name: true, archivedAt: true } });
}

/**
 * Whether `candidateId` is `membershipId` itself or anyone below it in the reporting line.
 * Deactivated people count: they still hold their reports. UNION (not UNION ALL) stops on
 * a loop, should one ever exist.
 */
export async function isSelfOrBelow(
  tx: OrgTx,
  organizationId: string,
  membershipId: string,
  candidateId: string,
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ found: boolean }[]>(Prisma.sql`
    WITH RECURSIVE below("id") AS (
      SELECT m."id" FROM "Membership" m WHERE m."organizationId" = ${organizationId}::uuid AND m."id" = ${membershipId}::uuid
      UNION
      SELECT m."id" FROM "Membership" m JOIN below b ON m."managerId" = b."id"
      WHERE m."organizationId" = ${organizationId}::uuid
    )
    SELECT EXISTS (SELECT 1 FROM below WHERE "id" = ${candidateId}::uuid) AS "found"`);
  return rows[0]?.found ?? false;
}

export function countActiveAdminsOtherThan(tx: OrgTx, membershipId: string) {
  return tx.membership.count({ where: { role: "ADMIN", status: "ACTIVE", id: { not: membershipId } } });
}

export async function updateMembership(
  tx: OrgTx,
  membershipId: string,
  data: { role?: Role; teamId?: string | null; managerId?: string | null; title?: string | null },
) {
  // copied field by field: nothing the client sent reaches Prisma unchecked
  await tx.membership.update({
    where: { id: membershipId },
    data: { role: data.role, teamId: data.teamId, managerId: data.managerId, title: data.title },
  });
}

export async function setMembershipStatus(tx: OrgTx, membershipId: string, status: MembershipStatus, at: Date) {
  await tx.membership.update({
    where: { id: membershipId },
    data: { status, deactivatedAt: status === "DEACTIVATED" ? at : null },
  });
}

export async function activeReportsOf(tx: OrgTx, membershipId: string) {
  const rows = await tx.membership.findMany({
    where: { managerId: membershipId, status: "ACTIVE" },
    select: { id: true, user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((row) => ({ membershipId: row.id, name: row.user.name }));
}

/** Who last changed a membership, to name them when a stale edit is refused. */
export async function lastChangedBy(tx: OrgTx, membershipId: string): Promise<string | null> {
  const event = await tx.auditEvent.findFirst({
    where: { entityType: "membership", entityId: membershipId },
    orderBy: { createdAt: "desc" },
    select: { actorName: true },
  });
  return event?.actorName ?? null;
}

// a person as findPerson sees them, without the reports and with the version an edit sends back
const { reports: _reports, ...personFields } = personSelect;
const listItemSelect = { ...personFields, updatedAt: true } as const;

/** A person as the admin list shows them; also what an edit starts from. */
export async function findListItem(orgDb: OrgDb | OrgTx, membershipId: string) {
  const row = await orgDb.membership.findFirst({ where: { id: membershipId }, select: listItemSelect });
  if (!row) return null;
  return {
    membershipId: row.id,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    title: row.title,
    status: row.status,
    updatedAt: row.updatedAt,
    team: row.team,
    manager: row.manager ? { membershipId: row.manager.id, name: row.manager.user.name } : null,
  };
}
export type MemberListRow = NonNullable<Awaited<ReturnType<typeof findListItem>>>;
