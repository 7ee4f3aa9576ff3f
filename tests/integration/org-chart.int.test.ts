import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { callerFor, createOrganization, ROLES, type TestOrganization } from "../factories";
import { createPerson, createTeam, makeLead } from "../factories/teams";
import { createTestDatabase } from "../support/test-db";
import { codeOf } from "../support/trpc-errors";

describe("org chart", () => {
  let db: Db;
  let org: TestOrganization;
  let other: TestOrganization;
  let orgSlug: string;
  const people = {} as Record<"ceo" | "cto" | "lead" | "dev" | "loner" | "archivedMember", { membershipId: string; name: string }>;
  let tech: { id: string };
  let platform: { id: string };

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    org = await createOrganization(db, { name: "Chart Org" });
    other = await createOrganization(db, { name: "Other Org" });
    orgSlug = org.organization.slug;
    const orgId = org.organization.id;

    // Tech ── Platform, plus an archived team and Team A from the factory
    tech = await createTeam(db, orgId, { name: "Tech" });
    platform = await createTeam(db, orgId, { name: "Platform", parentTeamId: tech.id });
    const archived = await createTeam(db, orgId, { name: "Old team", archived: true });

    people.ceo = await createPerson(db, orgId, { name: "Cecilia Chief", title: "CEO", role: "ADMIN" });
    people.cto = await createPerson(db, orgId, { name: "Tor Tech", title: "CTO", role: "MANAGER", teamId: tech.id, managerId: people.ceo.membershipId });
    people.lead = await createPerson(db, orgId, { name: "Lea Lead", title: "Team lead", role: "MANAGER", teamId: platform.id, managerId: people.cto.membershipId });
    people.dev = await createPerson(db, orgId, { name: "Dag Dev", title: "Developer", teamId: platform.id, managerId: people.lead.membershipId });
    people.loner = await createPerson(db, orgId, { name: "Lo Ner", title: null });
    people.archivedMember = await createPerson(db, orgId, { name: "Arne Archived", teamId: archived.id });
    await createPerson(db, orgId, { name: "Gus Gone", teamId: platform.id, deactivated: true });
    await makeLead(db, orgId, tech.id, people.cto.membershipId);
    await makeLead(db, orgId, platform.id, people.lead.membershipId);
    await makeLead(db, orgId, archived.id, people.archivedMember.membershipId);

    // the other organisation has a look-alike tree that must never show here
    const foreignTech = await createTeam(db, other.organization.id, { name: "Tech" });
    await createPerson(db, other.organization.id, { name: "Foreign Person", teamId: foreignTech.id });
  });

  describe("orgChart.get", () => {
    it("shows the active teams in order, with leads, active people and head-counts", async () => {
      const chart = await callerFor(db, org.members.EMPLOYEE.userId).orgChart.get({ orgSlug });
      expect(chart.teams.map((team) => [team.name, team.depth, team.people.length, team.totalHeadCount])).toEqual([
        ["Team A", 0, 4, 4],
        ["Tech", 0, 1, 3],
        ["Platform", 1, 2, 2],
      ]);
      const platformEntry = chart.teams.find((team) => team.id === platform.id)!;
      expect(platformEntry.parentTeamId).toBe(tech.id);
      expect(platformEntry.leads).toEqual([{ membershipId: people.lead.membershipId, name: "Lea Lead" }]);
      expect(platformEntry.people).toEqual([
        { membershipId: people.dev.membershipId, name: "Dag Dev", title: "Developer", role: "EMPLOYEE" },
        { membershipId: people.lead.membershipId, name: "Lea Lead", title: "Team lead", role: "MANAGER" },
      ]);
      expect(chart.teams.find((team) => team.id === tech.id)!.childIds).toEqual([platform.id]);
    });

    it("lists people without a team, and those in archived teams, apart", async () => {
      const chart = await callerFor(db, org.members.EMPLOYEE.userId).orgChart.get({ orgSlug });
      expect(chart.withoutTeam.map((person) => person.name)).toEqual(["Arne Archived", "Cecilia Chief", "Lo Ner"]);
      expect(chart.teams.map((team) => team.name)).not.toContain("Old team");
    });

    it("holds nothing of another organisation", async () => {
      const chart = await callerFor(db, org.members.ADMIN.userId).orgChart.get({ orgSlug });
      const text = JSON.stringify(chart);
      expect(text).not.toContain("Foreign Person");
      expect(chart.teams.filter((team) => team.name === "Tech")).toHaveLength(1);
    });

    it.each(ROLES)("may be read by a %s", async (role) => {
      expect(await codeOf(callerFor(db, org.members[role].userId).orgChart.get({ orgSlug }))).toBe("OK");
    });
  });

  describe("orgChart.managerChain", () => {
    it("lists the managers up to the top, nearest first", async () => {
      const chain = await callerFor(db, org.members.EMPLOYEE.userId).orgChart.managerChain({ orgSlug, membershipId: people.dev.membershipId });
      expect(chain).toEqual([
        { membershipId: people.lead.membershipId, name: "Lea Lead", title: "Team lead", active: true },
        { membershipId: people.cto.membershipId, name: "Tor Tech", title: "CTO", active: true },
        { membershipId: people.ceo.membershipId, name: "Cecilia Chief", title: "CEO", active: true },
      ]);
    });

    it("is empty at the top", async () => {
      const chain = await callerFor(db, org.members.HR.userId).orgChart.managerChain({ orgSlug, membershipId: people.ceo.membershipId });
      expect(chain).toEqual([]);
    });

    it.each(ROLES)("may be read by a %s", async (role) => {
      const call = callerFor(db, org.members[role].userId).orgChart.managerChain({ orgSlug, membershipId: people.dev.membershipId });
      expect(await codeOf(call)).toBe("OK");
    });

    it("marks a deactivated manager", async () => {
      const orgId = org.organization.id;
      const boss = await createPerson(db, orgId, { name: "Bo Gone", deactivated: true });
      const report = await createPerson(db, orgId, { name: "Rita Report", managerId: boss.membershipId });
      const chain = await callerFor(db, org.members.ADMIN.userId).orgChart.managerChain({ orgSlug, membershipId: report.membershipId });
      expect(chain).toEqual([{ membershipId: boss.membershipId, name: "Bo Gone", title: null, active: false }]);
    });

    it("stops on a cycle that slipped into the data", async () => {
      const orgId = org.organization.id;
      const a = await createPerson(db, orgId, { name: "Ann Loop" });
      const b = await createPerson(db, orgId, { name: "Ben Loop", managerId: a.membershipId });
      await db.membership.update({ where: { id: a.membershipId }, data: { managerId: b.membershipId } });
      const chain = await callerFor(db, org.members.ADMIN.userId).orgChart.managerChain({ orgSlug, membershipId: a.membershipId });
      expect(chain.map((link) => link.name)).toEqual(["Ben Loop"]);
    });

    it("stops at a depth of 50", async () => {
      const orgId = org.organization.id;
      let managerId: string | null = null;
      let last = "";
      for (let level = 0; level < 55; level++) {
        const person: { membershipId: string } = await createPerson(db, orgId, { name: `Level ${level}`, managerId });
        managerId = person.membershipId;
        last = person.membershipId;
      }
      const chain = await callerFor(db, org.members.ADMIN.userId).orgChart.managerChain({ orgSlug, membershipId: last });
      expect(chain).toHaveLength(50);
      expect(chain[0]!.name).toBe("Level 53");
      expect(chain.at(-1)!.name).toBe("Level 4");
    });

    it("answers NOT_FOUND for another organisation's member or an unknown id", async () => {
      const caller = callerFor(db, org.members.ADMIN.userId).orgChart;
      expect(await codeOf(caller.managerChain({ orgSlug, membershipId: other.members.EMPLOYEE.membershipId }))).toBe("NOT_FOUND");
      expect(await codeOf(caller.managerChain({ orgSlug, membershipId: randomUUID() }))).toBe("NOT_FOUND");
      // and a member of the other organisation cannot read this one's chain through their own slug
      const foreign = callerFor(db, other.members.ADMIN.userId).orgChart;
      const asked = foreign.managerChain({ orgSlug: other.organization.slug, membershipId: people.dev.membershipId });
      expect(await codeOf(asked)).toBe("NOT_FOUND");
    });
  });
});
