import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { createPeriodRow, freshPeriodName } from "../factories/admin";
import { callerFor, createOrganization, createUser, ROLES, type TestOrganization } from "../factories";
import { createTestDatabase } from "../support/test-db";
import { failureOf, fieldErrorsOf } from "../support/trpc-errors";

describe("goal periods", () => {
  let db: Db;
  let org: TestOrganization;
  let other: TestOrganization;
  const as = (role: (typeof ROLES)[number], o: TestOrganization = org) => callerFor(db, o.members[role].userId).period;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    org = await createOrganization(db, { name: "Period Org" });
    other = await createOrganization(db, { name: "Other Org" });
  });

  describe("period.list", () => {
    it.each(ROLES)("is readable by a %s, newest first", async (role) => {
      const local = await createOrganization(db);
      await createPeriodRow(db, local.organization.id, { name: "2028", startDate: "2028-01-01", endDate: "2028-12-31" });
      const periods = await callerFor(db, local.members[role].userId).period.list({ orgSlug: local.organization.slug });
      expect(periods.map((p) => p.name)).toEqual(["2028", "2027"]);
    });
  });

  describe("period.create", () => {
    it.each(["ADMIN", "HR"] as const)("lets a %s create a period, trimmed, with its dates, and audits it", async (role) => {
      const name = freshPeriodName();
      const period = await as(role).create({ orgSlug: org.organization.slug, name: `  ${name} `, startDate: "2029-01-01", endDate: "2029-06-30" });
      expect(period).toMatchObject({ name, isCurrent: false });
      expect(period.startDate.toISOString()).toBe("2029-01-01T00:00:00.000Z");
      expect(period.endDate.toISOString()).toBe("2029-06-30T00:00:00.000Z");
      const audit = await db.auditEvent.findFirstOrThrow({ where: { organizationId: org.organization.id, entityId: period.id } });
      expect(audit).toMatchObject({
        action: "period.create",
        entityType: "period",
        entityLabel: name,
        actorUserId: org.members[role].userId,
        actorName: org.members[role].name,
      });
      expect(audit.changes).toEqual([
        { field: "name", from: null, to: name },
        { field: "startDate", from: null, to: "2029-01-01" },
        { field: "endDate", from: null, to: "2029-06-30" },
      ]);
    });

    it.each(["MANAGER", "EMPLOYEE"] as const)("refuses a %s (FORBIDDEN) and writes nothing", async (role) => {
      const name = freshPeriodName();
      const error = await failureOf(as(role).create({ orgSlug: org.organization.slug, name, startDate: "2029-01-01", endDate: "2029-12-31" }));
      expect(error.code).toBe("FORBIDDEN");
      expect(await db.goalPeriod.count({ where: { name } })).toBe(0);
    });

    it("allows overlapping periods under different names (2027 and 2027 H1)", async () => {
      const local = await createOrganization(db);
      const h1 = await callerFor(db, local.members.ADMIN.userId).period.create({
        orgSlug: local.organization.slug,
        name: "2027 H1",
        startDate: "2027-01-01",
        endDate: "2027-06-30",
      });
      expect(h1.name).toBe("2027 H1");
      const names = (await callerFor(db, local.members.EMPLOYEE.userId).period.list({ orgSlug: local.organization.slug })).map((p) => p.name);
      expect(names.sort()).toEqual(["2027", "2027 H1"]);
    });

    it("refuses a name the organisation already uses, beside the name field", async () => {
      const error = await failureOf(as("ADMIN").create({ orgSlug: org.organization.slug, name: " 2027 ", startDate: "2027-03-01", endDate: "2027-05-31" }));
      expect(error.code).toBe("CONFLICT");
      expect(fieldErrorsOf(error)).toEqual({ name: ["periods.errors.nameTaken"] });
      expect(await db.goalPeriod.count({ where: { organizationId: org.organization.id, name: "2027" } })).toBe(1);
    });

    it("lets another organisation use the same name", async () => {
      const period = await as("HR", other).create({ orgSlug: other.organization.slug, name: "2027 H2", startDate: "2027-07-01", endDate: "2027-12-31" });
      expect(period.name).toBe("2027 H2");
      const again = await as("ADMIN").create({ orgSlug: org.organization.slug, name: "2027 H2", startDate: "2027-07-01", endDate: "2027-12-31" });
      expect(again.id).not.toBe(period.id);
    });

    it.each([
      [{ name: "   " }, { name: ["periods.errors.nameRequired"] }],
      [{ name: "x".repeat(41) }, { name: ["periods.errors.nameTooLong"] }],
      [{ startDate: "" }, { startDate: ["periods.errors.dateRequired"] }],
      [{ startDate: "2027-02-30" }, { startDate: ["periods.errors.invalidDate"] }],
      [{ endDate: "31/12/2027" }, { endDate: ["periods.errors.invalidDate"] }],
      [{ startDate: "2027-12-31", endDate: "2027-01-01" }, { endDate: ["periods.errors.endBeforeStart"] }],
    ])("answers %o with field errors %o", async (change, fieldErrors) => {
      const input = { orgSlug: org.organization.slug, name: freshPeriodName(), startDate: "2027-01-01", endDate: "2027-12-31", ...change };
      const error = await failureOf(as("ADMIN").create(input));
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(error)).toEqual(fieldErrors);
    });

    it("accepts a period of one day, with 40 characters of name", async () => {
      const name = freshPeriodName().padEnd(40, "x");
      const period = await as("ADMIN").create({ orgSlug: org.organization.slug, name, startDate: "2030-05-05", endDate: "2030-05-05" });
      expect(period.name).toHaveLength(40);
    });

    it("refuses an organizationId smuggled into the input", async () => {
      const error = await failureOf(
        callerFor(db, org.members.ADMIN.userId).period.create({
          orgSlug: org.organization.slug,
          name: freshPeriodName(),
          startDate: "2031-01-01",
          endDate: "2031-12-31",
          organizationId: other.organization.id,
        } as never),
      );
      expect(error.code).toBe("BAD_REQUEST");
    });

    it("makes an organisation's first period its current one", async () => {
      const local = await createOrganization(db);
      await db.goalPeriod.deleteMany({ where: { organizationId: local.organization.id } });
      const first = await callerFor(db, local.members.HR.userId).period.create({
        orgSlug: local.organization.slug,
        name: "2028",
        startDate: "2028-01-01",
        endDate: "2028-12-31",
      });
      expect(first.isCurrent).toBe(true);
      const second = await callerFor(db, local.members.HR.userId).period.create({
        orgSlug: local.organization.slug,
        name: "2029",
        startDate: "2029-01-01",
        endDate: "2029-12-31",
      });
      expect(second.isCurrent).toBe(false);
    });
  });

  describe("period.update", () => {
    it("changes name and dates and audits old → new", async () => {
      const row = await createPeriodRow(db, org.organization.id, { name: freshPeriodName(), startDate: "2032-01-01", endDate: "2032-12-31" });
      const name = freshPeriodName();
      const updated = await as("HR").update({ orgSlug: org.organization.slug, periodId: row.id, name, startDate: "2032-01-01", endDate: "2032-06-30" });
      expect(updated).toMatchObject({ id: row.id, name });
      expect(updated.endDate.toISOString()).toBe("2032-06-30T00:00:00.000Z");
      const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: row.id, action: "period.update" } });
      expect(audit).toMatchObject({ actorName: org.members.HR.name, entityLabel: name });
      expect(audit.changes).toEqual([
        { field: "name", from: row.name, to: name },
        { field: "endDate", from: "2032-12-31", to: "2032-06-30" },
      ]);
    });

    it("keeps its own name and writes no audit entry when nothing changed", async () => {
      const row = await createPeriodRow(db, org.organization.id, { startDate: "2033-01-01", endDate: "2033-12-31" });
      await as("ADMIN").update({ orgSlug: org.organization.slug, periodId: row.id, name: row.name, startDate: "2033-01-01", endDate: "2033-12-31" });
      expect(await db.auditEvent.count({ where: { entityId: row.id } })).toBe(0);
    });

    it("refuses another period's name beside the field", async () => {
      const row = await createPeriodRow(db, org.organization.id);
      const error = await failureOf(as("ADMIN").update({ orgSlug: org.organization.slug, periodId: row.id, name: "2027", startDate: "2028-01-01", endDate: "2028-12-31" }));
      expect(error.code).toBe("CONFLICT");
      expect(fieldErrorsOf(error)).toEqual({ name: ["periods.errors.nameTaken"] });
    });

    it("checks the dates as create does", async () => {
      const row = await createPeriodRow(db, org.organization.id);
      const error = await failureOf(as("ADMIN").update({ orgSlug: org.organization.slug, periodId: row.id, name: row.name, startDate: "2028-06-01", endDate: "2028-05-31" }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(error)).toEqual({ endDate: ["periods.errors.endBeforeStart"] });
    });

    it.each(["MANAGER", "EMPLOYEE"] as const)("refuses a %s (FORBIDDEN)", async (role) => {
      const row = await createPeriodRow(db, org.organization.id);
      const error = await failureOf(as(role).update({ orgSlug: org.organization.slug, periodId: row.id, name: freshPeriodName(), startDate: "2028-01-01", endDate: "2028-12-31" }));
      expect(error.code).toBe("FORBIDDEN");
      expect((await db.goalPeriod.findUniqueOrThrow({ where: { id: row.id } })).name).toBe(row.name);
    });

    it.each(["ADMIN", "HR"] as const)("answers NOT_FOUND to a %s for another organisation's period or a missing one", async (role) => {
      for (const periodId of [other.period.id, randomUUID()]) {
        const error = await failureOf(as(role).update({ orgSlug: org.organization.slug, periodId, name: freshPeriodName(), startDate: "2028-01-01", endDate: "2028-12-31" }));
        expect(error.code).toBe("NOT_FOUND");
      }
      expect((await db.goalPeriod.findUniqueOrThrow({ where: { id: other.period.id } })).name).toBe("2027");
    });
  });

  describe("period.setCurrent", () => {
    it("makes exactly one period current and audits the change from the previous one", async () => {
      const local = await createOrganization(db);
      const next = await createPeriodRow(db, local.organization.id, { name: "2028" });
      const result = await callerFor(db, local.members.HR.userId).period.setCurrent({ orgSlug: local.organization.slug, periodId: next.id });
      expect(result).toMatchObject({ id: next.id, isCurrent: true });
      const current = await db.goalPeriod.findMany({ where: { organizationId: local.organization.id, isCurrent: true } });
      expect(current.map((p) => p.id)).toEqual([next.id]);
      const audit = await db.auditEvent.findFirstOrThrow({ where: { organizationId: local.organization.id, action: "period.setCurrent" } });
      expect(audit).toMatchObject({ entityId: next.id, entityLabel: "2028", actorName: local.members.HR.name });
      expect(audit.changes).toEqual([{ field: "currentPeriod", from: "2027", to: "2028" }]);
    });

    it("stays at one current period when two changes race", async () => {
      const local = await createOrganization(db);
      const a = await createPeriodRow(db, local.organization.id);
      const b = await createPeriodRow(db, local.organization.id);
      const caller = callerFor(db, local.members.ADMIN.userId).period;
      await Promise.all([
        caller.setCurrent({ orgSlug: local.organization.slug, periodId: a.id }),
        caller.setCurrent({ orgSlug: local.organization.slug, periodId: b.id }),
      ]);
      expect(await db.goalPeriod.count({ where: { organizationId: local.organization.id, isCurrent: true } })).toBe(1);
    });

    it("does nothing for the period that already is current", async () => {
      const local = await createOrganization(db);
      await callerFor(db, local.members.ADMIN.userId).period.setCurrent({ orgSlug: local.organization.slug, periodId: local.period.id });
      expect(await db.auditEvent.count({ where: { organizationId: local.organization.id } })).toBe(0);
    });

    it("leaves other organisations' current periods alone", async () => {
      const row = await createPeriodRow(db, org.organization.id);
      await as("ADMIN").setCurrent({ orgSlug: org.organization.slug, periodId: row.id });
      expect((await db.goalPeriod.findUniqueOrThrow({ where: { id: other.period.id } })).isCurrent).toBe(true);
    });

    it.each(["MANAGER", "EMPLOYEE"] as const)("refuses a %s (FORBIDDEN)", async (role) => {
      const row = await createPeriodRow(db, org.organization.id);
      expect((await failureOf(as(role).setCurrent({ orgSlug: org.organization.slug, periodId: row.id }))).code).toBe("FORBIDDEN");
    });

    it("answers NOT_FOUND for another organisation's period and to a stranger", async () => {
      expect((await failureOf(as("ADMIN").setCurrent({ orgSlug: org.organization.slug, periodId: other.period.id }))).code).toBe("NOT_FOUND");
      const stranger = await createUser(db);
      const error = await failureOf(callerFor(db, stranger.id).period.setCurrent({ orgSlug: org.organization.slug, periodId: org.period.id }));
      expect(error.code).toBe("NOT_FOUND");
    });
  });
});
