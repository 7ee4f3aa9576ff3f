import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS, permissionsOf } from "@/lib/permissions";
import type { Db } from "@/server/db/client";
import { addMember, callerFor, createOrganization, createUser, ROLES, type TestOrganization } from "../factories";
import { createTestDatabase } from "../support/test-db";
import { failureOf } from "../support/trpc-errors";

describe("people", () => {
  let db: Db;
  let org: TestOrganization;
  let other: TestOrganization;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    org = await createOrganization(db, { name: "People Org" });
    other = await createOrganization(db, { name: "Other Org" });
  });

  describe("member.me", () => {
    it.each(ROLES)("describes a %s: name, role, team, manager and permissions", async (role) => {
      const member = org.members[role];
      const me = await callerFor(db, member.userId).member.me({ orgSlug: org.organization.slug });
      expect(me).toMatchObject({
        membershipId: member.membershipId,
        name: member.name,
        email: member.email,
        role,
        active: true,
        team: { id: org.team.id, name: "Team A" },
        organization: { slug: org.organization.slug, name: "People Org", locale: "sv" },
      });
      expect([...me.permissions].sort()).toEqual([...permissionsOf(role)].sort());
      if (role === "EMPLOYEE") {
        expect(me.manager).toEqual({ membershipId: org.members.MANAGER.membershipId, name: org.members.MANAGER.name });
      } else {
        expect(me.manager).toBeNull();
      }
    });

    it("grants an ADMIN every permission and an EMPLOYEE only the reading ones", async () => {
      const admin = await callerFor(db, org.members.ADMIN.userId).member.me({ orgSlug: org.organization.slug });
      expect([...admin.permissions].sort()).toEqual(Object.keys(PERMISSIONS).sort());
      const employee = await callerFor(db, org.members.EMPLOYEE.userId).member.me({ orgSlug: org.organization.slug });
      expect([...employee.permissions].sort()).toEqual(["member.read", "organization.read", "period.read"]);
    });

    it("lists the MANAGER's report", async () => {
      const me = await callerFor(db, org.members.MANAGER.userId).member.me({ orgSlug: org.organization.slug });
      expect(me.reports).toEqual([{ membershipId: org.members.EMPLOYEE.membershipId, name: org.members.EMPLOYEE.name }]);
    });

    it("answers for the organisation named by the slug when the user belongs to two", async () => {
      const user = await createUser(db, { name: "Two Hats" });
      await addMember(db, org.organization.id, user.id, "HR");
      await addMember(db, other.organization.id, user.id, "EMPLOYEE");
      const inOrg = await callerFor(db, user.id).member.me({ orgSlug: org.organization.slug });
      const inOther = await callerFor(db, user.id).member.me({ orgSlug: other.organization.slug });
      expect(inOrg).toMatchObject({ role: "HR", organization: { name: "People Org" } });
      expect(inOther).toMatchObject({ role: "EMPLOYEE", organization: { name: "Other Org" } });
      expect(inOrg.permissions).toContain("report.read");
      expect(inOther.permissions).not.toContain("report.read");
    });
  });

  describe("member.get", () => {
    it("returns a colleague with their reports, active ones only, by name", async () => {
      const local = await createOrganization(db);
      const manager = local.members.MANAGER;
      const extra = await createUser(db, { name: "Aaron Early" });
      const gone = await createUser(db, { name: "Abel Gone" });
      const extraMembership = await addMember(db, local.organization.id, extra.id, "EMPLOYEE");
      const goneMembership = await addMember(db, local.organization.id, gone.id, "EMPLOYEE");
      await db.membership.update({ where: { id: extraMembership.id }, data: { managerId: manager.membershipId } });
      await db.membership.update({
        where: { id: goneMembership.id },
        data: { managerId: manager.membershipId, status: "DEACTIVATED", deactivatedAt: new Date() },
      });

      const person = await callerFor(db, local.members.EMPLOYEE.userId).member.get({
        orgSlug: local.organization.slug,
        membershipId: manager.membershipId,
      });
      expect(person).toEqual({
        membershipId: manager.membershipId,
        name: manager.name,
        email: manager.email,
        role: "MANAGER",
        title: null,
        active: true,
        team: { id: local.team.id, name: "Team A" },
        manager: null,
        reports: [
          { membershipId: extraMembership.id, name: "Aaron Early" },
          { membershipId: local.members.EMPLOYEE.membershipId, name: local.members.EMPLOYEE.name },
        ],
      });
    });

    it("returns the colleague's manager", async () => {
      const person = await callerFor(db, org.members.HR.userId).member.get({
        orgSlug: org.organization.slug,
        membershipId: org.members.EMPLOYEE.membershipId,
      });
      expect(person.manager).toEqual({ membershipId: org.members.MANAGER.membershipId, name: org.members.MANAGER.name });
      expect(person.reports).toEqual([]);
    });

    it("answers NOT_FOUND for an unknown membership id", async () => {
      const error = await failureOf(
        callerFor(db, org.members.ADMIN.userId).member.get({ orgSlug: org.organization.slug, membershipId: randomUUID() }),
      );
      expect(error.code).toBe("NOT_FOUND");
    });

    it("answers BAD_REQUEST for an id that is not a uuid", async () => {
      const error = await failureOf(
        callerFor(db, org.members.ADMIN.userId).member.get({ orgSlug: org.organization.slug, membershipId: "12345" }),
      );
      expect(error.code).toBe("BAD_REQUEST");
    });
  });

  describe("period.list", () => {
    it("returns the organisation's periods and no other's", async () => {
      await db.goalPeriod.create({
        data: {
          organizationId: other.organization.id,
          name: "2028",
          startDate: new Date("2028-01-01"),
          endDate: new Date("2028-12-31"),
        },
      });
      const periods = await callerFor(db, org.members.EMPLOYEE.userId).period.list({ orgSlug: org.organization.slug });
      expect(periods).toEqual([
        {
          id: org.period.id,
          name: "2027",
          startDate: new Date("2027-01-01T00:00:00.000Z"),
          endDate: new Date("2027-12-31T00:00:00.000Z"),
          isCurrent: true,
          closedAt: null,
        },
      ]);
    });

    it("orders the newest period first", async () => {
      const local = await createOrganization(db);
      const h1 = await db.goalPeriod.create({
        data: { organizationId: local.organization.id, name: "2028 H1", startDate: new Date("2028-01-01"), endDate: new Date("2028-06-30") },
      });
      const periods = await callerFor(db, local.members.ADMIN.userId).period.list({ orgSlug: local.organization.slug });
      expect(periods.map((p) => p.id)).toEqual([h1.id, local.period.id]);
    });
  });
});
