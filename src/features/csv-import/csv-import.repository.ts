import type { OrgDb, OrgTx } from "@/server/db/for-org";
import type { Role } from "@/server/db/generated/enums";
import type { OrgSnapshot } from "./plan";

type Reader = OrgDb | OrgTx;

/** Everything the planner compares the file with: this organisation's people, open invitations and teams. */
export async function loadSnapshot(db: Reader): Promise<OrgSnapshot> {
  const [members, invitations, teams] = await Promise.all([
    db.membership.findMany({
      select: { id: true, role: true, teamId: true, managerId: true, status: true, user: { select: { email: true, name: true } } },
    }),
    db.invitation.findMany({
      where: { acceptedAt: null, revokedAt: null },
      select: { id: true, email: true, name: true, role: true, teamId: true, managerId: true, expiresAt: true },
    }),
    db.team.findMany({ select: { id: true, name: true, parentTeamId: true, archivedAt: true } }),
  ]);
  return {
    members: members.map((row) => ({
      membershipId: row.id,
      email: row.user.email.toLowerCase(),
      name: row.user.name,
      role: row.role,
      teamId: row.teamId,
      managerId: row.managerId,
      active: row.status === "ACTIVE",
    })),
    invitations: invitations.map((row) => ({
      invitationId: row.id,
      email: row.email.toLowerCase(),
      name: row.name,
      role: row.role,
      teamId: row.teamId,
      managerId: row.managerId,
      expiresAt: row.expiresAt,
    })),
    teams: teams.map((row) => ({ id: row.id, name: row.name, parentTeamId: row.parentTeamId, archived: row.archivedAt !== null })),
  };
}

export async function insertTeams(tx: OrgTx, organizationId: string, teams: { id: string; name: string; parentTeamId: string | null }[]) {
  if (teams.length === 0) return;
  // parents come first in the list, and each INSERT statement checks its foreign keys at its end
  await tx.team.createMany({ data: teams.map((team) => ({ id: team.id, organizationId, name: team.name, parentTeamId: team.parentTeamId })) });
}

export type InvitationFields = {
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  managerId: string | null;
  tokenHash: string;
  expiresAt: Date;
};

/**
 * One INSERT … SELECT over arrays: on PGlite, createMany's many-parameter statements took
 * seconds for 10,000 rows, this takes a fraction of that (and on PostgreSQL too).
 */
export async function insertInvitations(tx: OrgTx, organizationId: string, createdByUserId: string, rows: InvitationFields[]) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "Invitation" ("organizationId", "email", "name", "role", "teamId", "managerId", "tokenHash", "source", "expiresAt", "createdByUserId")
    SELECT ${organizationId}::uuid, v.email, v.name, v.role::"Role", v.team_id, v.manager_id, v.token_hash, 'IMPORT'::"InvitationSource", v.expires_at, ${createdByUserId}::uuid
    FROM unnest(
      ${rows.map((row) => row.email)}::text[], ${rows.map((row) => row.name)}::text[], ${rows.map((row) => row.role)}::text[],
      ${rows.map((row) => row.teamId)}::uuid[], ${rows.map((row) => row.managerId)}::uuid[],
      ${rows.map((row) => row.tokenHash)}::text[], ${rows.map((row) => row.expiresAt.toISOString())}::timestamptz[]
    ) WITH ORDINALITY AS v(email, name, role, team_id, manager_id, token_hash, expires_at, position)
    ORDER BY v.position`;
}

/** A new link and a new week for expired invitations, with the file's placement, in one statement. */
export async function renewInvitations(
  tx: OrgTx,
  organizationId: string,
  rows: (Omit<InvitationFields, "email"> & { invitationId: string })[],
): Promise<number> {
  if (rows.length === 0) return 0;
  return tx.$executeRaw`
    UPDATE "Invitation" AS i
    SET "name" = v.name, "role" = v.role::"Role", "teamId" = v.team_id, "managerId" = v.manager_id,
        "tokenHash" = v.token_hash, "expiresAt" = v.expires_at
    FROM unnest(
      ${rows.map((row) => row.invitationId)}::uuid[], ${rows.map((row) => row.name)}::text[], ${rows.map((row) => row.role)}::text[],
      ${rows.map((row) => row.teamId)}::uuid[], ${rows.map((row) => row.managerId)}::uuid[],
      ${rows.map((row) => row.tokenHash)}::text[], ${rows.map((row) => row.expiresAt.toISOString())}::timestamptz[]
    ) AS v(id, name, role, team_id, manager_id, token_hash, expires_at)
    WHERE i."id" = v.id AND i."organizationId" = ${organizationId}::uuid AND i."acceptedAt" IS NULL AND i."revokedAt" IS NULL`;
}

/** The file's name, role, team and manager for still valid invitations; their links stay as they are. */
export async function updateInvitations(
  tx: OrgTx,
  organizationId: string,
  rows: { invitationId: string; name: string; role: Role; teamId: string | null; managerId: string | null }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  return tx.$executeRaw`
    UPDATE "Invitation" AS i
    SET "name" = v.name, "role" = v.role::"Role", "teamId" = v.team_id, "managerId" = v.manager_id
    FROM unnest(
      ${rows.map((row) => row.invitationId)}::uuid[], ${rows.map((row) => row.name)}::text[], ${rows.map((row) => row.role)}::text[],
      ${rows.map((row) => row.teamId)}::uuid[], ${rows.map((row) => row.managerId)}::uuid[]
    ) AS v(id, name, role, team_id, manager_id)
    WHERE i."id" = v.id AND i."organizationId" = ${organizationId}::uuid AND i."acceptedAt" IS NULL AND i."revokedAt" IS NULL`;
}

/**
 * Sets one column on many memberships, one statement per column, so a field the file leaves
 * alone is never written back from the snapshot.
 */
export async function updateMembershipRoles(tx: OrgTx, organizationId: string, rows: { membershipId: string; role: Role }[]) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Membership" AS m SET "role" = v.role::"Role", "updatedAt" = now()
    FROM unnest(${rows.map((row) => row.membershipId)}::uuid[], ${rows.map((row) => row.role)}::text[]) AS v(id, role)
    WHERE m."id" = v.id AND m."organizationId" = ${organizationId}::uuid`;
}

export async function updateMembershipTeams(tx: OrgTx, organizationId: string, rows: { membershipId: string; teamId: string }[]) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Membership" AS m SET "teamId" = v.team_id, "updatedAt" = now()
    FROM unnest(${rows.map((row) => row.membershipId)}::uuid[], ${rows.map((row) => row.teamId)}::uuid[]) AS v(id, team_id)
    WHERE m."id" = v.id AND m."organizationId" = ${organizationId}::uuid`;
}

export async function updateMembershipManagers(tx: OrgTx, organizationId: string, rows: { membershipId: string; managerId: string }[]) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Membership" AS m SET "managerId" = v.manager_id, "updatedAt" = now()
    FROM unnest(${rows.map((row) => row.membershipId)}::uuid[], ${rows.map((row) => row.managerId)}::uuid[]) AS v(id, manager_id)
    WHERE m."id" = v.id AND m."organizationId" = ${organizationId}::uuid`;
}
