import type { Db } from "@/server/db/client";
import type { OrgDb, OrgTx } from "@/server/db/for-org";
import type { Role } from "@/server/db/generated/enums";
import { statusFilter, type InvitationStatus } from "./invitation-status";

type Reader = OrgDb | OrgTx;

const rowSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  source: true,
  teamId: true,
  managerId: true,
  createdByUserId: true,
  createdAt: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  team: { select: { id: true, name: true } },
  manager: { select: { id: true, user: { select: { name: true } } } },
} as const;

export async function findInvitation(db: Reader, id: string) {
  return db.invitation.findFirst({ where: { id }, select: rowSelect });
}

export type StoredInvitation = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

export async function listInvitations(db: OrgDb, filter: { status?: InvitationStatus; search?: string }, now: Date, limit: number) {
  const where = {
    ...(filter.status ? statusFilter(filter.status, now) : {}),
    ...(filter.search
      ? { OR: [{ email: { contains: filter.search, mode: "insensitive" as const } }, { name: { contains: filter.search, mode: "insensitive" as const } }] }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.invitation.findMany({ where, select: rowSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: limit }),
    db.invitation.count({ where }),
  ]);
  return { rows, total };
}

export async function countByStatus(db: OrgDb, now: Date): Promise<Record<InvitationStatus, number>> {
  const [pending, accepted, expired, revoked] = await Promise.all(
    (["pending", "accepted", "expired", "revoked"] as const).map((status) => db.invitation.count({ where: statusFilter(status, now) })),
  );
  return { pending: pending!, accepted: accepted!, expired: expired!, revoked: revoked! };
}

/** Display names of the users who created invitations, as members of this organisation. */
export async function inviterNames(db: OrgDb, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.membership.findMany({
    where: { userId: { in: userIds } },
    select: { userId: true, user: { select: { name: true } } },
  });
  return new Map(rows.map((row) => [row.userId, row.user.name]));
}

export async function findActiveMemberByEmail(db: Reader, email: string) {
  return db.membership.findFirst({ where: { status: "ACTIVE", user: { email } }, select: { id: true } });
}

export async function findTeam(db: Reader, id: string) {
  return db.team.findFirst({ where: { id }, select: { id: true, name: true, archivedAt: true } });
}

export async function findMembership(db: Reader, id: string) {
  return db.membership.findFirst({ where: { id }, select: { id: true, status: true, managerId: true, user: { select: { name: true } } } });
}

/** Serialises invitation changes for one e-mail, so two admins cannot leave two pending links. */
export async function lockInvitee(tx: OrgTx, organizationId: string, email: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invitation:${organizationId}:${email}`}))`;
}

/** Revokes the e-mail's invitations that are still open (pending or merely expired). */
export async function revokeOpenInvitationsFor(tx: OrgTx, email: string, now: Date, exceptId?: string) {
  const open = await tx.invitation.findMany({
    where: { email, acceptedAt: null, revokedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, email: true, expiresAt: true },
  });
  if (open.length > 0) {
    await tx.invitation.updateMany({ where: { id: { in: open.map((row) => row.id) } }, data: { revokedAt: now } });
  }
  return open;
}

export type NewInvitation = {
  organizationId: string;
  email: string;
  name: string | null;
  role: Role;
  teamId: string | null;
  managerId: string | null;
  tokenHash: string;
  expiresAt: Date;
  createdByUserId: string;
};

export async function insertInvitation(tx: OrgTx, invitation: NewInvitation) {
  return tx.invitation.create({
    data: {
      organizationId: invitation.organizationId,
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      teamId: invitation.teamId,
      managerId: invitation.managerId,
      tokenHash: invitation.tokenHash,
      expiresAt: invitation.expiresAt,
      createdByUserId: invitation.createdByUserId,
      source: "MANUAL",
    },
    select: { id: true },
  });
}

/** Withdraws a still-open invitation; false when it was accepted or revoked meanwhile. */
export async function markRevoked(tx: OrgTx, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.invitation.updateMany({ where: { id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
  return count === 1;
}

/** A new token and expiry for a not yet accepted invitation (reopening a revoked one). */
export async function reissue(tx: OrgTx, id: string, tokenHash: string, expiresAt: Date): Promise<boolean> {
  const { count } = await tx.invitation.updateMany({
    where: { id, acceptedAt: null },
    data: { tokenHash, expiresAt, revokedAt: null },
  });
  return count === 1;
}

export async function teamsForForm(db: OrgDb) {
  return db.team.findMany({ select: { id: true, name: true, parentTeamId: true, archivedAt: true }, orderBy: { name: "asc" } });
}

export async function activeMembersForForm(db: OrgDb) {
  return db.membership.findMany({
    where: { status: "ACTIVE" },
    select: { id: true, user: { select: { name: true, email: true } } },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
  });
}

// ---- Public side: the link's token is the only key, so these read across organisations. ----

export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
  return db.invitation.findUnique({
    where: { tokenHash },
    select: {
      ...rowSelect,
      organizationId: true,
      organization: { select: { id: true, slug: true, name: true } },
    },
  });
}

export type TokenInvitation = NonNullable<Awaited<ReturnType<typeof findInvitationByTokenHash>>>;

export async function userNameById(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await db.user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? null;
}

export async function findUserByEmail(db: Db, email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true, name: true, passwordHash: true, disabledAt: true } });
}

/** Marks the invitation used if it still can be; false when another accept, a revoke or expiry came first. */
export async function claimInvitation(tx: OrgTx, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.invitation.updateMany({
    where: { id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  return count === 1;
}

export async function findInvitationTimestamps(tx: OrgTx, id: string) {
  return tx.invitation.findFirst({ where: { id }, select: { acceptedAt: true, revokedAt: true, expiresAt: true } });
}

export async function createUser(tx: OrgTx, user: { email: string; name: string; passwordHash: string }) {
  return tx.user.create({ data: { email: user.email, name: user.name, passwordHash: user.passwordHash }, select: { id: true, name: true } });
}

export async function findMembershipOfUser(tx: OrgTx, userId: string) {
  return tx.membership.findFirst({
    where: { userId },
    select: { id: true, status: true, role: true, teamId: true, managerId: true },
  });
}

export type Placement = { role: Role; teamId: string | null; managerId: string | null };

export async function createMembership(tx: OrgTx, organizationId: string, userId: string, placement: Placement) {
  return tx.membership.create({
    data: { organizationId, userId, role: placement.role, teamId: placement.teamId, managerId: placement.managerId },
    select: { id: true },
  });
}

export async function reactivateMembership(tx: OrgTx, id: string, placement: Placement) {
  await tx.membership.update({
    where: { id },
    data: { status: "ACTIVE", deactivatedAt: null, role: placement.role, teamId: placement.teamId, managerId: placement.managerId },
  });
}

/** The manager ids above a membership, nearest first (stops at a loop or the top). */
export async function managerChain(tx: OrgTx, fromMembershipId: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = fromMembershipId;
  while (current && !chain.includes(current)) {
    chain.push(current);
    const row: { managerId: string | null } | null = await tx.membership.findFirst({ where: { id: current }, select: { managerId: true } });
    current = row?.managerId ?? null;
  }
  return chain;
}
