import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { appRouter } from "@/server/trpc/root";
import { callerFor, createOrganization, createUser, ROLES, type TestOrganization } from "../factories";
import { createTestDatabase } from "../support/test-db";
import { codeOf } from "../support/trpc-errors";

// Every procedure must have a case in tenancy-cases/: the first test fails otherwise, so a
// new procedure cannot skip its tenant-isolation check.
import { ACCOUNT_PROCEDURES, ORG_PROCEDURES } from "./tenancy-cases";

type AnyCaller = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;

async function call(db: Db, userId: string, path: string, input: Record<string, unknown>) {
  const [namespace, name] = path.split(".") as [string, string];
  const caller = callerFor(db, userId) as unknown as AnyCaller;
  return caller[namespace]![name]!(input);
}

describe("tenant isolation", () => {
  let db: Db;
  let orgA: TestOrganization;
  let orgB: TestOrganization;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    orgA = await createOrganization(db, { name: "A" });
    orgB = await createOrganization(db, { name: "B" });
  });

  it("lists every procedure of the router", () => {
    const all = Object.keys(appRouter._def.procedures).sort();
    expect(all).toEqual([...Object.keys(ORG_PROCEDURES), ...ACCOUNT_PROCEDURES].sort());
  });

  for (const [path, testCase] of Object.entries(ORG_PROCEDURES)) {
    describe(path, () => {
      const allowed = testCase.allowed ?? ROLES;

      it.each(ROLES)("answers a %s of the organisation as the permission registry says", async (role) => {
        const input = { orgSlug: orgA.organization.slug, ...(await testCase.input(orgA, db)) };
        const code = await codeOf(call(db, orgA.members[role].userId, path, input));
        expect(code).toBe(allowed.includes(role) ? "OK" : "FORBIDDEN");
      });

      it.each(ROLES)("answers NOT_FOUND to a %s of another organisation asking by slug", async (role) => {
        const input = { orgSlug: orgB.organization.slug, ...(await testCase.input(orgB, db)) };
        expect(await codeOf(call(db, orgA.members[role].userId, path, input))).toBe("NOT_FOUND");
      });

      it.each(ROLES)("answers NOT_FOUND to a %s asking for another organisation's rows by id", async (role) => {
        if (testCase.namesNoRows) return;
        const foreignIds = await testCase.input(orgB, db);
        if (Object.keys(foreignIds).length === 0) return; // takes no id
        const input = { orgSlug: orgA.organization.slug, ...foreignIds };
        const code = await codeOf(call(db, orgA.members[role].userId, path, input));
        // a role without the permission may be refused before any row is looked at
        expect(allowed.includes(role) ? code : code.replace("FORBIDDEN", "NOT_FOUND")).toBe("NOT_FOUND");
      });

      it("answers NOT_FOUND for an unknown organisation and to a user of no organisation", async () => {
        const loner = await createUser(db);
        const known = { orgSlug: orgA.organization.slug, ...(await testCase.input(orgA, db)) };
        expect(await codeOf(call(db, loner.id, path, known))).toBe("NOT_FOUND");
        const unknown = { ...known, orgSlug: "no-such-org" };
        expect(await codeOf(call(db, orgA.members.ADMIN.userId, path, unknown))).toBe("NOT_FOUND");
      });

      it("answers UNAUTHORIZED without a session", async () => {
        const [namespace, name] = path.split(".") as [string, string];
        const anonymous = callerFor(db, null) as unknown as AnyCaller;
        const input = { orgSlug: orgA.organization.slug, ...(await testCase.input(orgA, db)) };
        expect(await codeOf(anonymous[namespace]![name]!(input))).toBe("UNAUTHORIZED");
      });
    });
  }

  it("refuses an organizationId smuggled into the input", async () => {
    const input = { orgSlug: orgA.organization.slug, organizationId: orgB.organization.id };
    expect(await codeOf(call(db, orgA.members.ADMIN.userId, "period.list", input))).toBe("BAD_REQUEST");
  });

  it("answers NOT_FOUND once a membership is deactivated, leaving other organisations untouched", async () => {
    const shared = await createUser(db);
    const inA = await db.membership.create({ data: { organizationId: orgA.organization.id, userId: shared.id, role: "EMPLOYEE" } });
    await db.membership.create({ data: { organizationId: orgB.organization.id, userId: shared.id, role: "HR" } });
    expect(await codeOf(call(db, shared.id, "member.me", { orgSlug: orgA.organization.slug }))).toBe("OK");
    await db.membership.update({ where: { id: inA.id }, data: { status: "DEACTIVATED", deactivatedAt: new Date() } });
    expect(await codeOf(call(db, shared.id, "member.me", { orgSlug: orgA.organization.slug }))).toBe("NOT_FOUND");
    expect(await codeOf(call(db, shared.id, "member.me", { orgSlug: orgB.organization.slug }))).toBe("OK");
  });

  it("refuses at the database a reporting line into another organisation", async () => {
    await expect(
      db.membership.update({
        where: { id: orgA.members.EMPLOYEE.membershipId },
        data: { managerId: orgB.members.MANAGER.membershipId },
      }),
    ).rejects.toThrow();
    await expect(
      db.membership.update({ where: { id: orgA.members.EMPLOYEE.membershipId }, data: { teamId: orgB.team.id } }),
    ).rejects.toThrow();
  });
});
