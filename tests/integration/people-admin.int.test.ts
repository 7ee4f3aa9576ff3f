import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Db } from "@/server/db/client";
import { addMember, callerFor, createOrganization, createUser, type TestMember, type TestOrganization } from "../factories";
import { addPerson, addTeam } from "../factories/people";
import { createTestDatabase } from "../support/test-db";
import { failureOf } from "../support/trpc-errors";

/** The message key and field errors the browser would receive. */
function keysOf(error: TRPCError) {
  const cause = error.cause as { messageKey?: string; fieldErrors?: Record<string, string[]> } | undefined;
  return { code: error.code, messageKey: cause?.messageKey, fieldErrors: cause?.fieldErrors ?? {} };
}

const PROCEDURES = ["list", "filterOptions", "update", "deactivate", "reactivate"] as const;

describe("people administration", () => {
  let db: Db;
  let other: TestOrganization;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    other = await createOrganization(db, { name: "Other Org" });
  });

  const as = (member: TestMember) => callerFor(db, member.userId).member;
  const auditOf = (organizationId: string, entityId: string) =>
    db.auditEvent.findMany({ where: { organizationId, entityId }, orderBy: { createdAt: "asc" } });

  describe("permissions", () => {
    let org: TestOrganization;
    beforeAll(async () => {
      org = await createOrganization(db);
    });

    it.each(["MANAGER", "EMPLOYEE"] as const)("refuses a %s every administration procedure", async (role) => {
      const caller = as(org.members[role]);
      const orgSlug = org.organization.slug;
      const target = org.members.EMPLOYEE.membershipId;
      const calls: Record<(typeof PROCEDURES)[number], () => Promise<unknown>> = {
        list: () => caller.list({ orgSlug }),
        filterOptions: () => caller.filterOptions({ orgSlug }),
        update: () => caller.update({ orgSlug, membershipId: target, title: "Nope" }),
        deactivate: () => caller.deactivate({ orgSlug, membershipId: target }),
        reactivate: () => caller.reactivate({ orgSlug, membershipId: target }),
      };
      for (const name of PROCEDURES) expect((await failureOf(calls[name]())).code, name).toBe("FORBIDDEN");
      expect(await db.membership.findUnique({ where: { id: target } })).toMatchObject({ title: null, status: "ACTIVE" });
    });

    it.each(["ADMIN", "HR"] as const)("lets %s list and read the filter options", async (role) => {
      const list = await as(org.members[role]).list({ orgSlug: org.organization.slug });
      expect(list.total).toBe(4);
      const options = await as(org.members[role]).filterOptions({ orgSlug: org.organization.slug });
      expect(options.teams).toEqual([{ id: org.team.id, name: "Team A", path: "Team A", depth: 0 }]);
    });

    it("refuses an organizationId smuggled into an update", async () => {
      const error = await failureOf(
        as(org.members.ADMIN).update({
          orgSlug: org.organization.slug,
          membershipId: org.members.EMPLOYEE.membershipId,
          organizationId: other.organization.id,
        } as never),
      );
      expect(error.code).toBe("BAD_REQUEST");
    });
  });

  describe("member.list", () => {
    let org: TestOrganization;
    let sales: { id: string };
    let success: { id: string };
    const people: Record<string, TestMember> = {};

    beforeAll(async () => {
      org = await createOrganization(db, { name: "Listing" });
      sales = await addTeam(db, org.organization.id, "Försäljning");
      success = await addTeam(db, org.organization.id, "Kundframgång", { parentTeamId: sales.id });
      const id = org.organization.id;
      people.asa = await addPerson(db, id, { name: "Åsa Öberg", email: "asa.oberg@listing.test", teamId: sales.id, title: "Säljchef", role: "MANAGER" });
      people.elin = await addPerson(db, id, { name: "Elin Sjöberg", email: "elin@listing.test", teamId: success.id, managerId: people.asa.membershipId });
      people.orjan = await addPerson(db, id, { name: "Örjan Ek", email: "orjan@listing.test", teamId: success.id, managerId: people.asa.membershipId });
      people.arla = await addPerson(db, id, { name: "Ärla Lund", email: "arla@listing.test", teamId: sales.id, status: "DEACTIVATED" });
      people.anna = await addPerson(db, id, { name: "Anna Zetterlund", email: "anna_z@listing.test", role: "HR" });
      // another organisation's people never appear, even when they match the search
      await addPerson(db, other.organization.id, { name: "Elin Sjöberg", email: "elin@other.test" });
    });

    const list = (input: Record<string, unknown> = {}) => as(org.members.HR).list({ orgSlug: org.organization.slug, ...input });
    const names = (result: { items: { name: string }[] }) => result.items.map((item) => item.name);

    it("returns every member with role, title, status, team and manager, sorted by name in Swedish order", async () => {
      const result = await list();
      expect(result).toMatchObject({ total: 9, page: 1, pageSize: 50 });
      const role = (r: string) => org.members[r as "ADMIN"].name;
      // names are compared case-insensitively; å, ä and ö follow z
      expect(names(result)).toEqual([
        role("ADMIN"),
        "Anna Zetterlund",
        "Elin Sjöberg",
        role("EMPLOYEE"),
        role("HR"),
        role("MANAGER"),
        "Åsa Öberg",
        "Ärla Lund",
        "Örjan Ek",
      ]);
      expect(result.items.find((item) => item.name === "Elin Sjöberg")).toEqual({
        membershipId: people.elin!.membershipId,
        name: "Elin Sjöberg",
        email: "elin@listing.test",
        role: "EMPLOYEE",
        title: null,
        status: "ACTIVE",
        team: { id: success.id, name: "Kundframgång" },
        manager: { membershipId: people.asa!.membershipId, name: "Åsa Öberg" },
        updatedAt: expect.any(Date) as Date,
      });
      expect(result.items.find((item) => item.name === "Ärla Lund")).toMatchObject({ status: "DEACTIVATED", manager: null });
    });

    it("searches names and e-mails case-insensitively, Swedish letters as typed", async () => {
      expect(names(await list({ search: "sjöberg" }))).toEqual(["Elin Sjöberg"]);
      expect(names(await list({ search: "SJÖBERG" }))).toEqual(["Elin Sjöberg"]);
      expect(names(await list({ search: "åsa" }))).toEqual(["Åsa Öberg"]);
      expect(names(await list({ search: "ÅSA ÖBERG" }))).toEqual(["Åsa Öberg"]);
      // "öberg" is inside "Sjöberg" too
      expect(names(await list({ search: "ÖBERG" }))).toEqual(["Elin Sjöberg", "Åsa Öberg"]);
      // the e-mail is searched too
      expect(names(await list({ search: "asa.oberg@" }))).toEqual(["Åsa Öberg"]);
      // every word must match, in any order
      expect(names(await list({ search: "  sjöberg   elin " }))).toEqual(["Elin Sjöberg"]);
      expect(names(await list({ search: "sjöberg anna" }))).toEqual([]);
      // "sjoberg" is not "sjöberg": letters are matched as typed
      expect(names(await list({ search: "sjoberg" }))).toEqual([]);
    });

    it("treats % and _ in a search as characters, not wildcards", async () => {
      expect(names(await list({ search: "%" }))).toEqual([]);
      expect(names(await list({ search: "anna_z" }))).toEqual(["Anna Zetterlund"]);
      expect(names(await list({ search: "n_a" }))).toEqual([]);
    });

    it("filters by team (that team only), role, manager and status", async () => {
      expect(names(await list({ teamId: sales.id }))).toEqual(["Åsa Öberg", "Ärla Lund"]);
      expect(names(await list({ teamId: success.id }))).toEqual(["Elin Sjöberg", "Örjan Ek"]);
      expect(names(await list({ teamId: "none" }))).toEqual(["Anna Zetterlund"]);
      expect(names(await list({ role: "MANAGER" }))).toEqual([org.members.MANAGER.name, "Åsa Öberg"]);
      expect(names(await list({ managerId: people.asa!.membershipId }))).toEqual(["Elin Sjöberg", "Örjan Ek"]);
      expect(names(await list({ status: "DEACTIVATED" }))).toEqual(["Ärla Lund"]);
      expect((await list({ status: "ACTIVE" })).total).toBe(8);
      expect(names(await list({ teamId: sales.id, status: "ACTIVE", search: "öberg" }))).toEqual(["Åsa Öberg"]);
    });

    it("finds nobody through another organisation's team or manager", async () => {
      expect(await list({ teamId: other.team.id })).toMatchObject({ items: [], total: 0 });
      expect(await list({ managerId: other.members.MANAGER.membershipId })).toMatchObject({ items: [], total: 0 });
    });

    it("pages through the results with the total count", async () => {
      const pages = await Promise.all([1, 2, 3, 5].map((page) => list({ teamId: undefined, page, pageSize: 4 })));
      expect(pages.map((p) => p.total)).toEqual([9, 9, 9, 9]);
      expect(pages.map((p) => p.items.length)).toEqual([4, 4, 1, 0]);
      expect(pages.flatMap(names)).toEqual(names(await list()));
      expect(pages[1]).toMatchObject({ page: 2, pageSize: 4 });
    });

    it("refuses a page size above 200 and a page below 1", async () => {
      expect((await failureOf(list({ pageSize: 201 }))).code).toBe("BAD_REQUEST");
      expect((await failureOf(list({ page: 0 }))).code).toBe("BAD_REQUEST");
      expect((await list({ pageSize: 200 })).pageSize).toBe(200);
    });
  });

  describe("member.filterOptions", () => {
    it("lists active teams by path and the people with active reports", async () => {
      const org = await createOrganization(db, { name: "Options" });
      const id = org.organization.id;
      const sales = await addTeam(db, id, "Försäljning");
      const success = await addTeam(db, id, "Kundframgång", { parentTeamId: sales.id });
      const north = await addTeam(db, id, "Nord", { parentTeamId: success.id });
      await addTeam(db, id, "Arkiverat", { archived: true });
      const alva = await addPerson(db, id, { name: "Alva Ström" });
      // a manager whose only report left is not offered
      const bo = await addPerson(db, id, { name: "Bo Berg" });
      await addPerson(db, id, { name: "Gone", managerId: bo.membershipId, status: "DEACTIVATED" });
      await addPerson(db, id, { name: "Cilla", managerId: alva.membershipId });
      // a deactivated manager who still has reports is offered, marked inactive, so HR can find them
      const gunnar = await addPerson(db, id, { name: "Gunnar Ex", status: "DEACTIVATED" });
      await addPerson(db, id, { name: "Dan", managerId: gunnar.membershipId });

      const options = await as(org.members.ADMIN).filterOptions({ orgSlug: org.organization.slug });
      expect(options.teams).toEqual([
        { id: sales.id, name: "Försäljning", path: "Försäljning", depth: 0 },
        { id: success.id, name: "Kundframgång", path: "Försäljning / Kundframgång", depth: 1 },
        { id: north.id, name: "Nord", path: "Försäljning / Kundframgång / Nord", depth: 2 },
        { id: org.team.id, name: "Team A", path: "Team A", depth: 0 },
      ]);
      expect(options.managers).toEqual([
        { membershipId: alva.membershipId, name: "Alva Ström", active: true },
        { membershipId: gunnar.membershipId, name: "Gunnar Ex", active: false },
        { membershipId: org.members.MANAGER.membershipId, name: org.members.MANAGER.name, active: true },
      ]);
    });
  });

  describe("member.update", () => {
    let org: TestOrganization;
    let mobile: { id: string };
    beforeAll(async () => {
      org = await createOrganization(db, { name: "Updates" });
      mobile = await addTeam(db, org.organization.id, "Mobilappar");
    });
    const update = (actor: TestMember, input: Record<string, unknown>) =>
      as(actor).update({ orgSlug: org.organization.slug, ...input } as { orgSlug: string; membershipId: string });

    it("changes role, team, manager and title and records old → new with names", async () => {
      const person = await addPerson(db, org.organization.id, { name: "Elin Sjöberg", teamId: org.team.id, title: "Utvecklare" });
      const result = await update(org.members.HR, {
        membershipId: person.membershipId,
        role: "MANAGER",
        teamId: mobile.id,
        managerId: org.members.MANAGER.membershipId,
        title: "  Teamchef  ",
      });
      expect(result).toMatchObject({
        membershipId: person.membershipId,
        role: "MANAGER",
        title: "Teamchef",
        team: { id: mobile.id, name: "Mobilappar" },
        manager: { membershipId: org.members.MANAGER.membershipId, name: org.members.MANAGER.name },
      });
      const events = await auditOf(org.organization.id, person.membershipId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: "member.update",
        entityType: "membership",
        entityLabel: "Elin Sjöberg",
        actorUserId: org.members.HR.userId,
        actorName: org.members.HR.name,
      });
      expect(events[0]!.changes).toEqual([
        { field: "role", from: "EMPLOYEE", to: "MANAGER" },
        { field: "teamId", from: org.team.id, to: mobile.id },
        { field: "team", from: "Team A", to: "Mobilappar" },
        { field: "managerId", from: null, to: org.members.MANAGER.membershipId },
        { field: "manager", from: null, to: org.members.MANAGER.name },
        { field: "title", from: "Utvecklare", to: "Teamchef" },
      ]);
      // the person page shows the new team
      const page = await as(org.members.EMPLOYEE).get({ orgSlug: org.organization.slug, membershipId: person.membershipId });
      expect(page.team).toEqual({ id: mobile.id, name: "Mobilappar" });
    });

    it("changes only what is sent, clears with null or an empty title, and records nothing when nothing changes", async () => {
      const person = await addPerson(db, org.organization.id, { teamId: org.team.id, managerId: org.members.MANAGER.membershipId, title: "Säljare" });
      await update(org.members.ADMIN, { membershipId: person.membershipId, title: "" });
      expect(await db.membership.findUnique({ where: { id: person.membershipId } })).toMatchObject({
        title: null,
        teamId: org.team.id,
        managerId: org.members.MANAGER.membershipId,
        role: "EMPLOYEE",
      });
      await update(org.members.ADMIN, { membershipId: person.membershipId, teamId: null, managerId: null });
      expect(await db.membership.findUnique({ where: { id: person.membershipId } })).toMatchObject({ teamId: null, managerId: null });
      await update(org.members.ADMIN, { membershipId: person.membershipId, teamId: null, title: null, role: "EMPLOYEE" });
      expect(await auditOf(org.organization.id, person.membershipId)).toHaveLength(2);
    });

    it("puts zod errors beside the field", async () => {
      const error = await failureOf(update(org.members.ADMIN, { membershipId: org.members.EMPLOYEE.membershipId, title: "x".repeat(121) }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.cause).toBeInstanceOf(ZodError);
      expect((error.cause as ZodError).issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["title", "tooLong"]]);
    });

    describe("HR and administrators", () => {
      it("lets HR change roles below ADMIN but not grant ADMIN", async () => {
        const person = await addPerson(db, org.organization.id);
        await update(org.members.HR, { membershipId: person.membershipId, role: "HR" });
        const error = await failureOf(update(org.members.HR, { membershipId: person.membershipId, role: "ADMIN" }));
        expect(keysOf(error)).toMatchObject({ code: "FORBIDDEN", messageKey: "people.errors.adminOnly" });
        expect((await db.membership.findUnique({ where: { id: person.membershipId } }))?.role).toBe("HR");
      });

      it("does not let HR change or deactivate an ADMIN", async () => {
        const admin = await addPerson(db, org.organization.id, { role: "ADMIN", status: "ACTIVE" });
        const edit = await failureOf(update(org.members.HR, { membershipId: admin.membershipId, title: "Vd" }));
        expect(keysOf(edit)).toMatchObject({ code: "FORBIDDEN", messageKey: "people.errors.adminOnly" });
        const demote = await failureOf(update(org.members.HR, { membershipId: admin.membershipId, role: "EMPLOYEE" }));
        expect(keysOf(demote)).toMatchObject({ code: "FORBIDDEN", messageKey: "people.errors.adminOnly" });
        const deactivate = await failureOf(as(org.members.HR).deactivate({ orgSlug: org.organization.slug, membershipId: admin.membershipId }));
        expect(keysOf(deactivate)).toMatchObject({ code: "FORBIDDEN", messageKey: "people.errors.adminOnly" });
        expect(await db.membership.findUnique({ where: { id: admin.membershipId } })).toMatchObject({ role: "ADMIN", status: "ACTIVE", title: null });
        expect(await auditOf(org.organization.id, admin.membershipId)).toEqual([]);
      });

      it("does not let HR reactivate an ADMIN", async () => {
        const admin = await addPerson(db, org.organization.id, { role: "ADMIN", status: "DEACTIVATED" });
        const error = await failureOf(as(org.members.HR).reactivate({ orgSlug: org.organization.slug, membershipId: admin.membershipId }));
        expect(keysOf(error)).toMatchObject({ code: "FORBIDDEN", messageKey: "people.errors.adminOnly" });
      });

      it("lets an ADMIN grant and take back ADMIN", async () => {
        const person = await addPerson(db, org.organization.id);
        await update(org.members.ADMIN, { membershipId: person.membershipId, role: "ADMIN" });
        await update(org.members.ADMIN, { membershipId: person.membershipId, role: "EMPLOYEE" });
        const events = await auditOf(org.organization.id, person.membershipId);
        expect(events.map((event) => event.changes)).toEqual([
          [{ field: "role", from: "EMPLOYEE", to: "ADMIN" }],
          [{ field: "role", from: "ADMIN", to: "EMPLOYEE" }],
        ]);
      });
    });

    describe("reporting lines", () => {
      it("refuses a cycle (A manages B manages C; C cannot become A's manager) with an error on managerId", async () => {
        const id = org.organization.id;
        const a = await addPerson(db, id, { name: "A" });
        const b = await addPerson(db, id, { name: "B", managerId: a.membershipId });
        const c = await addPerson(db, id, { name: "C", managerId: b.membershipId });
        for (const manager of [c, b, a]) {
          const error = await failureOf(update(org.members.ADMIN, { membershipId: a.membershipId, managerId: manager.membershipId }));
          expect(keysOf(error)).toEqual({
            code: "BAD_REQUEST",
            messageKey: "people.errors.cycle",
            fieldErrors: { managerId: ["people.errors.cycle"] },
          });
        }
        expect((await db.membership.findUnique({ where: { id: a.membershipId } }))?.managerId).toBeNull();
        // the other way round is a plain reporting line
        await update(org.members.ADMIN, { membershipId: c.membershipId, managerId: a.membershipId });
        expect(await auditOf(id, a.membershipId)).toEqual([]);
      });

      it("counts deactivated people in the chain: they keep their reports", async () => {
        const id = org.organization.id;
        const a = await addPerson(db, id, { name: "A2" });
        const b = await addPerson(db, id, { name: "B2", managerId: a.membershipId, status: "DEACTIVATED" });
        const c = await addPerson(db, id, { name: "C2", managerId: b.membershipId });
        const error = await failureOf(update(org.members.ADMIN, { membershipId: a.membershipId, managerId: c.membershipId }));
        expect(keysOf(error).fieldErrors).toEqual({ managerId: ["people.errors.cycle"] });
      });

      it("refuses a deactivated manager and an archived team beside their fields", async () => {
        const person = await addPerson(db, org.organization.id);
        const gone = await addPerson(db, org.organization.id, { status: "DEACTIVATED" });
        const archived = await addTeam(db, org.organization.id, "Gammalt", { archived: true });
        const error = await failureOf(
          update(org.members.ADMIN, { membershipId: person.membershipId, managerId: gone.membershipId, teamId: archived.id }),
        );
        expect(keysOf(error)).toMatchObject({
          code: "BAD_REQUEST",
          fieldErrors: { teamId: ["people.errors.teamArchived"], managerId: ["people.errors.managerInactive"] },
        });
      });

      it("refuses two concurrent edits that would together make a cycle", async () => {
        const id = org.organization.id;
        const a = await addPerson(db, id, { name: "Racer A" });
        const b = await addPerson(db, id, { name: "Racer B" });
        const results = await Promise.allSettled([
          update(org.members.ADMIN, { membershipId: a.membershipId, managerId: b.membershipId }),
          update(org.members.HR, { membershipId: b.membershipId, managerId: a.membershipId }),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
        const rows = await db.membership.findMany({ where: { id: { in: [a.membershipId, b.membershipId] } } });
        expect(rows.filter((row) => row.managerId !== null)).toHaveLength(1);
      });
    });

    describe("another organisation's ids", () => {
      it("answers NOT_FOUND for another organisation's membership, team or manager, and an unknown id", async () => {
        const target = org.members.EMPLOYEE.membershipId;
        const attempts = [
          { membershipId: other.members.EMPLOYEE.membershipId, title: "x" },
          { membershipId: target, teamId: other.team.id },
          { membershipId: target, managerId: other.members.MANAGER.membershipId },
          { membershipId: randomUUID(), title: "x" },
        ];
        for (const input of attempts) {
          expect((await failureOf(update(org.members.ADMIN, input))).code, JSON.stringify(input)).toBe("NOT_FOUND");
        }
        const foreign = await db.membership.findUnique({ where: { id: other.members.EMPLOYEE.membershipId } });
        expect(foreign?.title).toBeNull();
      });
    });

    describe("the last administrator", () => {
      it("cannot be demoted; with a second active ADMIN they can", async () => {
        const local = await createOrganization(db);
        const admin = local.members.ADMIN;
        const demote = () => as(admin).update({ orgSlug: local.organization.slug, membershipId: admin.membershipId, role: "HR" });
        const error = await failureOf(demote());
        expect(keysOf(error)).toEqual({ code: "CONFLICT", messageKey: "people.errors.lastAdmin", fieldErrors: { role: ["people.errors.lastAdmin"] } });
        // a deactivated ADMIN does not count
        await addPerson(db, local.organization.id, { role: "ADMIN", status: "DEACTIVATED" });
        expect(keysOf(await failureOf(demote())).messageKey).toBe("people.errors.lastAdmin");
        await addPerson(db, local.organization.id, { role: "ADMIN" });
        await expect(demote()).resolves.toMatchObject({ role: "HR" });
      });

      it("may still have their other fields changed", async () => {
        const local = await createOrganization(db);
        const admin = local.members.ADMIN;
        await expect(
          as(admin).update({ orgSlug: local.organization.slug, membershipId: admin.membershipId, title: "Vd", role: "ADMIN" }),
        ).resolves.toMatchObject({ title: "Vd", role: "ADMIN" });
      });
    });

    describe("optimistic concurrency", () => {
      it("refuses a save based on an old version, naming who changed it", async () => {
        const person = await addPerson(db, org.organization.id);
        const [seen] = (await as(org.members.ADMIN).list({ orgSlug: org.organization.slug, search: person.name })).items;
        await update(org.members.HR, { membershipId: person.membershipId, title: "Först" });
        const error = await failureOf(
          update(org.members.ADMIN, { membershipId: person.membershipId, title: "Sedan", expectedUpdatedAt: seen!.updatedAt }),
        );
        expect(keysOf(error)).toMatchObject({ code: "CONFLICT", messageKey: "people.errors.changedBy" });
        expect((error.cause as { params?: unknown }).params).toEqual({ name: org.members.HR.name });
        const [fresh] = (await as(org.members.ADMIN).list({ orgSlug: org.organization.slug, search: person.name })).items;
        await expect(
          update(org.members.ADMIN, { membershipId: person.membershipId, title: "Sedan", expectedUpdatedAt: fresh!.updatedAt }),
        ).resolves.toMatchObject({ title: "Sedan" });
      });
    });
  });

  describe("member.deactivate and member.reactivate", () => {
    let org: TestOrganization;
    beforeAll(async () => {
      org = await createOrganization(db, { name: "Leavers" });
    });
    const deactivate = (actor: TestMember, membershipId: string, reason?: string) =>
      as(actor).deactivate({ orgSlug: org.organization.slug, membershipId, reason });
    const reactivate = (actor: TestMember, membershipId: string) => as(actor).reactivate({ orgSlug: org.organization.slug, membershipId });

    it("ends the person's access to this organisation at once and leaves their other organisation alone", async () => {
      const user = await createUser(db, { name: "Two Places" });
      const here = await addMember(db, org.organization.id, user.id, "HR");
      await addMember(db, other.organization.id, user.id, "EMPLOYEE");
      const me = () => callerFor(db, user.id).member.me({ orgSlug: org.organization.slug });
      await expect(me()).resolves.toMatchObject({ role: "HR" });

      const result = await deactivate(org.members.ADMIN, here.id, "Slutat");
      expect(result).toEqual({ membershipId: here.id, status: "DEACTIVATED", reports: [] });
      expect((await failureOf(me())).code).toBe("NOT_FOUND");
      expect((await failureOf(callerFor(db, user.id).member.list({ orgSlug: org.organization.slug }))).code).toBe("NOT_FOUND");
      await expect(callerFor(db, user.id).member.me({ orgSlug: other.organization.slug })).resolves.toMatchObject({ role: "EMPLOYEE" });

      const row = await db.membership.findUnique({ where: { id: here.id } });
      expect(row).toMatchObject({ status: "DEACTIVATED", deactivatedAt: expect.any(Date) as Date });

      await expect(reactivate(org.members.HR, here.id)).resolves.toMatchObject({ status: "ACTIVE" });
      await expect(me()).resolves.toMatchObject({ role: "HR" });
      expect((await db.membership.findUnique({ where: { id: here.id } }))?.deactivatedAt).toBeNull();

      const events = await auditOf(org.organization.id, here.id);
      expect(events.map((event) => [event.action, event.actorName, event.entityLabel, event.changes])).toEqual([
        [
          "member.deactivate",
          org.members.ADMIN.name,
          "Two Places",
          [
            { field: "status", from: "ACTIVE", to: "DEACTIVATED" },
            { field: "reason", from: null, to: "Slutat" },
          ],
        ],
        ["member.reactivate", org.members.HR.name, "Two Places", [{ field: "status", from: "DEACTIVATED", to: "ACTIVE" }]],
      ]);
    });

    it("keeps the reports' manager and lists them so HR can reassign them", async () => {
      const boss = await addPerson(db, org.organization.id, { name: "Boss" });
      const first = await addPerson(db, org.organization.id, { name: "Ada", managerId: boss.membershipId });
      const second = await addPerson(db, org.organization.id, { name: "Bert", managerId: boss.membershipId });
      await addPerson(db, org.organization.id, { name: "Gone", managerId: boss.membershipId, status: "DEACTIVATED" });
      const result = await deactivate(org.members.HR, boss.membershipId);
      expect(result.reports).toEqual([
        { membershipId: first.membershipId, name: "Ada" },
        { membershipId: second.membershipId, name: "Bert" },
      ]);
      const reports = await db.membership.findMany({ where: { id: { in: [first.membershipId, second.membershipId] } } });
      expect(reports.map((r) => r.managerId)).toEqual([boss.membershipId, boss.membershipId]);
      // and a deactivated manager is no choice for a new reporting line
      const error = await failureOf(
        as(org.members.HR).update({ orgSlug: org.organization.slug, membershipId: org.members.EMPLOYEE.membershipId, managerId: boss.membershipId }),
      );
      expect(keysOf(error).fieldErrors).toEqual({ managerId: ["people.errors.managerInactive"] });
    });

    it("does not let anyone deactivate themselves", async () => {
      for (const role of ["ADMIN", "HR"] as const) {
        const error = await failureOf(deactivate(org.members[role], org.members[role].membershipId));
        expect(keysOf(error)).toMatchObject({ code: "FORBIDDEN", messageKey: "people.errors.notYourself" });
      }
    });

    it("lets one ADMIN deactivate another while an active ADMIN remains", async () => {
      const second = await addPerson(db, org.organization.id, { role: "ADMIN" });
      await expect(deactivate(org.members.ADMIN, second.membershipId)).resolves.toMatchObject({ status: "DEACTIVATED" });
      await expect(reactivate(org.members.ADMIN, second.membershipId)).resolves.toMatchObject({ status: "ACTIVE" });
    });

    it("changes nothing and records nothing when the status is already the one asked for", async () => {
      const person = await addPerson(db, org.organization.id);
      await reactivate(org.members.HR, person.membershipId);
      await deactivate(org.members.HR, person.membershipId);
      await deactivate(org.members.HR, person.membershipId);
      expect((await auditOf(org.organization.id, person.membershipId)).map((event) => event.action)).toEqual(["member.deactivate"]);
    });

    it("answers NOT_FOUND for another organisation's membership", async () => {
      const target = other.members.EMPLOYEE.membershipId;
      expect((await failureOf(deactivate(org.members.ADMIN, target))).code).toBe("NOT_FOUND");
      expect((await failureOf(reactivate(org.members.ADMIN, target))).code).toBe("NOT_FOUND");
      expect((await db.membership.findUnique({ where: { id: target } }))?.status).toBe("ACTIVE");
    });
  });
});
