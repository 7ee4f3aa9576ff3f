import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { minutesAfter, seedAuditEvents, type AuditSeed } from "../factories/admin";
import { callerFor, createOrganization, ROLES, type TestOrganization } from "../factories";
import { createTestDatabase } from "../support/test-db";
import { failureOf } from "../support/trpc-errors";

/** The database's own message, wherever the driver adapter put it. */
async function databaseRefusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const meta = (error as { meta?: { driverAdapterError?: { message?: string; cause?: { message?: string } } } }).meta;
    return [String((error as Error).message), meta?.driverAdapterError?.message, meta?.driverAdapterError?.cause?.message].join(" | ");
  }
  throw new Error("expected the statement to be refused");
}

const START = new Date("2026-11-01T08:00:00.000Z");

describe("audit log", () => {
  let db: Db;
  let org: TestOrganization;
  let other: TestOrganization;
  let ids: { all: string[]; otherOrg: string[] };
  const alice = { userId: "", name: "Alice Admin" };
  const henrik = { userId: "", name: "Henrik HR" };

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    org = await createOrganization(db, { name: "Audit Org" });
    other = await createOrganization(db, { name: "Other Org" });
    alice.userId = org.members.ADMIN.userId;
    henrik.userId = org.members.HR.userId;

    // 120 entries a minute apart: 80 by Alice on teams, 40 by Henrik on periods, and a
    // rename of Alice halfway (her later entries carry the new name)
    const entries: AuditSeed[] = Array.from({ length: 120 }, (_, index) => {
      const byHenrik = index % 3 === 2;
      return byHenrik
        ? {
            at: minutesAfter(START, index),
            actor: henrik,
            action: index % 2 === 0 ? "period.create" : "period.update",
            entityType: "period",
            entityId: `period-${index % 4}`,
            entityLabel: `Period ${index % 4}`,
            changes: [{ field: "name", from: null, to: `Period ${index}` }],
          }
        : {
            at: minutesAfter(START, index),
            actor: index >= 60 ? { ...alice, name: "Alice Andersson" } : alice,
            action: index % 2 === 0 ? "team.create" : "team.rename",
            entityType: "team",
            entityId: `team-${index % 5}`,
            entityLabel: `Team ${index % 5}`,
          };
    });
    const rows = await seedAuditEvents(db, org.organization.id, entries);
    const foreign = await seedAuditEvents(
      db,
      other.organization.id,
      Array.from({ length: 30 }, (_, index) => ({
        at: minutesAfter(START, index),
        actor: { userId: other.members.ADMIN.userId, name: "Foreign Admin" },
        action: "settings.update",
        entityType: "organization",
        entityId: "team-1",
      })),
    );
    ids = { all: rows.map((row) => row.id), otherOrg: foreign.map((row) => row.id) };
  });

  const list = (input: Record<string, unknown> = {}, o: TestOrganization = org, role: (typeof ROLES)[number] = "ADMIN") =>
    callerFor(db, o.members[role].userId).audit.list({ orgSlug: o.organization.slug, ...input });

  async function allPages(input: Record<string, unknown> = {}) {
    const pages = [];
    let cursor: string | null = null;
    do {
      const page = await list({ ...input, cursor });
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor);
    return pages;
  }

  describe("audit.list", () => {
    it("pages through the log newest first, 50 at a time, without gaps or repeats", async () => {
      const pages = await allPages();
      expect(pages.map((page) => page.entries.length)).toEqual([50, 50, 20]);
      const entries = pages.flatMap((page) => page.entries);
      expect(entries.map((e) => e.id)).toEqual([...ids.all].reverse());
      const times = entries.map((e) => e.createdAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(entries[0]).toMatchObject({ action: "period.update", actorName: "Henrik HR", entityType: "period", entityLabel: "Period 3" });
      expect(entries[0]!.changes).toEqual([{ field: "name", from: null, to: "Period 119" }]);
      expect(pages.at(-1)!.nextCursor).toBeNull();
    });

    it("never shows another organisation's entries, whatever the filter", async () => {
      for (const input of [{}, { entityId: "team-1" }, { action: "settings" }, { actorUserId: other.members.ADMIN.userId }]) {
        const entries = (await allPages(input)).flatMap((page) => page.entries);
        expect(entries.some((e) => ids.otherOrg.includes(e.id))).toBe(false);
      }
      expect((await list({ actorUserId: other.members.ADMIN.userId })).entries).toEqual([]);
      const theirs = await list({}, other);
      expect(theirs.entries.map((e) => e.id).sort()).toEqual([...ids.otherOrg].sort());
    });

    it("keeps order across entries written in the same instant", async () => {
      const local = await createOrganization(db);
      const at = new Date("2026-10-01T12:00:00.000Z");
      const rows = await seedAuditEvents(db, local.organization.id, [
        ...Array.from({ length: 60 }, () => ({ at, action: "import.run", entityType: "import" })),
        ...Array.from({ length: 5 }, (_, i) => ({ at: minutesAfter(at, -1 - i), action: "import.run", entityType: "import" })),
      ]);
      const caller = callerFor(db, local.members.HR.userId).audit;
      const first = await caller.list({ orgSlug: local.organization.slug });
      const second = await caller.list({ orgSlug: local.organization.slug, cursor: first.nextCursor });
      const seen = [...first.entries, ...second.entries].map((e) => e.id);
      expect(new Set(seen).size).toBe(65);
      expect(seen.sort()).toEqual(rows.map((r) => r.id).sort());
      expect(second.nextCursor).toBeNull();
    });

    it("filters by the person who acted", async () => {
      const entries = (await allPages({ actorUserId: henrik.userId })).flatMap((page) => page.entries);
      expect(entries).toHaveLength(40);
      expect(entries.every((e) => e.actorUserId === henrik.userId)).toBe(true);
    });

    it("filters by an area (action prefix) or by one action", async () => {
      const teams = (await allPages({ action: "team" })).flatMap((page) => page.entries);
      expect(teams).toHaveLength(80);
      expect((await allPages({ action: "team." })).flatMap((page) => page.entries)).toHaveLength(80);
      const renames = (await allPages({ action: "team.rename" })).flatMap((page) => page.entries);
      expect(renames.every((e) => e.action === "team.rename")).toBe(true);
      expect(renames).toHaveLength(teams.filter((e) => e.action === "team.rename").length);
      // a prefix is a whole area, never a partial word
      expect((await list({ action: "tea" })).entries).toEqual([]);
    });

    it("filters by entity type and entity id", async () => {
      expect((await allPages({ entityType: "period" })).flatMap((page) => page.entries)).toHaveLength(40);
      const oneTeam = (await allPages({ entityType: "team", entityId: "team-2" })).flatMap((page) => page.entries);
      expect(oneTeam.length).toBeGreaterThan(0);
      expect(oneTeam.every((e) => e.entityId === "team-2" && e.entityType === "team")).toBe(true);
      expect(oneTeam).toHaveLength(
        Array.from({ length: 120 }, (_, i) => i).filter((i) => i % 3 !== 2 && i % 5 === 2).length,
      );
    });

    it("filters by a time range, from inclusive and to exclusive", async () => {
      const page = await list({ from: minutesAfter(START, 10), to: minutesAfter(START, 20) });
      expect(page.entries.map((e) => e.createdAt.getTime())).toEqual(
        Array.from({ length: 10 }, (_, i) => minutesAfter(START, 19 - i).getTime()),
      );
      expect((await list({ from: minutesAfter(START, 115) })).entries).toHaveLength(5);
      expect((await list({ to: minutesAfter(START, 3) })).entries).toHaveLength(3);
    });

    it("combines filters", async () => {
      const page = await list({ actorUserId: alice.userId, action: "team.create", from: minutesAfter(START, 0), to: minutesAfter(START, 12) });
      expect(page.entries.map((e) => e.createdAt.getTime())).toEqual([10, 6, 4, 0].map((m) => minutesAfter(START, m).getTime()));
    });

    it("refuses a range that ends before it starts, beside the end date", async () => {
      const error = await failureOf(list({ from: minutesAfter(START, 10), to: minutesAfter(START, 5) }));
      expect(error.code).toBe("BAD_REQUEST");
      const issues = (error.cause as unknown as { issues: { path: string[]; message: string }[] }).issues;
      expect(issues.map((i) => [i.path.join("."), i.message])).toEqual([["to", "audit.errors.rangeReversed"]]);
    });

    it("takes the direction tRPC's infinite queries send", async () => {
      const first = await list({ direction: "forward" });
      const second = await list({ direction: "forward", cursor: first.nextCursor });
      expect(second.entries[0]!.createdAt.getTime()).toBeLessThan(first.entries.at(-1)!.createdAt.getTime());
    });

    it("refuses a forged cursor", async () => {
      expect((await failureOf(list({ cursor: "'; DROP TABLE x" }))).code).toBe("BAD_REQUEST");
    });

    it.each(ROLES)("answers a %s as the permission registry says (ADMIN and HR read it)", async (role) => {
      const call = list({}, org, role);
      if (role === "ADMIN" || role === "HR") expect((await call).entries).toHaveLength(50);
      else expect((await failureOf(call)).code).toBe("FORBIDDEN");
    });
  });

  describe("audit.filterOptions", () => {
    it("lists the people (latest name), entity types and actions present, only of this organisation", async () => {
      const options = await callerFor(db, henrik.userId).audit.filterOptions({ orgSlug: org.organization.slug });
      expect(options.actors).toEqual([
        { userId: alice.userId, name: "Alice Andersson" },
        { userId: henrik.userId, name: "Henrik HR" },
      ]);
      expect(options.entityTypes).toEqual(["period", "team"]);
      expect(options.actions).toEqual(["period.create", "period.update", "team.create", "team.rename"]);
    });

    it("is empty for an organisation without entries", async () => {
      const local = await createOrganization(db);
      expect(await callerFor(db, local.members.ADMIN.userId).audit.filterOptions({ orgSlug: local.organization.slug })).toEqual({
        actors: [],
        entityTypes: [],
        actions: [],
      });
    });

    it.each(["MANAGER", "EMPLOYEE"] as const)("refuses a %s (FORBIDDEN)", async (role) => {
      const error = await failureOf(callerFor(db, org.members[role].userId).audit.filterOptions({ orgSlug: org.organization.slug }));
      expect(error.code).toBe("FORBIDDEN");
    });
  });

  describe("the table", () => {
    it("refuses UPDATE through raw SQL", async () => {
      const id = ids.all[0]!;
      expect(await databaseRefusal(db.$executeRaw`UPDATE "AuditEvent" SET "actorName" = 'Mallory' WHERE "id" = ${id}::uuid`)).toMatch(/AuditEvent is append-only/);
      expect((await db.auditEvent.findUniqueOrThrow({ where: { id } })).actorName).toBe("Alice Admin");
    });

    it("refuses DELETE through raw SQL", async () => {
      const id = ids.all[1]!;
      expect(await databaseRefusal(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${id}::uuid`)).toMatch(/AuditEvent is append-only/);
      expect(await databaseRefusal(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "organizationId" = ${org.organization.id}::uuid`)).toMatch(/AuditEvent is append-only/);
      expect(await db.auditEvent.count({ where: { organizationId: org.organization.id } })).toBe(120);
    });

    it("refuses a rewrite through the client too, and a rewrite flag set outside the transaction", async () => {
      const id = ids.all[2]!;
      await expect(db.auditEvent.update({ where: { id }, data: { actorName: "Mallory" } })).rejects.toThrow();
      await expect(db.auditEvent.deleteMany({ where: { id } })).rejects.toThrow();
      // a flag set for one transaction does not outlive it
      await db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('smarta.audit_rewrite', 'on', true)`;
      });
      expect(await databaseRefusal(db.$executeRaw`UPDATE "AuditEvent" SET "actorName" = 'Mallory' WHERE "id" = ${id}::uuid`)).toMatch(/AuditEvent is append-only/);
    });

    it("allows the one sanctioned rewrite (GDPR erasure) inside a transaction that says so", async () => {
      const local = await createOrganization(db);
      const [row] = await seedAuditEvents(db, local.organization.id, [{ at: START, actor: { userId: null, name: "Erik Exempel" } }]);
      await db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('smarta.audit_rewrite', 'on', true)`;
        await tx.$executeRaw`UPDATE "AuditEvent" SET "actorName" = 'Person 1' WHERE "id" = ${row!.id}::uuid`;
      });
      expect((await db.auditEvent.findUniqueOrThrow({ where: { id: row!.id } })).actorName).toBe("Person 1");
    });
  });
});
