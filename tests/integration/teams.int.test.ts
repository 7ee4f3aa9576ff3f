import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { callerFor, createOrganization, type TestOrganization } from "../factories";
import { createPerson, createTeam, createTeamPath, makeLead } from "../factories/teams";
import { createTestDatabase } from "../support/test-db";
import { failureOf } from "../support/trpc-errors";

/** The AppError behind a failure: its message key and field errors. */
async function appErrorOf(promise: Promise<unknown>) {
  const error = await failureOf(promise);
  const cause = error.cause as { messageKey?: string; fieldErrors?: Record<string, string[]>; params?: Record<string, unknown> };
  return { code: error.code, messageKey: cause?.messageKey, fieldErrors: cause?.fieldErrors, params: cause?.params };
}

describe("teams", () => {
  let db: Db;
  let other: TestOrganization;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    other = await createOrganization(db, { name: "Other Org" });
  });

  /** A fresh organisation per test, so tests do not see each other's teams. */
  async function setup() {
    const org = await createOrganization(db);
    const admin = callerFor(db, org.members.ADMIN.userId).team;
    const orgSlug = org.organization.slug;
    const auditOf = (entityId: string) =>
      db.auditEvent.findMany({ where: { organizationId: org.organization.id, entityId }, orderBy: { createdAt: "asc" } });
    return { org, admin, orgSlug, auditOf };
  }

  describe("permissions", () => {
    it.each(["HR", "MANAGER", "EMPLOYEE"] as const)("refuses a %s every team procedure with FORBIDDEN", async (role) => {
      const { org, orgSlug } = await setup();
      const team = callerFor(db, org.members[role].userId).team;
      const teamId = org.team.id;
      // thunks: a promise made early would reject unobserved while an earlier one is awaited
      const calls: (() => Promise<unknown>)[] = [
        () => team.tree({ orgSlug }),
        () => team.leadCandidates({ orgSlug }),
        () => team.create({ orgSlug, name: "New" }),
        () => team.rename({ orgSlug, teamId, name: "Renamed" }),
        () => team.move({ orgSlug, teamId, parentTeamId: null }),
        () => team.setLeads({ orgSlug, teamId, membershipIds: [] }),
        () => team.archive({ orgSlug, teamId }),
        () => team.unarchive({ orgSlug, teamId }),
      ];
      for (const call of calls) expect((await failureOf(call())).code).toBe("FORBIDDEN");
      // and nothing changed
      expect(await db.team.findMany({ where: { organizationId: org.organization.id } })).toHaveLength(1);
      expect(await db.auditEvent.count({ where: { organizationId: org.organization.id } })).toBe(0);
    });
  });

  describe("team.tree", () => {
    it("lists every team in order with parent, leads, archived flag and active head-counts", async () => {
      const { org, admin, orgSlug } = await setup();
      const orgId = org.organization.id;
      const [sales, north] = await createTeamPath(db, orgId, ["Sales", "North"]);
      const east = await createTeam(db, orgId, { name: "East", parentTeamId: north!.id });
      const old = await createTeam(db, orgId, { name: "Old", parentTeamId: sales!.id, archived: true });
      const head = await createPerson(db, orgId, { name: "Zed Head", teamId: sales!.id });
      await createPerson(db, orgId, { teamId: north!.id });
      await createPerson(db, orgId, { teamId: north!.id });
      await createPerson(db, orgId, { teamId: east.id });
      await createPerson(db, orgId, { teamId: old.id });
      await createPerson(db, orgId, { teamId: east.id, deactivated: true });
      const gone = await createPerson(db, orgId, { teamId: sales!.id, deactivated: true });
      await makeLead(db, orgId, sales!.id, head.membershipId);
      await makeLead(db, orgId, sales!.id, org.members.MANAGER.membershipId);
      await makeLead(db, orgId, north!.id, gone.membershipId);

      const { teams } = await admin.tree({ orgSlug });
      expect(teams.map((team) => [team.name, team.depth, team.directHeadCount, team.totalHeadCount, team.archived])).toEqual([
        ["Sales", 0, 1, 5, false],
        ["North", 1, 2, 3, false],
        ["East", 2, 1, 1, false],
        ["Old", 1, 1, 1, true],
        ["Team A", 0, 4, 4, false],
      ]);
      const byName = new Map(teams.map((team) => [team.name, team]));
      expect(byName.get("North")!.parentTeamId).toBe(sales!.id);
      expect(byName.get("Sales")!.childIds).toEqual([north!.id, old.id]);
      // leads by name, deactivated leads left out
      expect(byName.get("Sales")!.leads).toEqual([
        { membershipId: org.members.MANAGER.membershipId, name: org.members.MANAGER.name },
        { membershipId: head.membershipId, name: "Zed Head" },
      ]);
      expect(byName.get("North")!.leads).toEqual([]);
    });

    it("shows only the organisation's own teams", async () => {
      const { admin, orgSlug } = await setup();
      await createTeam(db, other.organization.id, { name: "Foreign" });
      const { teams } = await admin.tree({ orgSlug });
      expect(teams.map((team) => team.name)).toEqual(["Team A"]);
    });
  });

  describe("team.leadCandidates", () => {
    it("lists the active people by name with their team", async () => {
      const { org, admin, orgSlug } = await setup();
      await createPerson(db, org.organization.id, { name: "Aaa First", title: "Lead dev" });
      await createPerson(db, org.organization.id, { name: "Aab Gone", deactivated: true });
      const candidates = await admin.leadCandidates({ orgSlug });
      expect(candidates).toHaveLength(5);
      const { membershipId: _, ...first } = candidates[0]!;
      expect(first).toEqual({ name: "Aaa First", title: "Lead dev", teamName: null });
      expect(candidates.find((c) => c.membershipId === org.members.HR.membershipId)?.teamName).toBe("Team A");
      expect(candidates.map((c) => c.name)).not.toContain("Aab Gone");
    });
  });

  describe("team.create", () => {
    it("creates a department and a team under it, trimmed, and audits both", async () => {
      const { org, admin, orgSlug, auditOf } = await setup();
      const department = await admin.create({ orgSlug, name: "  Produkt   och teknik " });
      expect(department).toEqual({ id: department.id, name: "Produkt och teknik", parentTeamId: null, archived: false });
      expect(await db.team.count({ where: { id: department.id, organizationId: org.organization.id } })).toBe(1);
      const team = await admin.create({ orgSlug, name: "Plattform", parentTeamId: department.id });
      expect(team.parentTeamId).toBe(department.id);

      const [created] = await auditOf(team.id);
      expect(created).toMatchObject({
        action: "team.create",
        entityType: "team",
        entityLabel: "Plattform",
        actorUserId: org.members.ADMIN.userId,
        actorName: org.members.ADMIN.name,
        changes: [
          { field: "name", from: null, to: "Plattform" },
          { field: "parentTeamId", from: null, to: department.id },
          { field: "parentTeamName", from: null, to: "Produkt och teknik" },
        ],
      });
      expect((await auditOf(department.id))[0]!.changes).toEqual([{ field: "name", from: null, to: "Produkt och teknik" }]);
    });

    it("refuses a name an active sibling has, ignoring case and spaces, as a field error", async () => {
      const { org, admin, orgSlug } = await setup();
      const parent = await createTeam(db, org.organization.id, { name: "Sales" });
      await createTeam(db, org.organization.id, { name: "North", parentTeamId: parent.id });
      const failure = await appErrorOf(admin.create({ orgSlug, name: "  NORTH ", parentTeamId: parent.id }));
      expect(failure).toMatchObject({ code: "CONFLICT", messageKey: "teams.errors.nameTaken", fieldErrors: { name: ["teams.errors.nameTaken"] } });
      expect((await failureOf(admin.create({ orgSlug, name: "team a" }))).code).toBe("CONFLICT");
      // the same name elsewhere in the tree, or beside an archived team, is fine
      await admin.create({ orgSlug, name: "North" });
      await createTeam(db, org.organization.id, { name: "South", parentTeamId: parent.id, archived: true });
      await admin.create({ orgSlug, name: "south", parentTeamId: parent.id });
    });

    it("refuses a parent that is archived, and answers NOT_FOUND for another organisation's", async () => {
      const { org, admin, orgSlug } = await setup();
      const archived = await createTeam(db, org.organization.id, { name: "Old", archived: true });
      expect(await appErrorOf(admin.create({ orgSlug, name: "New", parentTeamId: archived.id }))).toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: { parentTeamId: ["teams.errors.parentArchived"] },
      });
      expect((await failureOf(admin.create({ orgSlug, name: "New", parentTeamId: other.team.id }))).code).toBe("NOT_FOUND");
      expect((await failureOf(admin.create({ orgSlug, name: "New", parentTeamId: randomUUID() }))).code).toBe("NOT_FOUND");
      expect(await db.team.count({ where: { organizationId: other.organization.id, name: "New" } })).toBe(0);
    });

    it("refuses an empty or too long name beside the field", async () => {
      const { admin, orgSlug } = await setup();
      const empty = await failureOf(admin.create({ orgSlug, name: "   " }));
      expect(empty.code).toBe("BAD_REQUEST");
      expect((await appErrorOf(admin.create({ orgSlug, name: "x".repeat(101) }))).code).toBe("BAD_REQUEST");
    });

    it("refuses an organizationId smuggled into the input", async () => {
      const { admin, orgSlug } = await setup();
      const smuggled = { orgSlug, name: "Sneaky", organizationId: other.organization.id } as unknown as Parameters<typeof admin.create>[0];
      expect((await failureOf(admin.create(smuggled))).code).toBe("BAD_REQUEST");
    });
  });

  describe("team.rename", () => {
    it("renames and audits old → new", async () => {
      const { org, admin, orgSlug, auditOf } = await setup();
      const renamed = await admin.rename({ orgSlug, teamId: org.team.id, name: " Plattform " });
      expect(renamed.name).toBe("Plattform");
      const [entry] = await auditOf(org.team.id);
      expect(entry).toMatchObject({ action: "team.rename", entityLabel: "Plattform", changes: [{ field: "name", from: "Team A", to: "Plattform" }] });
    });

    it("allows a change of case of its own name, and writes nothing when the name is unchanged", async () => {
      const { org, admin, orgSlug, auditOf } = await setup();
      await admin.rename({ orgSlug, teamId: org.team.id, name: "TEAM A" });
      await admin.rename({ orgSlug, teamId: org.team.id, name: "TEAM A" });
      expect((await auditOf(org.team.id)).map((entry) => entry.action)).toEqual(["team.rename"]);
    });

    it("refuses a sibling's name", async () => {
      const { org, admin, orgSlug } = await setup();
      await createTeam(db, org.organization.id, { name: "Ekonomi" });
      expect(await appErrorOf(admin.rename({ orgSlug, teamId: org.team.id, name: "ekonomi" }))).toMatchObject({
        code: "CONFLICT",
        fieldErrors: { name: ["teams.errors.nameTaken"] },
      });
    });

    it("answers NOT_FOUND for another organisation's team and leaves it alone", async () => {
      const { admin, orgSlug } = await setup();
      expect((await failureOf(admin.rename({ orgSlug, teamId: other.team.id, name: "Hijacked" }))).code).toBe("NOT_FOUND");
      expect((await db.team.findUnique({ where: { id: other.team.id } }))!.name).toBe("Team A");
    });
  });

  describe("team.move", () => {
    it("moves a team under another and back to top level, auditing old → new", async () => {
      const { org, admin, orgSlug, auditOf } = await setup();
      const sales = await createTeam(db, org.organization.id, { name: "Sales" });
      const moved = await admin.move({ orgSlug, teamId: org.team.id, parentTeamId: sales.id });
      expect(moved.parentTeamId).toBe(sales.id);
      await admin.move({ orgSlug, teamId: org.team.id, parentTeamId: null });
      const entries = await auditOf(org.team.id);
      expect(entries.map((entry) => [entry.action, entry.changes])).toEqual([
        [
          "team.move",
          [
            { field: "parentTeamId", from: null, to: sales.id },
            { field: "parentTeamName", from: null, to: "Sales" },
          ],
        ],
        [
          "team.move",
          [
            { field: "parentTeamId", from: sales.id, to: null },
            { field: "parentTeamName", from: "Sales", to: null },
          ],
        ],
      ]);
      // a move to where the team already is writes nothing
      await admin.move({ orgSlug, teamId: org.team.id, parentTeamId: null });
      expect(await auditOf(org.team.id)).toHaveLength(2);
    });

    it("refuses a move under itself, its child or its grandchild", async () => {
      const { org, admin, orgSlug, auditOf } = await setup();
      const [a, child, grandchild] = await createTeamPath(db, org.organization.id, ["A", "B", "C"]);
      for (const parent of [a!, child!, grandchild!]) {
        expect(await appErrorOf(admin.move({ orgSlug, teamId: a!.id, parentTeamId: parent.id }))).toMatchObject({
          code: "BAD_REQUEST",
          messageKey: "teams.errors.cycle",
          fieldErrors: { parentTeamId: ["teams.errors.cycle"] },
        });
      }
      expect((await db.team.findUnique({ where: { id: a!.id } }))!.parentTeamId).toBeNull();
      expect(await auditOf(a!.id)).toHaveLength(0);
      // moving the grandchild up is no cycle
      await admin.move({ orgSlug, teamId: grandchild!.id, parentTeamId: a!.id });
    });

    it("never lets two concurrent moves make a cycle together", async () => {
      const { org, admin, orgSlug } = await setup();
      const a = await createTeam(db, org.organization.id, { name: "A" });
      const b = await createTeam(db, org.organization.id, { name: "B" });
      const results = await Promise.allSettled([
        admin.move({ orgSlug, teamId: a.id, parentTeamId: b.id }),
        admin.move({ orgSlug, teamId: b.id, parentTeamId: a.id }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const rows = await db.team.findMany({ where: { id: { in: [a.id, b.id] } } });
      expect(rows.filter((row) => row.parentTeamId !== null)).toHaveLength(1);
    });

    it("refuses a move into an archived team", async () => {
      const { org, admin, orgSlug } = await setup();
      const archived = await createTeam(db, org.organization.id, { name: "Old", archived: true });
      expect(await appErrorOf(admin.move({ orgSlug, teamId: org.team.id, parentTeamId: archived.id }))).toMatchObject({
        code: "BAD_REQUEST",
        messageKey: "teams.errors.parentArchived",
      });
    });

    it("refuses a move beside a sibling of the same name", async () => {
      const { org, admin, orgSlug } = await setup();
      const sales = await createTeam(db, org.organization.id, { name: "Sales" });
      await createTeam(db, org.organization.id, { name: "team a", parentTeamId: sales.id });
      expect((await appErrorOf(admin.move({ orgSlug, teamId: org.team.id, parentTeamId: sales.id }))).code).toBe("CONFLICT");
    });

    it("answers NOT_FOUND for a move under another organisation's team, or of it", async () => {
      const { org, admin, orgSlug } = await setup();
      expect((await failureOf(admin.move({ orgSlug, teamId: org.team.id, parentTeamId: other.team.id }))).code).toBe("NOT_FOUND");
      expect((await failureOf(admin.move({ orgSlug, teamId: other.team.id, parentTeamId: org.team.id }))).code).toBe("NOT_FOUND");
      expect((await failureOf(admin.move({ orgSlug, teamId: other.team.id, parentTeamId: null }))).code).toBe("NOT_FOUND");
      expect((await db.team.findUnique({ where: { id: org.team.id } }))!.parentTeamId).toBeNull();
    });
  });

  describe("team.setLeads", () => {
    it("sets, replaces and clears the leads, auditing old → new", async () => {
      const { org, admin, orgSlug, auditOf } = await setup();
      const manager = { membershipId: org.members.MANAGER.membershipId, name: org.members.MANAGER.name };
      const hr = { membershipId: org.members.HR.membershipId, name: org.members.HR.name };
      const first = await admin.setLeads({ orgSlug, teamId: org.team.id, membershipIds: [manager.membershipId, hr.membershipId, hr.membershipId] });
      expect(first.leads).toEqual([hr, manager]);
      const second = await admin.setLeads({ orgSlug, teamId: org.team.id, membershipIds: [manager.membershipId] });
      expect(second.leads).toEqual([manager]);
      // unchanged leads write nothing
      await admin.setLeads({ orgSlug, teamId: org.team.id, membershipIds: [manager.membershipId] });
      await admin.setLeads({ orgSlug, teamId: org.team.id, membershipIds: [] });
      const { teams } = await admin.tree({ orgSlug });
      expect(teams[0]!.leads).toEqual([]);

      const entries = await auditOf(org.team.id);
      expect(entries.map((entry) => entry.action)).toEqual(["team.setLeads", "team.setLeads", "team.setLeads"]);
      expect(entries[1]!.changes).toEqual([
        { field: "leadMembershipIds", from: [hr.membershipId, manager.membershipId].sort(), to: [manager.membershipId] },
        { field: "leads", from: [hr.name, manager.name], to: [manager.name] },
      ]);
      expect(entries[2]!.changes).toContainEqual({ field: "leads", from: [manager.name], to: [] });
    });

    it("answers NOT_FOUND for another organisation's member or team, changing nothing", async () => {
      const { org, admin, orgSlug } = await setup();
      await makeLead(db, org.organization.id, org.team.id, org.members.MANAGER.membershipId);
      const foreignMember = admin.setLeads({
        orgSlug,
        teamId: org.team.id,
        membershipIds: [org.members.HR.membershipId, other.members.MANAGER.membershipId],
      });
      expect((await failureOf(foreignMember)).code).toBe("NOT_FOUND");
      const foreignTeam = admin.setLeads({ orgSlug, teamId: other.team.id, membershipIds: [org.members.HR.membershipId] });
      expect((await failureOf(foreignTeam)).code).toBe("NOT_FOUND");
      expect(await db.teamLead.findMany({ where: { teamId: { in: [org.team.id, other.team.id] } }, select: { membershipId: true } })).toEqual([
        { membershipId: org.members.MANAGER.membershipId },
      ]);
    });

    it("refuses a deactivated member beside the field", async () => {
      const { org, admin, orgSlug } = await setup();
      const gone = await createPerson(db, org.organization.id, { deactivated: true });
      expect(await appErrorOf(admin.setLeads({ orgSlug, teamId: org.team.id, membershipIds: [gone.membershipId] }))).toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: { membershipIds: ["teams.errors.leadInactive"] },
      });
    });
  });

  describe("team.archive and team.unarchive", () => {
    it("archives a team, keeps its people in place, and restores it, auditing both", async () => {
      const { org, admin, orgSlug, auditOf } = await setup();
      const archived = await admin.archive({ orgSlug, teamId: org.team.id });
      expect(archived.archived).toBe(true);
      expect(await db.membership.count({ where: { teamId: org.team.id } })).toBe(4);
      // archiving again answers the team as it is and writes nothing
      await admin.archive({ orgSlug, teamId: org.team.id });
      const restored = await admin.unarchive({ orgSlug, teamId: org.team.id });
      expect(restored.archived).toBe(false);
      await admin.unarchive({ orgSlug, teamId: org.team.id });

      const entries = await auditOf(org.team.id);
      expect(entries.map((entry) => entry.action)).toEqual(["team.archive", "team.unarchive"]);
      const archivedAt = (entries[0]!.changes as { to: string }[])[0]!.to;
      expect(new Date(archivedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(entries[0]!.changes).toEqual([{ field: "archivedAt", from: null, to: archivedAt }]);
      expect(entries[1]!.changes).toEqual([{ field: "archivedAt", from: archivedAt, to: null }]);
    });

    it("refuses to archive a team with active sub-teams, with a clear message", async () => {
      const { org, admin, orgSlug } = await setup();
      await createTeam(db, org.organization.id, { name: "Child 1", parentTeamId: org.team.id });
      await createTeam(db, org.organization.id, { name: "Child 2", parentTeamId: org.team.id });
      await createTeam(db, org.organization.id, { name: "Old", parentTeamId: org.team.id, archived: true });
      expect(await appErrorOf(admin.archive({ orgSlug, teamId: org.team.id }))).toMatchObject({
        code: "BAD_REQUEST",
        messageKey: "teams.errors.hasActiveSubTeams",
        params: { count: 2 },
      });
      expect((await db.team.findUnique({ where: { id: org.team.id } }))!.archivedAt).toBeNull();
    });

    it("archives a team whose sub-teams are all archived", async () => {
      const { org, admin, orgSlug } = await setup();
      await createTeam(db, org.organization.id, { name: "Old", parentTeamId: org.team.id, archived: true });
      expect((await admin.archive({ orgSlug, teamId: org.team.id })).archived).toBe(true);
    });

    it("restores a team only under an active parent and while its name is free", async () => {
      const { org, admin, orgSlug } = await setup();
      const parent = await createTeam(db, org.organization.id, { name: "Parent", archived: true });
      const child = await createTeam(db, org.organization.id, { name: "Child", parentTeamId: parent.id, archived: true });
      expect(await appErrorOf(admin.unarchive({ orgSlug, teamId: child.id }))).toMatchObject({
        code: "BAD_REQUEST",
        messageKey: "teams.errors.restoreParentFirst",
      });
      await createTeam(db, org.organization.id, { name: "PARENT" });
      expect((await appErrorOf(admin.unarchive({ orgSlug, teamId: parent.id }))).code).toBe("CONFLICT");
    });

    it("answers NOT_FOUND for another organisation's team", async () => {
      const { admin, orgSlug } = await setup();
      expect((await failureOf(admin.archive({ orgSlug, teamId: other.team.id }))).code).toBe("NOT_FOUND");
      expect((await failureOf(admin.unarchive({ orgSlug, teamId: other.team.id }))).code).toBe("NOT_FOUND");
      expect((await db.team.findUnique({ where: { id: other.team.id } }))!.archivedAt).toBeNull();
    });
  });
});
