import { recordAudit } from "@/features/audit/audit";
import { AppError, notFound } from "@/lib/errors";
import { env } from "@/lib/env";
import type { Permission } from "@/lib/permissions";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { clearAccountFailures, recordFailure, secondsUntilAllowed, throttleKeys } from "@/server/auth/throttle";
import type { Db } from "@/server/db/client";
import { forOrg, lockOrganizationTrees, type OrgDb, type OrgTx } from "@/server/db/for-org";
import type { Role } from "@/server/db/generated/enums";
import { mailerFromEnv, sendMail } from "@/server/mail/mailer";
import type { OrgContext } from "@/server/trpc/init";
import { composeInvitationMail } from "./invitation-mail";
import { invitationStatus, type InvitationStatus } from "./invitation-status";
import { hashInvitationToken, invitationExpiry, invitationPath, newInvitationToken } from "./invitation-tokens";
import {
  activeMembersForForm,
  claimInvitation,
  countByStatus,
  createMembership,
  createUser,
  findActiveMemberByEmail,
  findInvitation,
  findInvitationByTokenHash,
  findInvitationTimestamps,
  findMembership,
  findMembershipOfUser,
  findTeam,
  findUserByEmail,
  insertInvitation,
  inviterNames,
  listInvitations as listInvitationRows,
  lockInvitee,
  managerChain,
  markRevoked,
  reactivateMembership,
  reissue,
  revokeOpenInvitationsFor,
  teamsForForm,
  userNameById,
  type Placement,
  type StoredInvitation,
} from "./invitations.repository";
import {
  INVITATION_LIST_LIMIT,
  type InvitationFields,
  type InvitationFormOptions,
  type InvitationPreview,
  type InvitationRow,
  type IssuedInvitation,
} from "./invitations.schema";

/** What an organisation procedure hands the service. */
export type InvitationContext = Pick<OrgContext, "organization" | "actor"> & {
  orgDb: OrgDb;
  can: (permission: Permission) => boolean;
};

const ENTITY = "invitation";

const adminOnly = () => new AppError("FORBIDDEN", "invitations.errors.adminOnly");
const alreadyMember = () =>
  new AppError("CONFLICT", "invitations.errors.alreadyMember", {}, { email: ["invitations.errors.alreadyMember"] });
const alreadyAccepted = () => new AppError("CONFLICT", "invitations.errors.alreadyAccepted");

function actorOf(ctx: InvitationContext) {
  return { userId: ctx.actor.userId, name: ctx.actor.name };
}

/** The absolute link of the acceptance page, on the public URL next-auth is configured with. */
export function invitationLink(token: string): string {
  const base = (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${invitationPath(token)}`;
}

function assertMayGrant(ctx: InvitationContext, role: Role) {
  if (role === "ADMIN" && !ctx.can("member.grantAdmin")) throw adminOnly();
}

/**
 * The team and manager an invitation places the person in. Another organisation's id reads
 * as missing (NOT_FOUND); an archived team or an inactive manager is a mistake in the form.
 */
async function checkPlacement(db: OrgDb | OrgTx, teamId: string | null, managerId: string | null) {
  const team = teamId ? await findTeam(db, teamId) : null;
  if (teamId && !team) throw notFound();
  const manager = managerId ? await findMembership(db, managerId) : null;
  if (managerId && !manager) throw notFound();
  const fieldErrors: Record<string, string[]> = {};
  if (team?.archivedAt) fieldErrors.teamId = ["invitations.errors.teamArchived"];
  if (manager && manager.status !== "ACTIVE") fieldErrors.managerId = ["invitations.errors.managerInactive"];
  if (Object.keys(fieldErrors).length > 0) throw new AppError("BAD_REQUEST", "invalidInput", {}, fieldErrors);
  return { teamName: team?.name ?? null, managerName: manager?.user.name ?? null };
}

/** E-mails the link when SMTP is configured; a failure is reported, never thrown: the invitation stands. */
async function deliver(
  ctx: InvitationContext,
  invitation: { email: string; name: string | null },
  link: string,
  expiresAt: Date,
): Promise<Pick<IssuedInvitation, "emailed" | "warningKey">> {
  const mailer = mailerFromEnv();
  if (!mailer) return { emailed: false, warningKey: null };
  try {
    await sendMail(
      mailer,
      composeInvitationMail({
        locale: ctx.organization.locale,
        to: invitation.email,
        inviteeName: invitation.name,
        inviterName: ctx.actor.name,
        organizationName: ctx.organization.name,
        link,
        expiresAt,
      }),
    );
    return { emailed: true, warningKey: null };
  } catch (error) {
    // the message may name the server, never the token; the admin still has the link to copy
    console.error(`Invitation e-mail to ${invitation.email} failed: ${error instanceof Error ? error.message : String(error)}`);
    return { emailed: false, warningKey: "invitations.warnings.mailFailed" };
  }
}

async function auditReplaced(tx: OrgTx, ctx: InvitationContext, replaced: { id: string; email: string; expiresAt: Date }[], now: Date) {
  for (const old of replaced) {
    await recordAudit(tx, {
      organizationId: ctx.organization.id,
      actor: actorOf(ctx),
      action: "invitation.revoke",
      entityType: ENTITY,
      entityId: old.id,
      entityLabel: old.email,
      changes: [
        { field: "status", from: invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: old.expiresAt }, now), to: "revoked" },
        { field: "reason", from: null, to: "replaced" },
      ],
    });
  }
}

export async function createInvitation(ctx: InvitationContext, input: InvitationFields, now = new Date()): Promise<IssuedInvitation> {
  assertMayGrant(ctx, input.role);
  const teamId = input.teamId ?? null;
  const managerId = input.managerId ?? null;
  const { teamName, managerName } = await checkPlacement(ctx.orgDb, teamId, managerId);
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = invitationExpiry(now);
  const organizationId = ctx.organization.id;

  const created = await ctx.orgDb.$transaction(async (tx) => {
    await lockInvitee(tx, organizationId, input.email);
    if (await findActiveMemberByEmail(tx, input.email)) throw alreadyMember();
    await auditReplaced(tx, ctx, await revokeOpenInvitationsFor(tx, input.email, now), now);
    const invitation = await insertInvitation(tx, {
      organizationId,
      email: input.email,
      name: input.name ?? null,
      role: input.role,
      teamId,
      managerId,
      tokenHash,
      expiresAt,
      createdByUserId: ctx.actor.userId,
    });
    await recordAudit(tx, {
      organizationId,
      actor: actorOf(ctx),
      action: "invitation.create",
      entityType: ENTITY,
      entityId: invitation.id,
      entityLabel: input.email,
      changes: [
        { field: "email", from: null, to: input.email },
        { field: "name", from: null, to: input.name ?? null },
        { field: "role", from: null, to: input.role },
        { field: "team", from: null, to: teamName },
        { field: "manager", from: null, to: managerName },
        { field: "expiresAt", from: null, to: expiresAt.toISOString() },
      ].filter((change) => change.to !== null),
    });
    return invitation;
  });

  const link = invitationLink(token);
  const delivery = await deliver(ctx, { email: input.email, name: input.name ?? null }, link, expiresAt);
  return { id: created.id, email: input.email, link, expiresAt, ...delivery };
}

function toRow(row: StoredInvitation, inviters: Map<string, string>, now: Date): InvitationRow {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: invitationStatus(row, now),
    source: row.source,
    team: row.team,
    manager: row.manager ? { membershipId: row.manager.id, name: row.manager.user.name } : null,
    invitedBy: row.createdByUserId ? (inviters.get(row.createdByUserId) ?? null) : null,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    acceptedAt: row.acceptedAt,
    revokedAt: row.revokedAt,
  };
}

export async function listInvitations(
  ctx: InvitationContext,
  filter: { status?: InvitationStatus; search?: string; limit?: number },
  now = new Date(),
) {
  const limit = Math.min(filter.limit ?? INVITATION_LIST_LIMIT, INVITATION_LIST_LIMIT);
  const [{ rows, total }, counts] = await Promise.all([
    listInvitationRows(ctx.orgDb, filter, now, limit),
    countByStatus(ctx.orgDb, now),
  ]);
  const inviters = await inviterNames(ctx.orgDb, [...new Set(rows.flatMap((row) => (row.createdByUserId ? [row.createdByUserId] : [])))]);
  return { invitations: rows.map((row) => toRow(row, inviters, now)), total, counts };
}

async function loadInvitation(ctx: InvitationContext, id: string): Promise<StoredInvitation> {
  const invitation = await findInvitation(ctx.orgDb, id);
  if (!invitation) throw notFound();
  return invitation;
}

export async function revokeInvitation(ctx: InvitationContext, id: string, now = new Date()): Promise<{ id: string; status: InvitationStatus }> {
  const invitation = await loadInvitation(ctx, id);
  const status = invitationStatus(invitation, now);
  if (status === "accepted") throw alreadyAccepted();
  // revoking twice changes nothing and is not worth a second log entry
  if (status === "revoked") return { id, status };
  await ctx.orgDb.$transaction(async (tx) => {
    if (!(await markRevoked(tx, id, now))) throw alreadyAccepted();
    await recordAudit(tx, {
      organizationId: ctx.organization.id,
      actor: actorOf(ctx),
      action: "invitation.revoke",
      entityType: ENTITY,
      entityId: id,
      entityLabel: invitation.email,
      changes: [{ field: "status", from: status, to: "revoked" }],
    });
  });
  return { id, status: "revoked" };
}

/** A fresh link and a fresh week for an invitation that was not accepted (also a revoked or expired one). */
export async function renewInvitation(ctx: InvitationContext, id: string, now = new Date()): Promise<IssuedInvitation> {
  const invitation = await loadInvitation(ctx, id);
  const status = invitationStatus(invitation, now);
  if (status === "accepted") throw alreadyAccepted();
  assertMayGrant(ctx, invitation.role);
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = invitationExpiry(now);

  await ctx.orgDb.$transaction(async (tx) => {
    await lockInvitee(tx, ctx.organization.id, invitation.email);
    if (await findActiveMemberByEmail(tx, invitation.email)) throw alreadyMember();
    await auditReplaced(tx, ctx, await revokeOpenInvitationsFor(tx, invitation.email, now, id), now);
    if (!(await reissue(tx, id, tokenHash, expiresAt))) throw alreadyAccepted();
    await recordAudit(tx, {
      organizationId: ctx.organization.id,
      actor: actorOf(ctx),
      action: "invitation.renew",
      entityType: ENTITY,
      entityId: id,
      entityLabel: invitation.email,
      changes: [
        ...(status === "pending" ? [] : [{ field: "status", from: status, to: "pending" }]),
        { field: "expiresAt", from: invitation.expiresAt.toISOString(), to: expiresAt.toISOString() },
      ],
    });
  });

  const link = invitationLink(token);
  const delivery = await deliver(ctx, invitation, link, expiresAt);
  return { id, email: invitation.email, link, expiresAt, ...delivery };
}

/** Team labels show the path ("Product / Platform"), since names repeat under different parents. */
function teamLabels(teams: { id: string; name: string; parentTeamId: string | null }[]): Map<string, string> {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const labels = new Map<string, string>();
  for (const team of teams) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let current: typeof team | undefined = team; current && !seen.has(current.id); current = current.parentTeamId ? byId.get(current.parentTeamId) : undefined) {
      seen.add(current.id);
      names.unshift(current.name);
    }
    labels.set(team.id, names.join(" / "));
  }
  return labels;
}

export async function invitationFormOptions(ctx: InvitationContext): Promise<InvitationFormOptions> {
  const [teams, members] = await Promise.all([teamsForForm(ctx.orgDb), activeMembersForForm(ctx.orgDb)]);
  const labels = teamLabels(teams);
  const roles: Role[] = ["EMPLOYEE", "MANAGER", "HR", "ADMIN"];
  return {
    roles: roles.filter((role) => role !== "ADMIN" || ctx.can("member.grantAdmin")),
    teams: teams
      .filter((team) => !team.archivedAt)
      .map((team) => ({ id: team.id, label: labels.get(team.id) ?? team.name }))
      .sort((a, b) => a.label.localeCompare(b.label, ctx.organization.locale)),
    managers: members.map((member) => ({ membershipId: member.id, name: member.user.name, email: member.user.email })),
    mailConfigured: mailerFromEnv() !== null,
  };
}

// ---- Public: whoever holds the link ----

type LinkState = InvitationPreview["state"];

function linkState(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): LinkState {
  const status = invitationStatus(invitation, now);
  return status === "pending" ? "valid" : status === "accepted" ? "used" : status;
}

const unusable: Record<Exclude<LinkState, "valid">, () => AppError> = {
  used: () => new AppError("CONFLICT", "invitations.errors.used"),
  expired: () => new AppError("CONFLICT", "invitations.errors.expired"),
  revoked: () => new AppError("CONFLICT", "invitations.errors.revoked"),
};

async function invitationForToken(db: Db, token: string) {
  const invitation = await findInvitationByTokenHash(db, hashInvitationToken(token));
  if (!invitation) throw notFound();
  return invitation;
}

/** What the acceptance page shows: an unknown token is NOT_FOUND, a spent one says how it was spent. */
export async function previewInvitation(db: Db, token: string, now = new Date()): Promise<InvitationPreview> {
  const invitation = await invitationForToken(db, token);
  const state = linkState(invitation, now);
  const [inviterName, account] = await Promise.all([
    userNameById(db, invitation.createdByUserId),
    state === "valid" ? findUserByEmail(db, invitation.email) : null,
  ]);
  return {
    state,
    organizationName: invitation.organization.name,
    inviterName,
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    teamName: invitation.team?.name ?? null,
    accountExists: account !== null,
    expiresAt: invitation.expiresAt,
  };
}

export type AcceptInput =
  | { token: string; kind: "new"; name: string; password: string }
  | { token: string; kind: "existing"; password: string };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** Proves ownership of an existing account the way sign-in does, with the same throttle. */
async function verifyExistingAccount(db: Db, email: string, password: string, clientIp: string) {
  const keys = throttleKeys(email, clientIp);
  const wait = await secondsUntilAllowed(db, keys);
  if (wait > 0) throw new AppError("TOO_MANY_REQUESTS", "invitations.errors.throttled", { seconds: wait });
  const user = await findUserByEmail(db, email);
  if (!user) throw new AppError("CONFLICT", "invitations.errors.noAccount");
  const matches = await verifyPassword(user.passwordHash, password);
  if (!matches || user.disabledAt) {
    await recordFailure(db, keys);
    throw new AppError("BAD_REQUEST", "invitations.errors.wrongPassword", {}, { password: ["invitations.errors.wrongPassword"] });
  }
  await clearAccountFailures(db, email);
  return { id: user.id, name: user.name };
}

/**
 * The invited team and manager as they are now: a team archived or a manager deactivated
 * since the invitation was sent is left out rather than failing the person at the door.
 */
async function currentPlacement(tx: OrgTx, organizationId: string, invitation: StoredInvitation, membershipId: string | null): Promise<Placement> {
  const team = invitation.teamId ? await findTeam(tx, invitation.teamId) : null;
  let managerId: string | null = null;
  if (invitation.managerId && invitation.managerId !== membershipId) {
    const manager = await findMembership(tx, invitation.managerId);
    if (manager?.status === "ACTIVE") managerId = manager.id;
  }
  if (managerId && membershipId) {
    // a returning member may have reports: their new manager must not be one of them
    await lockOrganizationTrees(tx, organizationId);
    if ((await managerChain(tx, managerId)).includes(membershipId)) managerId = null;
  }
  return { role: invitation.role, teamId: team && !team.archivedAt ? team.id : null, managerId };
}

async function joinOrganization(
  tx: OrgTx,
  invitation: Awaited<ReturnType<typeof invitationForToken>>,
  user: { id: string; name: string },
  newAccount: boolean,
) {
  const organizationId = invitation.organizationId;
  const existing = await findMembershipOfUser(tx, user.id);
  if (existing?.status === "ACTIVE") {
    // already a member (added since the invitation was sent): the link just lets them in
    return { membershipId: existing.id, changes: [] };
  }
  const placement = await currentPlacement(tx, organizationId, invitation, existing?.id ?? null);
  const fields = [
    { field: "role", to: placement.role },
    { field: "teamId", to: placement.teamId },
    { field: "managerId", to: placement.managerId },
  ];
  if (existing) {
    await reactivateMembership(tx, existing.id, placement);
    return {
      membershipId: existing.id,
      changes: [
        { field: "status", from: "DEACTIVATED", to: "ACTIVE" },
        ...fields.map(({ field, to }) => ({ field, from: existing[field as keyof Placement] ?? null, to })),
      ].filter((change) => change.from !== change.to),
    };
  }
  const membership = await createMembership(tx, organizationId, user.id, placement);
  return {
    membershipId: membership.id,
    changes: [
      ...(newAccount ? [{ field: "account", from: null, to: "created" }] : []),
      ...fields.filter(({ to }) => to !== null).map(({ field, to }) => ({ field, from: null, to })),
    ],
  };
}

/**
 * Accepts an invitation: creates the account or proves the existing one, then adds (or
 * reactivates) the membership and spends the link, all in one transaction.
 */
export async function acceptInvitation(db: Db, input: AcceptInput, clientIp: string, now = new Date()) {
  const invitation = await invitationForToken(db, input.token);
  const state = linkState(invitation, now);
  if (state !== "valid") throw unusable[state]();

  let account: { existing: { id: string; name: string } } | { create: { email: string; name: string; passwordHash: string } };
  if (input.kind === "existing") {
    account = { existing: await verifyExistingAccount(db, invitation.email, input.password, clientIp) };
  } else {
    if (await findUserByEmail(db, invitation.email)) throw new AppError("CONFLICT", "invitations.errors.accountExists");
    // hashed before the transaction, which should hold its locks for milliseconds, not for argon2
    account = { create: { email: invitation.email, name: input.name, passwordHash: await hashPassword(input.password) } };
  }

  const orgDb = forOrg(db, invitation.organizationId);
  try {
    await orgDb.$transaction(async (tx) => {
      if (!(await claimInvitation(tx, invitation.id, now))) {
        const current = await findInvitationTimestamps(tx, invitation.id);
        const spent = current ? linkState(current, now) : "revoked";
        throw unusable[spent === "valid" ? "used" : spent]();
      }
      const member = "existing" in account ? account.existing : await createUser(tx, account.create);
      const { membershipId, changes } = await joinOrganization(tx, invitation, member, "create" in account);
      await recordAudit(tx, {
        organizationId: invitation.organizationId,
        actor: { userId: member.id, name: member.name },
        action: "invitation.accept",
        entityType: ENTITY,
        entityId: invitation.id,
        entityLabel: invitation.email,
        changes: [{ field: "membershipId", from: null, to: membershipId }, ...changes],
      });
    });
  } catch (error) {
    // someone signed up with this e-mail between our check and the insert
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "invitations.errors.accountExists");
    throw error;
  }
  return { organizationSlug: invitation.organization.slug, email: invitation.email };
}
