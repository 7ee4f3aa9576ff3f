import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/server/auth/authenticate";
import { ZNewPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { buildDemoData } from "../../prisma/seed/demo-data";
import { seedDemo } from "../../prisma/seed/demo";
import { createTestDatabase } from "../support/test-db";

async function counts(db: Db) {
  const [users, organizations, memberships, teams, teamLeads, periods] = await Promise.all([
    db.user.count(),
    db.organization.count(),
    db.membership.count(),
    db.team.count(),
    db.teamLead.count(),
    db.goalPeriod.count(),
  ]);
  return { users, organizations, memberships, teams, teamLeads, periods };
}

describe("demo seed", () => {
  let db: Db;
  let firstRun: { created: boolean };

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    firstRun = await seedDemo(db);
  });

  const organization = (slug: string) =>
    db.organization.findUniqueOrThrow({
      where: { slug },
      include: { memberships: { include: { user: true } }, teams: { include: { leads: true } }, periods: true },
    });

  it("creates the data on an empty database", () => {
    expect(firstRun).toEqual({ created: true });
  });

  it("uses a demo password that the sign-up rules accept", () => {
    expect(ZNewPassword.safeParse(DEMO_PASSWORD).success).toBe(true);
  });

  it("builds identical data on every call", () => {
    expect(buildDemoData()).toEqual(buildDemoData());
  });

  it("seeds Exempel AB with departments, teams and a full reporting tree", async () => {
    const org = await organization("exempel-ab");
    expect(org.name).toBe("Exempel AB");
    expect(org.locale).toBe("sv");
    expect(org.settings).toEqual({});

    const active = org.memberships.filter((m) => m.status === "ACTIVE");
    expect(active.length).toBeGreaterThanOrEqual(40);

    const departments = org.teams.filter((t) => t.parentTeamId === null);
    expect(departments).toHaveLength(3);
    const departmentIds = new Set(departments.map((d) => d.id));
    const teams = org.teams.filter((t) => t.parentTeamId !== null);
    expect(teams).toHaveLength(8);
    expect(teams.every((t) => departmentIds.has(t.parentTeamId!))).toBe(true);
    expect(org.teams.every((t) => t.leads.length >= 1)).toBe(true);

    const tops = org.memberships.filter((m) => m.managerId === null);
    expect(tops.map((m) => m.user.email)).toEqual(["admin@exempel.se"]);

    for (const role of ["ADMIN", "HR", "MANAGER", "EMPLOYEE"] as const) {
      expect(org.memberships.some((m) => m.role === role), role).toBe(true);
    }

    const emails = org.memberships.map((m) => m.user.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((e) => /^[a-z0-9.-]+@exempel\.se$/.test(e))).toBe(true);

    const day = (date: Date) => date.toISOString().slice(0, 10);
    const periods = org.periods.map((p) => [p.name, day(p.startDate), day(p.endDate), p.isCurrent]);
    expect(periods.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ["2026", "2026-01-01", "2026-12-31", true],
      ["2027", "2027-01-01", "2027-12-31", false],
      ["2027 H1", "2027-01-01", "2027-06-30", false],
    ]);
  });

  it("places the fixed demo people where the walkthroughs expect them", async () => {
    const org = await organization("exempel-ab");
    const byEmail = new Map(org.memberships.map((m) => [m.user.email, m]));
    const byId = new Map(org.memberships.map((m) => [m.id, m]));
    const chef = byEmail.get("chef@exempel.se")!;
    const employee = byEmail.get("medarbetare@exempel.se")!;

    expect(employee.managerId).toBe(chef.id);
    expect(org.memberships.filter((m) => m.managerId === chef.id).length).toBeGreaterThanOrEqual(3);
    const chefsManager = byId.get(chef.managerId!)!;
    expect(chefsManager.managerId).toBe(byEmail.get("admin@exempel.se")!.id);
    expect(org.teams.find((t) => t.id === chef.teamId)!.leads.map((l) => l.membershipId)).toContain(chef.id);
  });

  it("has no reporting-line cycles in any organisation", async () => {
    const memberships = await db.membership.findMany({ select: { id: true, managerId: true } });
    const managerOf = new Map(memberships.map((m) => [m.id, m.managerId]));
    for (const start of memberships) {
      const seen = new Set<string>();
      for (let id: string | null = start.id; id !== null; id = managerOf.get(id) ?? null) {
        expect(seen.has(id), `cycle through ${start.id}`).toBe(false);
        seen.add(id);
      }
    }
  });

  it("seeds a small Demo Ltd that shares exactly one user with Exempel AB", async () => {
    const demo = await organization("demo-ltd");
    const exempel = await organization("exempel-ab");
    expect(demo.name).toBe("Demo Ltd");
    expect(demo.locale).toBe("en");
    expect(demo.memberships.length).toBeGreaterThanOrEqual(3);
    expect(demo.memberships.length).toBeLessThanOrEqual(8);
    expect(demo.teams.map((t) => t.name)).toEqual(["Operations"]);
    expect(demo.periods.map((p) => [p.name, p.isCurrent])).toEqual([["2026", true]]);

    const exempelUsers = new Set(exempel.memberships.map((m) => m.userId));
    const shared = demo.memberships.filter((m) => exempelUsers.has(m.userId));
    expect(shared.map((m) => [m.user.email, m.role])).toEqual([["chef@exempel.se", "ADMIN"]]);
  });

  it("lets every demo account sign in with the demo password, with its listed role", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const result = await authenticate(db, { email: account.email, password: DEMO_PASSWORD, clientIp: "203.0.113.9" });
      expect(result.ok, account.email).toBe(true);
      const membership = await db.membership.findFirst({
        where: { user: { email: account.email }, organization: { slug: account.organizationSlug } },
        include: { user: true, organization: true },
      });
      expect(membership?.role, `${account.email} in ${account.organizationSlug}`).toBe(account.role);
      expect(membership?.user.name).toBe(account.name);
      expect(membership?.organization.name).toBe(account.organization);
    }
  });

  it("does nothing when run again", async () => {
    const before = await counts(db);
    expect(await seedDemo(db)).toEqual({ created: false });
    expect(await counts(db)).toEqual(before);
  });
});
