import { randomBytes, randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { hashInvitationToken } from "@/features/invitations/invitation-tokens";
import { resetEnvCache } from "@/lib/env";
import { verifyPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import { createCaller } from "@/server/trpc/root";
import { callerFor, createOrganization, type TestMember, type TestOrganization } from "../factories";
import { addInvitation, addUserWithPassword, freshEmail, tokenOf } from "../factories/invitations";
import { addPerson, addTeam } from "../factories/people";
import { createTestDatabase } from "../support/test-db";
import { failureOf } from "../support/trpc-errors";

const BASE_URL = "https://smarta.example";
const PASSWORD = "Violet-Tundra-58-Kettle";
const DAY_MS = 24 * 60 * 60 * 1000;

/** The code, message key and field errors the browser would receive. */
function keysOf(error: TRPCError) {
  if (error.cause instanceof ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.cause.issues) (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
    return { code: error.code, messageKey: "invalidInput", fieldErrors };
  }
  const cause = error.cause as { messageKey?: string; fieldErrors?: Record<string, string[]> } | undefined;
  return { code: error.code, messageKey: cause?.messageKey, fieldErrors: cause?.fieldErrors ?? {} };
}

describe("invitations", () => {
  let db: Db;
  let org: TestOrganization;
  let other: TestOrganization;

  beforeAll(async () => {
    vi.stubEnv("NEXTAUTH_URL", BASE_URL);
    vi.stubEnv("SMTP_HOST", "");
    resetEnvCache();
    db = (await createTestDatabase()).prisma;
    org = await createOrganization(db, { name: "Invite Org" });
    other = await createOrganization(db, { name: "Other Org" });
  });

  afterAll(() => {
    vi.unstubAllEnvs();
    resetEnvCache();
  });

  const as = (member: TestMember) => callerFor(db, member.userId).invitation;
  const anonymous = (clientIp = "198.51.100.7") => createCaller({ db, claims: null, clientIp }).invitation;
  const slug = () => org.organization.slug;
  const auditOf = (organizationId: string, entityId: string) =>
    db.auditEvent.findMany({ where: { organizationId, entityId }, orderBy: { createdAt: "asc" } });

  describe("invitation.create", () => {
    it("gives an ADMIN a single-use link to copy, storing only the token's hash, and audits it", async () => {
      const email = freshEmail();
      const before = Date.now();
      const issued = await as(org.members.ADMIN).create({
        orgSlug: slug(),
        email,
        name: "Nora Ny",
        role: "EMPLOYEE",
        teamId: org.team.id,
        managerId: org.members.MANAGER.membershipId,
      });
      expect(issued).toMatchObject({ email, emailed: false, warningKey: null });
      expect(issued.link).toMatch(new RegExp(`^${BASE_URL}/invite/[A-Za-z0-9_-]{43}$`));
      const expiresIn = issued.expiresAt.getTime() - before;
      expect(expiresIn).toBeGreaterThanOrEqual(7 * DAY_MS - 1000);
      expect(expiresIn).toBeLessThanOrEqual(7 * DAY_MS + 60_000);

      const token = tokenOf(issued.link);
      const row = await db.invitation.findUniqueOrThrow({ where: { id: issued.id } });
      expect(row).toMatchObject({
        organizationId: org.organization.id,
        email,
        name: "Nora Ny",
        role: "EMPLOYEE",
        teamId: org.team.id,
        managerId: org.members.MANAGER.membershipId,
        source: "MANUAL",
        createdByUserId: org.members.ADMIN.userId,
        acceptedAt: null,
        revokedAt: null,
      });
      expect(row.tokenHash).toBe(hashInvitationToken(token));
      expect(JSON.stringify(row)).not.toContain(token);

      const [audit] = await auditOf(org.organization.id, issued.id);
      expect(audit).toMatchObject({ action: "invitation.create", entityType: "invitation", entityLabel: email, actorUserId: org.members.ADMIN.userId });
      expect(audit!.changes).toEqual(
        expect.arrayContaining([
          { field: "email", from: null, to: email },
          { field: "role", from: null, to: "EMPLOYEE" },
          { field: "team", from: null, to: "Team A" },
          { field: "manager", from: null, to: org.members.MANAGER.name },
        ]),
      );
      expect(JSON.stringify(audit!.changes)).not.toContain(token);
    });

    it("lets HR invite every role but ADMIN", async () => {
      for (const role of ["EMPLOYEE", "MANAGER", "HR"] as const) {
        await expect(as(org.members.HR).create({ orgSlug: slug(), email: freshEmail(), role })).resolves.toMatchObject({ emailed: false });
      }
      const email = freshEmail();
      const error = await failureOf(as(org.members.HR).create({ orgSlug: slug(), email, role: "ADMIN" }));
      expect(keysOf(error)).toMatchObject({ code: "FORBIDDEN", messageKey: "invitations.errors.adminOnly" });
      expect(await db.invitation.count({ where: { email } })).toBe(0);
    });

    it("lets an ADMIN invite an ADMIN", async () => {
      const issued = await as(org.members.ADMIN).create({ orgSlug: slug(), email: freshEmail(), role: "ADMIN" });
      expect((await db.invitation.findUniqueOrThrow({ where: { id: issued.id } })).role).toBe("ADMIN");
    });

    it.each(["MANAGER", "EMPLOYEE"] as const)("refuses a %s", async (role) => {
      const email = freshEmail();
      const error = await failureOf(as(org.members[role]).create({ orgSlug: slug(), email, role: "EMPLOYEE" }));
      expect(error.code).toBe("FORBIDDEN");
      expect(await db.invitation.count({ where: { email } })).toBe(0);
    });

    it("refuses an e-mail that is already an active member, whatever its case, beside the field", async () => {
      const error = await failureOf(
        as(org.members.ADMIN).create({ orgSlug: slug(), email: org.members.EMPLOYEE.email.toUpperCase(), role: "EMPLOYEE" }),
      );
      expect(keysOf(error)).toEqual({
        code: "CONFLICT",
        messageKey: "invitations.errors.alreadyMember",
        fieldErrors: { email: ["invitations.errors.alreadyMember"] },
      });
    });

    it("invites a deactivated member and a member of another organisation", async () => {
      const gone = await addPerson(db, org.organization.id, { status: "DEACTIVATED" });
      await expect(as(org.members.ADMIN).create({ orgSlug: slug(), email: gone.email, role: "EMPLOYEE" })).resolves.toBeDefined();
      await expect(as(org.members.ADMIN).create({ orgSlug: slug(), email: other.members.HR.email, role: "EMPLOYEE" })).resolves.toBeDefined();
    });

    it("replaces an earlier open invitation for the same e-mail: the old link stops working", async () => {
      const email = freshEmail();
      const first = await as(org.members.ADMIN).create({ orgSlug: slug(), email, role: "EMPLOYEE" });
      const second = await as(org.members.HR).create({ orgSlug: slug(), email, role: "MANAGER" });
      expect((await db.invitation.findUniqueOrThrow({ where: { id: first.id } })).revokedAt).toBeInstanceOf(Date);
      expect(await db.invitation.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ revokedAt: null });
      expect((await anonymous().preview({ token: tokenOf(first.link) })).state).toBe("revoked");
      expect((await anonymous().preview({ token: tokenOf(second.link) })).state).toBe("valid");
      const audits = await auditOf(org.organization.id, first.id);
      expect(audits.map((audit) => audit.action)).toEqual(["invitation.create", "invitation.revoke"]);
      expect(audits[1]).toMatchObject({ actorUserId: org.members.HR.userId });
      expect(audits[1]!.changes).toEqual([
        { field: "status", from: "pending", to: "revoked" },
        { field: "reason", from: null, to: "replaced" },
      ]);
    });

    it("answers NOT_FOUND for another organisation's team or manager, or an unknown one", async () => {
      const admin = as(org.members.ADMIN);
      const attempts = [
        { teamId: other.team.id },
        { managerId: other.members.MANAGER.membershipId },
        { teamId: randomUUID() },
        { managerId: randomUUID() },
      ];
      for (const attempt of attempts) {
        const email = freshEmail();
        const error = await failureOf(admin.create({ orgSlug: slug(), email, role: "EMPLOYEE", ...attempt }));
        expect(error.code, JSON.stringify(attempt)).toBe("NOT_FOUND");
        expect(await db.invitation.count({ where: { email } })).toBe(0);
      }
    });

    it("refuses an archived team and an inactive manager beside their fields", async () => {
      const archived = await addTeam(db, org.organization.id, `Old ${randomBytes(3).toString("hex")}`, { archived: true });
      const inactive = await addPerson(db, org.organization.id, { status: "DEACTIVATED" });
      const error = await failureOf(
        as(org.members.ADMIN).create({ orgSlug: slug(), email: freshEmail(), role: "EMPLOYEE", teamId: archived.id, managerId: inactive.membershipId }),
      );
      expect(keysOf(error)).toEqual({
        code: "BAD_REQUEST",
        messageKey: "invalidInput",
        fieldErrors: { teamId: ["invitations.errors.teamArchived"], managerId: ["invitations.errors.managerInactive"] },
      });
    });

    it("validates the input strictly", async () => {
      const admin = as(org.members.ADMIN);
      expect(keysOf(await failureOf(admin.create({ orgSlug: slug(), email: "not-an-address", role: "EMPLOYEE" }))).fieldErrors).toEqual({
        email: ["invalidEmail"],
      });
      const smuggled = { orgSlug: slug(), email: freshEmail(), role: "EMPLOYEE", organizationId: other.organization.id } as never;
      expect((await failureOf(admin.create(smuggled))).code).toBe("BAD_REQUEST");
      const badRole = { orgSlug: slug(), email: freshEmail(), role: "OWNER" } as never;
      expect((await failureOf(admin.create(badRole))).code).toBe("BAD_REQUEST");
    });
  });

  describe("invitation.list", () => {
    let local: TestOrganization;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      local = await createOrganization(db, { name: "List Org" });
      const orgId = local.organization.id;
      const past = new Date(Date.now() - DAY_MS);
      const by = local.members.ADMIN.userId;
      const minute = 60_000;
      // written oldest first, with distinct creation times
      const rows = [
        ["accepted", { acceptedAt: past, createdAt: new Date(Date.now() - 4 * minute) }],
        ["expired", { expiresAt: past, createdAt: new Date(Date.now() - 3 * minute) }],
        ["revoked", { revokedAt: past, createdAt: new Date(Date.now() - 2 * minute) }],
        ["pending", { createdAt: new Date(Date.now() - minute), name: "Pia Pending", teamId: local.team.id, managerId: local.members.MANAGER.membershipId }],
      ] as const;
      for (const [status, options] of rows) {
        const { createdAt, ...rest } = options as { createdAt: Date };
        const { invitation } = await addInvitation(db, orgId, { ...rest, email: `${status}-${randomBytes(3).toString("hex")}@example.test`, createdByUserId: by });
        await db.invitation.update({ where: { id: invitation.id }, data: { createdAt } });
        ids[status] = invitation.id;
      }
      await addInvitation(db, other.organization.id, { email: "elsewhere@example.test" });
    });

    it("lists newest first with the status derived, the team, manager and inviter", async () => {
      const result = await as(local.members.HR).list({ orgSlug: local.organization.slug });
      expect(result.invitations.map((row) => [row.id, row.status])).toEqual([
        [ids.pending, "pending"],
        [ids.revoked, "revoked"],
        [ids.expired, "expired"],
        [ids.accepted, "accepted"],
      ]);
      expect(result.total).toBe(4);
      expect(result.counts).toEqual({ pending: 1, accepted: 1, expired: 1, revoked: 1 });
      expect(result.invitations[0]).toMatchObject({
        name: "Pia Pending",
        role: "EMPLOYEE",
        source: "MANUAL",
        team: { id: local.team.id, name: "Team A" },
        manager: { membershipId: local.members.MANAGER.membershipId, name: local.members.MANAGER.name },
        invitedBy: local.members.ADMIN.name,
      });
      expect(JSON.stringify(result)).not.toContain("elsewhere@example.test");
      expect(JSON.stringify(result)).not.toContain("tokenHash");
    });

    it("filters by status and searches by e-mail or name", async () => {
      const admin = as(local.members.ADMIN);
      for (const status of ["pending", "accepted", "expired", "revoked"] as const) {
        const result = await admin.list({ orgSlug: local.organization.slug, status });
        expect(result.invitations.map((row) => row.id), status).toEqual([ids[status]]);
        expect(result.total).toBe(1);
      }
      const byName = await admin.list({ orgSlug: local.organization.slug, search: "pia pend" });
      expect(byName.invitations.map((row) => row.id)).toEqual([ids.pending]);
      const byEmail = await admin.list({ orgSlug: local.organization.slug, search: "EXPIRED-" });
      expect(byEmail.invitations.map((row) => row.id)).toEqual([ids.expired]);
    });

    it("cuts the list at the limit but counts them all", async () => {
      const result = await as(local.members.ADMIN).list({ orgSlug: local.organization.slug, limit: 2 });
      expect(result.invitations).toHaveLength(2);
      expect(result.total).toBe(4);
    });

    it.each(["MANAGER", "EMPLOYEE"] as const)("refuses a %s", async (role) => {
      expect((await failureOf(as(local.members[role]).list({ orgSlug: local.organization.slug }))).code).toBe("FORBIDDEN");
    });
  });

  describe("invitation.revoke", () => {
    it("withdraws a pending invitation at once, audited; a second revoke changes nothing", async () => {
      const issued = await as(org.members.ADMIN).create({ orgSlug: slug(), email: freshEmail(), role: "EMPLOYEE" });
      await expect(as(org.members.HR).revoke({ orgSlug: slug(), id: issued.id })).resolves.toEqual({ id: issued.id, status: "revoked" });
      const token = tokenOf(issued.link);
      expect((await anonymous().preview({ token })).state).toBe("revoked");
      const error = await failureOf(anonymous().accept({ token, kind: "new", name: "Late Comer", password: PASSWORD }));
      expect(keysOf(error)).toMatchObject({ code: "CONFLICT", messageKey: "invitations.errors.revoked" });

      await expect(as(org.members.ADMIN).revoke({ orgSlug: slug(), id: issued.id })).resolves.toEqual({ id: issued.id, status: "revoked" });
      const audits = await auditOf(org.organization.id, issued.id);
      expect(audits.map((audit) => [audit.action, audit.actorUserId])).toEqual([
        ["invitation.create", org.members.ADMIN.userId],
        ["invitation.revoke", org.members.HR.userId],
      ]);
      expect(audits[1]!.changes).toEqual([{ field: "status", from: "pending", to: "revoked" }]);
    });

    it("refuses to revoke an accepted invitation", async () => {
      const { invitation } = await addInvitation(db, org.organization.id, { acceptedAt: new Date() });
      const error = await failureOf(as(org.members.ADMIN).revoke({ orgSlug: slug(), id: invitation.id }));
      expect(keysOf(error)).toMatchObject({ code: "CONFLICT", messageKey: "invitations.errors.alreadyAccepted" });
    });

    it("answers NOT_FOUND for another organisation's invitation and leaves it alone", async () => {
      const { invitation } = await addInvitation(db, other.organization.id);
      expect((await failureOf(as(org.members.ADMIN).revoke({ orgSlug: slug(), id: invitation.id }))).code).toBe("NOT_FOUND");
      expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
    });

    it.each(["MANAGER", "EMPLOYEE"] as const)("refuses a %s", async (role) => {
      const { invitation } = await addInvitation(db, org.organization.id);
      expect((await failureOf(as(org.members[role]).revoke({ orgSlug: slug(), id: invitation.id }))).code).toBe("FORBIDDEN");
    });
  });

  describe("invitation.renew", () => {
    it("gives an expired invitation a new link and a new week; the old link stops working", async () => {
      const { invitation, token: oldToken } = await addInvitation(db, org.organization.id, {
        expiresAt: new Date(Date.now() - DAY_MS),
        createdByUserId: org.members.ADMIN.userId,
      });
      expect((await anonymous().preview({ token: oldToken })).state).toBe("expired");
      const before = Date.now();
      const renewed = await as(org.members.HR).renew({ orgSlug: slug(), id: invitation.id });
      expect(renewed).toMatchObject({ id: invitation.id, email: invitation.email, emailed: false, warningKey: null });
      expect(renewed.expiresAt.getTime() - before).toBeGreaterThanOrEqual(7 * DAY_MS - 1000);
      const newToken = tokenOf(renewed.link);
      expect(newToken).not.toBe(oldToken);
      expect((await failureOf(anonymous().preview({ token: oldToken }))).code).toBe("NOT_FOUND");
      expect((await anonymous().preview({ token: newToken })).state).toBe("valid");

      const [audit] = await auditOf(org.organization.id, invitation.id);
      expect(audit).toMatchObject({ action: "invitation.renew", actorUserId: org.members.HR.userId });
      expect(audit!.changes).toEqual([
        { field: "status", from: "expired", to: "pending" },
        { field: "expiresAt", from: invitation.expiresAt.toISOString(), to: renewed.expiresAt.toISOString() },
      ]);
    });

    it("reopens a revoked invitation and withdraws any newer open one for the same e-mail", async () => {
      const email = freshEmail();
      const first = await as(org.members.ADMIN).create({ orgSlug: slug(), email, role: "EMPLOYEE" });
      const second = await as(org.members.ADMIN).create({ orgSlug: slug(), email, role: "EMPLOYEE" });
      const renewed = await as(org.members.ADMIN).renew({ orgSlug: slug(), id: first.id });
      expect((await anonymous().preview({ token: tokenOf(renewed.link) })).state).toBe("valid");
      expect((await anonymous().preview({ token: tokenOf(second.link) })).state).toBe("revoked");
      const open = await db.invitation.count({ where: { email, acceptedAt: null, revokedAt: null } });
      expect(open).toBe(1);
    });

    it("refuses an accepted invitation, an e-mail that has become a member, and HR renewing an ADMIN invitation", async () => {
      const accepted = await addInvitation(db, org.organization.id, { acceptedAt: new Date() });
      expect(keysOf(await failureOf(as(org.members.ADMIN).renew({ orgSlug: slug(), id: accepted.invitation.id })))).toMatchObject({
        code: "CONFLICT",
        messageKey: "invitations.errors.alreadyAccepted",
      });
      const member = await addInvitation(db, org.organization.id, { email: org.members.MANAGER.email });
      expect(keysOf(await failureOf(as(org.members.ADMIN).renew({ orgSlug: slug(), id: member.invitation.id })))).toMatchObject({
        code: "CONFLICT",
        messageKey: "invitations.errors.alreadyMember",
      });
      const admin = await addInvitation(db, org.organization.id, { role: "ADMIN" });
      expect(keysOf(await failureOf(as(org.members.HR).renew({ orgSlug: slug(), id: admin.invitation.id })))).toMatchObject({
        code: "FORBIDDEN",
        messageKey: "invitations.errors.adminOnly",
      });
      await expect(as(org.members.ADMIN).renew({ orgSlug: slug(), id: admin.invitation.id })).resolves.toBeDefined();
    });

    it("answers NOT_FOUND for another organisation's invitation", async () => {
      const { invitation, token } = await addInvitation(db, other.organization.id);
      expect((await failureOf(as(org.members.ADMIN).renew({ orgSlug: slug(), id: invitation.id }))).code).toBe("NOT_FOUND");
      expect((await anonymous().preview({ token })).state).toBe("valid");
    });

    it.each(["MANAGER", "EMPLOYEE"] as const)("refuses a %s", async (role) => {
      const { invitation } = await addInvitation(db, org.organization.id);
      expect((await failureOf(as(org.members[role]).renew({ orgSlug: slug(), id: invitation.id }))).code).toBe("FORBIDDEN");
    });
  });

  describe("invitation.formOptions", () => {
    it("offers open teams with their path, active members as managers, and the roles the caller may grant", async () => {
      const local = await createOrganization(db);
      const parent = await addTeam(db, local.organization.id, "Produkt");
      await addTeam(db, local.organization.id, "Plattform", { parentTeamId: parent.id });
      await addTeam(db, local.organization.id, "Arkiv", { archived: true });
      const gone = await addPerson(db, local.organization.id, { status: "DEACTIVATED" });

      const forAdmin = await as(local.members.ADMIN).formOptions({ orgSlug: local.organization.slug });
      expect(forAdmin.roles).toEqual(["EMPLOYEE", "MANAGER", "HR", "ADMIN"]);
      expect(forAdmin.teams.map((team) => team.label)).toEqual(["Produkt", "Produkt / Plattform", "Team A"]);
      expect(forAdmin.managers.map((manager) => manager.membershipId).sort()).toEqual(
        Object.values(local.members)
          .map((member) => member.membershipId)
          .sort(),
      );
      expect(forAdmin.managers.map((manager) => manager.membershipId)).not.toContain(gone.membershipId);
      expect(forAdmin.mailConfigured).toBe(false);

      const forHr = await as(local.members.HR).formOptions({ orgSlug: local.organization.slug });
      expect(forHr.roles).toEqual(["EMPLOYEE", "MANAGER", "HR"]);
    });

    it.each(["MANAGER", "EMPLOYEE"] as const)("refuses a %s", async (role) => {
      expect((await failureOf(as(org.members[role]).formOptions({ orgSlug: slug() }))).code).toBe("FORBIDDEN");
    });
  });

  describe("invitation.preview", () => {
    it("tells anyone holding the link who invites them to what, and that no account exists yet", async () => {
      const email = freshEmail();
      const issued = await as(org.members.ADMIN).create({
        orgSlug: slug(),
        email,
        name: "Vera Visning",
        role: "MANAGER",
        teamId: org.team.id,
      });
      expect(await anonymous().preview({ token: tokenOf(issued.link) })).toEqual({
        state: "valid",
        organizationName: "Invite Org",
        inviterName: org.members.ADMIN.name,
        email,
        name: "Vera Visning",
        role: "MANAGER",
        teamName: "Team A",
        accountExists: false,
        expiresAt: issued.expiresAt,
      });
    });

    it("says when an account already exists for the e-mail", async () => {
      const issued = await as(org.members.ADMIN).create({ orgSlug: slug(), email: other.members.EMPLOYEE.email, role: "EMPLOYEE" });
      expect(await anonymous().preview({ token: tokenOf(issued.link) })).toMatchObject({ state: "valid", accountExists: true });
    });

    it("describes an expired, a used and a revoked link without revealing the account", async () => {
      const past = new Date(Date.now() - 1000);
      const email = other.members.EMPLOYEE.email;
      for (const [state, options] of [
        ["expired", { expiresAt: past }],
        ["used", { acceptedAt: past }],
        ["revoked", { revokedAt: past }],
      ] as const) {
        const { token } = await addInvitation(db, org.organization.id, { email, ...options });
        expect(await anonymous().preview({ token }), state).toMatchObject({ state, organizationName: "Invite Org", accountExists: false });
      }
    });

    it("answers NOT_FOUND for an unknown token and BAD_REQUEST for one that cannot be a token", async () => {
      expect((await failureOf(anonymous().preview({ token: randomBytes(32).toString("base64url") }))).code).toBe("NOT_FOUND");
      expect((await failureOf(anonymous().preview({ token: "../../etc/passwd" }))).code).toBe("BAD_REQUEST");
    });
  });

  describe("invitation.accept", () => {
    it("creates the account and the membership with the invited role, team and manager, once", async () => {
      const email = freshEmail();
      const issued = await as(org.members.HR).create({
        orgSlug: slug(),
        email,
        role: "MANAGER",
        teamId: org.team.id,
        managerId: org.members.ADMIN.membershipId,
      });
      const token = tokenOf(issued.link);
      const result = await anonymous().accept({ token, kind: "new", name: "  Nils Ny  ", password: PASSWORD });
      expect(result).toEqual({ organizationSlug: slug(), email });

      const user = await db.user.findUniqueOrThrow({ where: { email } });
      expect(user.name).toBe("Nils Ny");
      expect(user.passwordHash).not.toContain(PASSWORD);
      expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);
      const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id } });
      expect(membership).toMatchObject({
        organizationId: org.organization.id,
        role: "MANAGER",
        status: "ACTIVE",
        teamId: org.team.id,
        managerId: org.members.ADMIN.membershipId,
      });
      expect((await db.invitation.findUniqueOrThrow({ where: { id: issued.id } })).acceptedAt).toBeInstanceOf(Date);

      const me = await callerFor(db, user.id).member.me({ orgSlug: slug() });
      expect(me).toMatchObject({ role: "MANAGER", team: { name: "Team A" } });

      const accepted = (await auditOf(org.organization.id, issued.id)).find((audit) => audit.action === "invitation.accept");
      expect(accepted).toMatchObject({ actorUserId: user.id, actorName: "Nils Ny", entityLabel: email });
      expect(accepted!.changes).toEqual(
        expect.arrayContaining([
          { field: "membershipId", from: null, to: membership.id },
          { field: "account", from: null, to: "created" },
          { field: "role", from: null, to: "MANAGER" },
        ]),
      );

      // single use
      for (const attempt of [
        { token, kind: "new" as const, name: "Nils Igen", password: PASSWORD },
        { token, kind: "existing" as const, password: PASSWORD },
      ]) {
        expect(keysOf(await failureOf(anonymous().accept(attempt)))).toMatchObject({ code: "CONFLICT", messageKey: "invitations.errors.used" });
      }
      expect((await anonymous().preview({ token })).state).toBe("used");
      expect(await db.membership.count({ where: { userId: user.id } })).toBe(1);
    });

    it("holds a new password to the sign-up rules and a name to be given", async () => {
      const issued = await as(org.members.ADMIN).create({ orgSlug: slug(), email: freshEmail(), role: "EMPLOYEE" });
      const token = tokenOf(issued.link);
      const weak = await failureOf(anonymous().accept({ token, kind: "new", name: "Svag", password: "qwerty123456" }));
      expect(keysOf(weak)).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { password: ["passwordTooCommon"] } });
      const short = await failureOf(anonymous().accept({ token, kind: "new", name: "   ", password: "kort" }));
      expect(keysOf(short).fieldErrors).toEqual({ name: ["required"], password: ["passwordTooShort"] });
      expect((await anonymous().preview({ token })).state).toBe("valid");
    });

    it("refuses an expired or revoked link and an unknown token, creating nothing", async () => {
      const expired = await addInvitation(db, org.organization.id, { expiresAt: new Date(Date.now() - 1000) });
      const revoked = await addInvitation(db, org.organization.id, { revokedAt: new Date() });
      for (const [{ token, invitation }, key] of [
        [expired, "invitations.errors.expired"],
        [revoked, "invitations.errors.revoked"],
      ] as const) {
        const error = await failureOf(anonymous().accept({ token, kind: "new", name: "Sen Person", password: PASSWORD }));
        expect(keysOf(error)).toMatchObject({ code: "CONFLICT", messageKey: key });
        expect(await db.user.count({ where: { email: invitation.email } })).toBe(0);
      }
      const unknown = await failureOf(
        anonymous().accept({ token: randomBytes(32).toString("base64url"), kind: "new", name: "Ingen", password: PASSWORD }),
      );
      expect(unknown.code).toBe("NOT_FOUND");
    });

    it("adds the membership to an existing account after checking its password, leaving the account and its other organisations alone", async () => {
      const user = await addUserWithPassword(db, PASSWORD, { name: "Ella Existing" });
      const elsewhere = await db.membership.create({ data: { organizationId: other.organization.id, userId: user.id, role: "HR" } });
      const issued = await as(org.members.ADMIN).create({ orgSlug: slug(), email: user.email, role: "EMPLOYEE", teamId: org.team.id });
      const token = tokenOf(issued.link);
      expect((await anonymous().preview({ token })).accountExists).toBe(true);

      const wrong = await failureOf(anonymous("203.0.113.20").accept({ token, kind: "existing", password: "Not-the-password-1" }));
      expect(keysOf(wrong)).toEqual({
        code: "BAD_REQUEST",
        messageKey: "invitations.errors.wrongPassword",
        fieldErrors: { password: ["invitations.errors.wrongPassword"] },
      });
      expect(await db.membership.count({ where: { userId: user.id } })).toBe(1);

      // the account exists: a new one cannot be made over it
      const asNew = await failureOf(anonymous().accept({ token, kind: "new", name: "Impostor", password: PASSWORD }));
      expect(keysOf(asNew)).toMatchObject({ code: "CONFLICT", messageKey: "invitations.errors.accountExists" });

      await expect(anonymous("203.0.113.20").accept({ token, kind: "existing", password: PASSWORD })).resolves.toEqual({
        organizationSlug: slug(),
        email: user.email,
      });
      const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(after).toMatchObject({ name: "Ella Existing", passwordHash: user.passwordHash });
      expect(await db.membership.findFirstOrThrow({ where: { userId: user.id, organizationId: org.organization.id } })).toMatchObject({
        role: "EMPLOYEE",
        status: "ACTIVE",
        teamId: org.team.id,
      });
      expect(await db.membership.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({ role: "HR", status: "ACTIVE" });
      // a successful proof clears the account's failures, as a sign-in does
      expect(await db.signInFailure.count({ where: { key: `account:${user.email}` } })).toBe(0);
    });

    it("refuses 'existing' for an e-mail without an account", async () => {
      const issued = await as(org.members.ADMIN).create({ orgSlug: slug(), email: freshEmail(), role: "EMPLOYEE" });
      const error = await failureOf(anonymous().accept({ token: tokenOf(issued.link), kind: "existing", password: PASSWORD }));
      expect(keysOf(error)).toMatchObject({ code: "CONFLICT", messageKey: "invitations.errors.noAccount" });
    });

    it("throttles password guesses like sign-in does", async () => {
      const user = await addUserWithPassword(db, PASSWORD);
      const issued = await as(org.members.ADMIN).create({ orgSlug: slug(), email: user.email, role: "EMPLOYEE" });
      const token = tokenOf(issued.link);
      const guesser = anonymous("203.0.113.99");
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await failureOf(guesser.accept({ token, kind: "existing", password: `Guess-number-${attempt}` }))).code).toBe("BAD_REQUEST");
      }
      // even the right password waits now
      const throttled = await failureOf(guesser.accept({ token, kind: "existing", password: PASSWORD }));
      expect(keysOf(throttled)).toMatchObject({ code: "TOO_MANY_REQUESTS", messageKey: "invitations.errors.throttled" });
      expect((throttled.cause as { params?: { seconds?: number } }).params?.seconds).toBeGreaterThan(0);
      expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
    });

    it("reactivates a deactivated member with the invited role, team and manager", async () => {
      const user = await addUserWithPassword(db, PASSWORD, { name: "Rut Retur" });
      const old = await db.membership.create({
        data: { organizationId: org.organization.id, userId: user.id, role: "EMPLOYEE", status: "DEACTIVATED", deactivatedAt: new Date() },
      });
      const issued = await as(org.members.ADMIN).create({
        orgSlug: slug(),
        email: user.email,
        role: "MANAGER",
        teamId: org.team.id,
        managerId: org.members.ADMIN.membershipId,
      });
      await anonymous().accept({ token: tokenOf(issued.link), kind: "existing", password: PASSWORD });
      expect(await db.membership.findMany({ where: { userId: user.id } })).toEqual([
        expect.objectContaining({
          id: old.id,
          status: "ACTIVE",
          deactivatedAt: null,
          role: "MANAGER",
          teamId: org.team.id,
          managerId: org.members.ADMIN.membershipId,
        }),
      ]);
      const accepted = (await auditOf(org.organization.id, issued.id)).find((audit) => audit.action === "invitation.accept");
      expect(accepted!.changes).toEqual(
        expect.arrayContaining([
          { field: "status", from: "DEACTIVATED", to: "ACTIVE" },
          { field: "role", from: "EMPLOYEE", to: "MANAGER" },
        ]),
      );
    });

    it("does not let a returning member report to one of their own reports", async () => {
      const user = await addUserWithPassword(db, PASSWORD);
      const returning = await db.membership.create({
        data: { organizationId: org.organization.id, userId: user.id, role: "MANAGER", status: "DEACTIVATED", deactivatedAt: new Date() },
      });
      const report = await addPerson(db, org.organization.id, { managerId: returning.id });
      const issued = await as(org.members.ADMIN).create({ orgSlug: slug(), email: user.email, role: "MANAGER", managerId: report.membershipId });
      await anonymous().accept({ token: tokenOf(issued.link), kind: "existing", password: PASSWORD });
      expect(await db.membership.findUniqueOrThrow({ where: { id: returning.id } })).toMatchObject({ status: "ACTIVE", managerId: null });
    });

    it("leaves out a team archived or a manager deactivated since the invitation was sent", async () => {
      const team = await addTeam(db, org.organization.id, `Temp ${randomBytes(3).toString("hex")}`);
      const manager = await addPerson(db, org.organization.id);
      const email = freshEmail();
      const issued = await as(org.members.ADMIN).create({ orgSlug: slug(), email, role: "EMPLOYEE", teamId: team.id, managerId: manager.membershipId });
      await db.team.update({ where: { id: team.id }, data: { archivedAt: new Date() } });
      await db.membership.update({ where: { id: manager.membershipId }, data: { status: "DEACTIVATED", deactivatedAt: new Date() } });
      await anonymous().accept({ token: tokenOf(issued.link), kind: "new", name: "Flytt Person", password: PASSWORD });
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      expect(await db.membership.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ teamId: null, managerId: null, status: "ACTIVE" });
    });

    it("lets someone who became a member meanwhile in, without changing their role", async () => {
      const user = await addUserWithPassword(db, PASSWORD);
      const { token } = await addInvitation(db, org.organization.id, { email: user.email, role: "ADMIN" });
      await db.membership.create({ data: { organizationId: org.organization.id, userId: user.id, role: "EMPLOYEE" } });
      await expect(anonymous().accept({ token, kind: "existing", password: PASSWORD })).resolves.toMatchObject({ organizationSlug: slug() });
      expect(await db.membership.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ role: "EMPLOYEE" });
      expect((await anonymous().preview({ token })).state).toBe("used");
    });

    it("accepts an imported invitation the same way", async () => {
      const { token, invitation } = await addInvitation(db, org.organization.id, { source: "IMPORT", role: "EMPLOYEE", teamId: org.team.id });
      await anonymous().accept({ token, kind: "new", name: "Imp Orterad", password: PASSWORD });
      const user = await db.user.findUniqueOrThrow({ where: { email: invitation.email } });
      expect(await db.membership.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ teamId: org.team.id });
    });

    it("lets only one of two simultaneous accepts through", async () => {
      const issued = await as(org.members.ADMIN).create({ orgSlug: slug(), email: freshEmail(), role: "EMPLOYEE" });
      const token = tokenOf(issued.link);
      const results = await Promise.allSettled([
        anonymous().accept({ token, kind: "new", name: "Först", password: PASSWORD }),
        anonymous().accept({ token, kind: "new", name: "Sist", password: PASSWORD }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
      expect(["invitations.errors.used", "invitations.errors.accountExists"]).toContain(keysOf(rejected.reason as TRPCError).messageKey);
      expect(await db.user.count({ where: { email: issued.email } })).toBe(1);
      expect(await db.membership.count({ where: { user: { email: issued.email } } })).toBe(1);
    });
  });
});
