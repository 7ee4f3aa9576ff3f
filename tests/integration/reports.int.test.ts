import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import { reportCsv, reportSections, reportXlsx, type Translate } from "@/features/reports/report-export";
import type { ReportFilters } from "@/features/reports/reports.schema";
import en from "@/i18n/messages/en";
import sv from "@/i18n/messages/sv";
import type { Db } from "@/server/db/client";
import type { GoalKind, GoalLevel, GoalStatus, OutcomeLevel } from "@/server/db/generated/enums";
import { callerFor, createOrganization, type TestMember, type TestOrganization } from "../factories";
import { createPeriodRow } from "../factories/admin";
import { daysFromToday } from "../factories/check-ins";
import { createGoalRow } from "../factories/goals";
import { addPerson } from "../factories/people";
import { createTeam } from "../factories/teams";
import { seedDemo } from "../../prisma/seed/demo";
import { EXEMPEL_SLUG } from "../../prisma/seed/demo-data";
import { createTestDatabase } from "../support/test-db";
import { codeOf, failureOf, fieldErrorsOf } from "../support/trpc-errors";

/*
 * The HR report on a small fixed organisation. T is today (the report's "today"); every date
 * is relative to it, so the numbers hold whatever day the test runs.
 *
 * Teams (top level = department):  Team A (the factory's) · Sälj → Nord, Syd · Drift
 * People (reporting line):
 *   admin (ADMIN, Team A) ← M "manager" (MANAGER, Sälj) ← E "employee" (EMPLOYEE, Nord)
 *                                                     ← N2 (EMPLOYEE, Nord; moved to Drift after the goals were made)
 *                                                     ← X  (EMPLOYEE, Nord; DEACTIVATED)
 *                                                     ← L  (MANAGER, Syd) ← S1 (EMPLOYEE, Syd)
 *   admin ← D1 (EMPLOYEE, Drift);  hr (HR, Team A) has no manager and no goal.
 *   Active people: admin, hr, M, E, N2, L, S1, D1 = 8.
 *
 * Goals of period P (start T−200, end T+100, so the cutoff is T); start T−100 for all:
 *   id   owner level/kind        status     due    outcome (confirmed?)  signed both  parent  team counted
 *   O1   admin ORGANIZATION     ACTIVE     T+50   –                      yes          –       none
 *   T1   M     TEAM Nord        ACTIVE     T+50   –                      yes          O1      Nord
 *   G1   E     INDIVIDUAL perf  CLOSED     T−10   STRETCH (yes)          yes          T1      Nord
 *   G2   E     INDIVIDUAL perf  CLOSED     T+30   MINIMUM (no)           yes          T1      Nord
 *   G3   N2    INDIVIDUAL perf  CLOSED     T−5    BELOW_MINIMUM (no)     yes          T1      Nord (at activation)
 *   G4   N2    INDIVIDUAL perf  ACTIVE     T−1    –                      yes          T1      Nord (at activation)
 *   G5   S1    INDIVIDUAL perf  CLOSED     T−20   TARGET (yes)           yes          O1      Syd
 *   G6   S1    INDIVIDUAL dev   ACTIVE     T+40   –                      yes          –       Syd
 *   G7   D1    INDIVIDUAL perf  PROPOSED   T−3    –                      owner only   –       Drift (owner's team now)
 *   G8   D1    INDIVIDUAL perf  CANCELLED  T−30   –                      yes          O1      (left out of everything)
 *   G9   D1    INDIVIDUAL perf  DRAFT      T+10   –                      no           –       Drift
 *   G10  X     INDIVIDUAL perf  CLOSED     T−40   TARGET (yes)           yes          T1      Nord
 *   G11  M     INDIVIDUAL perf  ACTIVE     T+20   –                      yes          O1      Sälj
 *   G12  L     TEAM Syd         ACTIVE     T+60   –                      yes          O1      Syd
 *   G15  E     INDIVIDUAL perf  ACTIVE     T+90   –                      yes          T1      Nord
 * Period Past (start T−400, end T−100, cutoff T−100):
 *   G13  E  CLOSED STRETCH due T−150 · G14 E ACTIVE due T−150 · G16 E ACTIVE due T−50 (after the period's end)
 *
 * Check-ins (effective dates):
 *   O1: T−40, T−15        → 2          G1: T−100, T−30, T−29 → 3
 *   T1: T−20              → 1          G4: T−70, T−45, T−10 and a correction of the T−10 one → 3 (the pair counts once)
 *   G5: T−60, T−59        → 2          G10: T−50 → 1
 *   G11: T−5              → 1          G12: T−8, T−7 → 2
 *   G15: T−3, T−2         → 2          G2, G3, G6: none
 *   G8 (cancelled): T−35, T−31; G13 (other period): T−150 → never counted
 * Another organisation (B) has goals, outcomes and check-ins of its own that must not show.
 */

type Goal = { id: string };

describe("report.hr", () => {
  let db: Db;
  let org: TestOrganization;
  let other: TestOrganization;
  let periodId: string;
  let pastPeriodId: string;
  const teams = {} as Record<"salj" | "nord" | "syd" | "drift", { id: string }>;
  const people = {} as Record<"admin" | "hr" | "M" | "E" | "N2" | "X" | "L" | "S1" | "D1", TestMember>;
  const goals = {} as Record<string, Goal>;

  async function goal(
    key: string,
    o: {
      owner: TestMember;
      level?: GoalLevel;
      kind?: GoalKind;
      status: GoalStatus;
      due: number;
      outcome?: OutcomeLevel;
      confirmed?: boolean;
      signed?: "both" | "owner" | "none";
      parent?: string;
      teamId?: string;
      period?: string;
      title?: string;
    },
  ) {
    const signed = o.signed ?? "both";
    const created = await createGoalRow(db, org.organization.id, {
      level: o.level ?? "INDIVIDUAL",
      kind: o.kind ?? "PERFORMANCE",
      status: o.status,
      ownerId: o.owner.membershipId,
      periodId: o.period ?? periodId,
      teamId: o.teamId ?? null,
      parentGoalId: o.parent ? goals[o.parent]!.id : null,
      ownerSigned: signed !== "none",
      managerSignedById: signed === "both" ? people.admin.membershipId : null,
      title: o.title,
      fields: { startDate: daysFromToday(-100), dueDate: daysFromToday(o.due) },
    });
    if (o.status === "CLOSED") {
      await db.goal.update({
        where: { id: created.id },
        data: { outcome: o.outcome ?? null, closedAt: new Date(), outcomeConfirmedAt: o.confirmed ? new Date() : null },
      });
    }
    goals[key] = created;
    return created;
  }

  /** A check-in row written straight to the table (the API refuses dates before a goal's start). */
  async function checkIn(organizationId: string, goalId: string, author: TestMember, days: number, value = 25, confidence = 7, replacesId: string | null = null) {
    return db.checkIn.create({
      data: {
        organizationId,
        goalId,
        value,
        confidence,
        effectiveDate: new Date(`${daysFromToday(days)}T00:00:00Z`),
        authorId: author.membershipId,
        clientKey: randomUUID(),
        bodyDigest: "test",
        replacesId,
      },
    });
  }

  const report = (filters: ReportFilters = {}, member: TestMember = people.hr, period = periodId) =>
    callerFor(db, member.userId).report.hr({ orgSlug: org.organization.slug, periodId: period, filters });

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    org = await createOrganization(db, { name: "Rapport AB" });
    const orgId = org.organization.id;
    const period = await createPeriodRow(db, orgId, { name: "P", startDate: daysFromToday(-200), endDate: daysFromToday(100) });
    const past = await createPeriodRow(db, orgId, { name: "Past", startDate: daysFromToday(-400), endDate: daysFromToday(-100) });
    periodId = period.id;
    pastPeriodId = past.id;

    teams.salj = await createTeam(db, orgId, { name: "Sälj" });
    teams.nord = await createTeam(db, orgId, { name: "Nord", parentTeamId: teams.salj.id });
    teams.syd = await createTeam(db, orgId, { name: "Syd", parentTeamId: teams.salj.id });
    teams.drift = await createTeam(db, orgId, { name: "Drift" });

    people.admin = org.members.ADMIN;
    people.hr = org.members.HR;
    people.M = org.members.MANAGER;
    people.E = org.members.EMPLOYEE;
    await db.membership.update({ where: { id: people.M.membershipId }, data: { teamId: teams.salj.id, managerId: people.admin.membershipId } });
    await db.membership.update({ where: { id: people.E.membershipId }, data: { teamId: teams.nord.id } });
    people.N2 = await addPerson(db, orgId, { name: "Nils Nord", teamId: teams.nord.id, managerId: people.M.membershipId });
    people.X = await addPerson(db, orgId, { name: "Xena Gammal", teamId: teams.nord.id, managerId: people.M.membershipId });
    people.L = await addPerson(db, orgId, { name: "Lars Lind", role: "MANAGER", teamId: teams.syd.id, managerId: people.M.membershipId });
    people.S1 = await addPerson(db, orgId, { name: "Sara Syd", teamId: teams.syd.id, managerId: people.L.membershipId });
    people.D1 = await addPerson(db, orgId, { name: "Dan Drift", teamId: teams.drift.id, managerId: people.admin.membershipId });

    await goal("O1", { owner: people.admin, level: "ORGANIZATION", status: "ACTIVE", due: 50 });
    await goal("T1", { owner: people.M, level: "TEAM", teamId: teams.nord.id, status: "ACTIVE", due: 50, parent: "O1" });
    await goal("G1", { owner: people.E, status: "CLOSED", due: -10, outcome: "STRETCH", confirmed: true, parent: "T1" });
    await goal("G2", { owner: people.E, status: "CLOSED", due: 30, outcome: "MINIMUM", parent: "T1" });
    await goal("G3", { owner: people.N2, status: "CLOSED", due: -5, outcome: "BELOW_MINIMUM", parent: "T1" });
    await goal("G4", { owner: people.N2, status: "ACTIVE", due: -1, parent: "T1" });
    await goal("G5", { owner: people.S1, status: "CLOSED", due: -20, outcome: "TARGET", confirmed: true, parent: "O1" });
    await goal("G6", { owner: people.S1, kind: "DEVELOPMENT", status: "ACTIVE", due: 40 });
    await goal("G7", { owner: people.D1, status: "PROPOSED", due: -3, signed: "owner" });
    await goal("G8", { owner: people.D1, status: "CANCELLED", due: -30, parent: "O1" });
    await goal("G9", { owner: people.D1, status: "DRAFT", due: 10, signed: "none" });
    await goal("G10", { owner: people.X, status: "CLOSED", due: -40, outcome: "TARGET", confirmed: true, parent: "T1" });
    await goal("G11", { owner: people.M, status: "ACTIVE", due: 20, parent: "O1" });
    await goal("G12", { owner: people.L, level: "TEAM", teamId: teams.syd.id, status: "ACTIVE", due: 60, parent: "O1" });
    await goal("G15", { owner: people.E, status: "ACTIVE", due: 90, parent: "T1" });
    await goal("G13", { owner: people.E, status: "CLOSED", due: -150, outcome: "STRETCH", confirmed: true, period: past.id });
    await goal("G14", { owner: people.E, status: "ACTIVE", due: -150, period: past.id });
    await goal("G16", { owner: people.E, status: "ACTIVE", due: -50, period: past.id });

    // people move and leave after their goals were activated: reports keep the team at activation
    await db.membership.update({ where: { id: people.N2.membershipId }, data: { teamId: teams.drift.id } });
    await db.membership.update({ where: { id: people.X.membershipId }, data: { status: "DEACTIVATED", deactivatedAt: new Date() } });

    const id = (key: string) => goals[key]!.id;
    await checkIn(orgId, id("O1"), people.admin, -40, 20);
    await checkIn(orgId, id("O1"), people.admin, -15, 40);
    await checkIn(orgId, id("T1"), people.M, -20, 35);
    for (const days of [-100, -30, -29]) await checkIn(orgId, id("G1"), people.E, days);
    await checkIn(orgId, id("G4"), people.N2, -70);
    await checkIn(orgId, id("G4"), people.N2, -45);
    const wrong = await checkIn(orgId, id("G4"), people.N2, -10, 28);
    await checkIn(orgId, id("G4"), people.N2, -10, 20, 7, wrong.id);
    await checkIn(orgId, id("G5"), people.S1, -60);
    await checkIn(orgId, id("G5"), people.S1, -59);
    await checkIn(orgId, id("G10"), people.admin, -50);
    await checkIn(orgId, id("G11"), people.M, -5, 34, 3);
    await checkIn(orgId, id("G12"), people.L, -8, 20);
    await checkIn(orgId, id("G12"), people.L, -7, 25);
    await checkIn(orgId, id("G15"), people.E, -3, 15);
    await checkIn(orgId, id("G15"), people.E, -2, 16);
    await checkIn(orgId, id("G8"), people.D1, -35);
    await checkIn(orgId, id("G8"), people.D1, -31);
    await checkIn(orgId, id("G13"), people.E, -150);

    // another organisation with rows in every table the report reads
    other = await createOrganization(db, { name: "Annan AB" });
    const otherId = other.organization.id;
    const otherOrg = await createGoalRow(db, otherId, { level: "ORGANIZATION", status: "ACTIVE", ownerId: other.members.ADMIN.membershipId, periodId: other.period.id });
    for (const [status, outcome] of [["CLOSED", "STRETCH"], ["CLOSED", "BELOW_MINIMUM"], ["ACTIVE", null]] as const) {
      const foreign = await createGoalRow(db, otherId, {
        status,
        ownerId: other.members.EMPLOYEE.membershipId,
        periodId: other.period.id,
        parentGoalId: otherOrg.id,
        managerSignedById: other.members.MANAGER.membershipId,
        fields: { startDate: daysFromToday(-100), dueDate: daysFromToday(-1) },
      });
      if (outcome) await db.goal.update({ where: { id: foreign.id }, data: { outcome, closedAt: new Date() } });
      await checkIn(otherId, foreign.id, other.members.EMPLOYEE, -1);
      await checkIn(otherId, foreign.id, other.members.EMPLOYEE, -2);
    }
  });

  it("works out every headline number of the period", async () => {
    const r = await report();
    expect(r.period).toMatchObject({ id: periodId, name: "P" });
    expect(r.today).toBe(daysFromToday(0));
    // the period ends after today: goals due up to today count
    expect(r.cutoff).toBe(daysFromToday(0));
    // 15 goals in P less the cancelled G8
    expect(r.goals).toBe(14);
    expect(r.completion).toEqual({
      // CLOSED G1, G2, G3, G5, G10 + past due G4 (T−1) and G7 (T−3, PROPOSED: not cancelled, so it counts)
      due: 7,
      // G1 STRETCH, G2 MINIMUM, G5 TARGET, G10 TARGET: 4 ÷ 7 = 57.14 %
      atMinimum: { count: 4, of: 7, percent: 57.1 },
      // G1, G5, G10: 3 ÷ 7 = 42.86 %
      atTarget: { count: 3, of: 7, percent: 42.9 },
      // G1: 1 ÷ 7 = 14.29 %
      atStretch: { count: 1, of: 7, percent: 14.3 },
      closed: 5,
      // G2 and G3 wait for their manager
      unconfirmed: 2,
    });
    // all but G7 (owner only) and G9 (draft): 12 ÷ 14 = 85.71 %
    expect(r.signedGoals).toEqual({ count: 12, of: 14, percent: 85.7 });
    // of the 8 active people, admin (O1), M (T1, G11), E, N2, L, S1 have one; hr and D1 (G7 half signed, G8 cancelled) do not: 6 ÷ 8
    expect(r.peopleWithSignedGoal).toEqual({ count: 6, of: 8, percent: 75 });
    // TEAM/INDIVIDUAL performance goals not DRAFT: T1, G1–G5, G7, G10, G11, G12, G15 = 11; all but G7 link up: 10 ÷ 11 = 90.91 %
    expect(r.aligned).toEqual({ count: 10, of: 11, percent: 90.9 });
    // ACTIVE/CLOSED goals: O1 2, T1 1, G1 3, G2 0, G3 0, G4 3, G5 2, G6 0, G10 1, G11 1, G12 2, G15 2
    // sorted 0 0 0 1 1 1 | 2 2 2 2 3 3 → median (1 + 2) / 2 = 1.5; sum 17
    expect(r.checkIns).toEqual({ goals: 12, total: 17, median: 1.5 });
  });

  it("breaks the rates down per department", async () => {
    const r = await report();
    expect(r.breakdown.by).toBe("department");
    const rows = r.breakdown.rows.map((row) => ({ team: row.team?.name ?? null, goals: row.goals, ...row.completion }));
    expect(rows).toEqual([
      // Drift: G7, G9; due G7 only; nothing closed: 0 ÷ 1
      {
        team: "Drift",
        goals: 2,
        due: 1,
        atMinimum: { count: 0, of: 1, percent: 0 },
        atTarget: { count: 0, of: 1, percent: 0 },
        atStretch: { count: 0, of: 1, percent: 0 },
        closed: 0,
        unconfirmed: 0,
      },
      // Sälj (Nord, Syd and itself): T1, G1–G6, G10, G11, G12, G15 = 11; due G1, G2, G3, G4, G5, G10 = 6
      // minimum G1 G2 G5 G10 = 4 ÷ 6 = 66.67 %; target G1 G5 G10 = 3 ÷ 6 = 50 %; stretch G1 = 1 ÷ 6 = 16.67 %
      {
        team: "Sälj",
        goals: 11,
        due: 6,
        atMinimum: { count: 4, of: 6, percent: 66.7 },
        atTarget: { count: 3, of: 6, percent: 50 },
        atStretch: { count: 1, of: 6, percent: 16.7 },
        closed: 5,
        unconfirmed: 2,
      },
      // Team A holds admin and hr, whose only goal is an organisation goal: no goals, no rates
      {
        team: "Team A",
        goals: 0,
        due: 0,
        atMinimum: { count: 0, of: 0, percent: null },
        atTarget: { count: 0, of: 0, percent: null },
        atStretch: { count: 0, of: 0, percent: null },
        closed: 0,
        unconfirmed: 0,
      },
      // O1 belongs to no team; listed last
      {
        team: null,
        goals: 1,
        due: 0,
        atMinimum: { count: 0, of: 0, percent: null },
        atTarget: { count: 0, of: 0, percent: null },
        atStretch: { count: 0, of: 0, percent: null },
        closed: 0,
        unconfirmed: 0,
      },
    ]);
    // the groups add up to the whole
    expect(r.breakdown.rows.reduce((sum, row) => sum + row.goals, 0)).toBe(r.goals);
  });

  it("counts, per manager, their reports' signed goals and recent check-ins", async () => {
    const r = await report();
    const byId = Object.fromEntries(r.managers.map((row) => [row.membershipId, row]));
    // people with an active direct report: admin (M, D1), M (E, N2, L; X is deactivated), L (S1)
    expect(r.managers.map((row) => row.membershipId).sort()).toEqual([people.admin, people.M, people.L].map((p) => p.membershipId).sort());
    // signed goals by owner: M 2 (T1, G11), E 3 (G1, G2, G15), N2 2, S1 2, X 1 (G10), L 1 (G12), D1 0
    // check-ins in the last 30 / 60 days by owner (effective after T−30 / T−60):
    //   M: T1 T−20, G11 T−5 → 2 / 2;  E: G1 T−29 (T−30 only in 60), G15 T−3 T−2 → 3 / 4
    //   N2: G4 correction T−10 (T−45 in 60; the replaced one not at all) → 1 / 2;  L: G12 T−8 T−7 → 2 / 2
    //   S1: G5 T−59 (T−60 is outside) → 0 / 1;  X: G10 T−50 → 0 / 1;  D1: only the cancelled G8 → 0 / 0
    // admin: everyone below: 2+3+2+2+1+1+0 = 11 signed; 2+3+1+2+0+0 = 8 / 2+4+2+2+1+1 = 12
    expect(byId[people.admin.membershipId]).toMatchObject({ directReports: 2, allReports: 6, goalsSigned: 11, checkIns30: 8, checkIns60: 12 });
    // M: E, N2, L, X, S1 → 3+2+1+1+2 = 9 signed; 3+1+2+0+0 = 6 / 4+2+2+1+1 = 10; X is deactivated, so 3 direct and 4 in all
    expect(byId[people.M.membershipId]).toMatchObject({ directReports: 3, allReports: 4, goalsSigned: 9, checkIns30: 6, checkIns60: 10 });
    // L: S1 → 2 signed, 0 / 1
    expect(byId[people.L.membershipId]).toMatchObject({ directReports: 1, allReports: 1, goalsSigned: 2, checkIns30: 0, checkIns60: 1, team: "Syd", name: "Lars Lind" });
  });

  it("lists the unconfirmed outcomes with the manager who confirms them", async () => {
    const r = await report();
    expect(r.unconfirmedGoals.map((goal) => goal.id).sort()).toEqual([goals.G2!.id, goals.G3!.id].sort());
    const g3 = r.unconfirmedGoals.find((goal) => goal.id === goals.G3!.id)!;
    expect(g3).toMatchObject({ outcome: "BELOW_MINIMUM", owner: { membershipId: people.N2.membershipId, name: "Nils Nord" }, managerName: people.M.name });
  });

  it("counts goals due up to the period's end when the period is over", async () => {
    const r = await report({}, people.hr, pastPeriodId);
    // the period ended at T−100: G16 (due T−50) is not due yet in its own period's terms
    expect(r.cutoff).toBe(daysFromToday(-100));
    // G13 CLOSED STRETCH, G14 due T−150: 2 due; G13 reaches every level: 1 ÷ 2
    expect(r.completion).toMatchObject({ due: 2, atMinimum: { count: 1, of: 2, percent: 50 }, atStretch: { count: 1, of: 2, percent: 50 } });
    expect(r.goals).toBe(3);
  });

  describe("filters", () => {
    it("by department: the department's teams, by the team a goal had at activation", async () => {
      const r = await report({ departmentTeamId: teams.salj.id });
      // Sälj, Nord, Syd: T1, G1–G6, G10, G11, G12, G15 = 11 (G3, G4 stay although N2 moved to Drift)
      expect(r.goals).toBe(11);
      expect(r.completion).toMatchObject({ due: 6, atMinimum: { count: 4, of: 6, percent: 66.7 }, atTarget: { count: 3, of: 6, percent: 50 }, atStretch: { count: 1, of: 6, percent: 16.7 } });
      // all 11 signed by both
      expect(r.signedGoals).toEqual({ count: 11, of: 11, percent: 100 });
      // people in Sälj now: M, E, L, S1 (N2 moved away, X left); all four have a signed goal
      expect(r.peopleWithSignedGoal).toEqual({ count: 4, of: 4, percent: 100 });
      // T1, G1–G5, G10, G11, G12, G15: 10 ÷ 10
      expect(r.aligned).toEqual({ count: 10, of: 10, percent: 100 });
      // T1 1, G1 3, G2 0, G3 0, G4 3, G5 2, G6 0, G10 1, G11 1, G12 2, G15 2 → 0 0 0 1 1 [1] 2 2 2 3 3: median 1, sum 15
      expect(r.checkIns).toEqual({ goals: 11, total: 15, median: 1 });
      // the rows are the teams under Sälj, and Sälj itself for G11
      expect(r.breakdown.by).toBe("team");
      expect(r.breakdown.rows.map((row) => [row.team?.name, row.goals, row.completion.due, row.completion.atMinimum.percent, row.completion.atTarget.percent, row.completion.atStretch.percent])).toEqual([
        // Nord: T1, G1, G2, G3, G4, G10, G15; due G1 G2 G3 G4 G10 = 5; min G1 G2 G10 3 ÷ 5; target G1 G10 2 ÷ 5; stretch 1 ÷ 5
        ["Nord", 7, 5, 60, 40, 20],
        // Syd: G5, G6, G12; due G5 only, TARGET: 100 %, 100 %, 0 %
        ["Syd", 3, 1, 100, 100, 0],
        // Sälj itself: G11, not due
        ["Sälj", 1, 0, null, null, null],
      ]);
      // admin (M is in Sälj), M (in Sälj) and L (in Syd); the same counts as before, Drift's goals having none
      expect(r.managers.map((row) => [row.membershipId, row.goalsSigned, row.checkIns30, row.checkIns60])).toEqual(
        expect.arrayContaining([
          [people.admin.membershipId, 11, 8, 12],
          [people.M.membershipId, 9, 6, 10],
          [people.L.membershipId, 2, 0, 1],
        ]),
      );
      expect(r.managers).toHaveLength(3);
    });

    it("by another department: its goals and its people now", async () => {
      const r = await report({ departmentTeamId: teams.drift.id });
      // G7 and G9 (D1 never activated them: D1's team now); G3 and G4 counted for Nord at activation
      expect(r.goals).toBe(2);
      // G7 due, not closed: 0 ÷ 1 = 0 % (not "no base")
      expect(r.completion).toMatchObject({ due: 1, atMinimum: { count: 0, of: 1, percent: 0 }, closed: 0, unconfirmed: 0 });
      expect(r.signedGoals).toEqual({ count: 0, of: 2, percent: 0 });
      // D1 and N2 are in Drift now; N2's signed G3 and G4 are goals of the period: 1 ÷ 2
      expect(r.peopleWithSignedGoal).toEqual({ count: 1, of: 2, percent: 50 });
      // G7 is the only alignable goal and links nowhere
      expect(r.aligned).toEqual({ count: 0, of: 1, percent: 0 });
      expect(r.checkIns).toEqual({ goals: 0, total: 0, median: null });
      expect(r.breakdown.rows.map((row) => [row.team?.name, row.goals])).toEqual([["Drift", 2]]);
      // admin (D1, N2 report to them) and M (N2 reports to M); no goal of theirs is in Drift
      expect(r.managers.map((row) => [row.membershipId, row.goalsSigned, row.checkIns30, row.checkIns60]).sort()).toEqual(
        [
          [people.admin.membershipId, 0, 0, 0],
          [people.M.membershipId, 0, 0, 0],
        ].sort(),
      );
      expect(r.unconfirmedGoals).toEqual([]);
    });

    it("by team, and by a team with its department", async () => {
      const nord = await report({ teamId: teams.nord.id });
      // T1, G1, G2, G3, G4, G10, G15: due 5; minimum 3 ÷ 5, target 2 ÷ 5, stretch 1 ÷ 5
      expect(nord.goals).toBe(7);
      expect(nord.completion).toMatchObject({ due: 5, atMinimum: { count: 3, of: 5, percent: 60 }, atTarget: { count: 2, of: 5, percent: 40 }, atStretch: { count: 1, of: 5, percent: 20 }, unconfirmed: 2 });
      // people in Nord now: E only (N2 moved, X left)
      expect(nord.peopleWithSignedGoal).toEqual({ count: 1, of: 1, percent: 100 });
      // Nord has no sub-team: one row, Nord itself
      expect(nord.breakdown.rows.map((row) => [row.team?.name, row.goals])).toEqual([["Nord", 7]]);

      const both = await report({ departmentTeamId: teams.salj.id, teamId: teams.nord.id });
      expect(both.goals).toBe(7);
      expect(both.completion).toEqual(nord.completion);
      // a team outside the department: nothing is in both
      const neither = await report({ departmentTeamId: teams.drift.id, teamId: teams.nord.id });
      expect(neither.goals).toBe(0);
      expect(neither.completion.atMinimum).toEqual({ count: 0, of: 0, percent: null });
    });

    it("by kind", async () => {
      const r = await report({ kind: "DEVELOPMENT" });
      // G6 only: not due, signed, no check-in
      expect(r.goals).toBe(1);
      expect(r.completion.due).toBe(0);
      expect(r.completion.atMinimum.percent).toBeNull();
      // S1 is the one person of 8 with a signed development goal: 12.5 %
      expect(r.peopleWithSignedGoal).toEqual({ count: 1, of: 8, percent: 12.5 });
      // alignment is about performance goals: none here
      expect(r.aligned).toEqual({ count: 0, of: 0, percent: null });
      expect(r.checkIns).toEqual({ goals: 1, total: 0, median: 0 });
      // L's and M's counts come from S1's G6 only (signed, no check-in)
      expect(r.managers.find((row) => row.membershipId === people.L.membershipId)).toMatchObject({ goalsSigned: 1, checkIns30: 0, checkIns60: 0 });
    });

    it("by level", async () => {
      const r = await report({ level: "TEAM" });
      // T1 and G12: neither due; both signed and aligned
      expect(r.goals).toBe(2);
      expect(r.completion.due).toBe(0);
      expect(r.signedGoals).toEqual({ count: 2, of: 2, percent: 100 });
      // M (T1) and L (G12) of 8: 25 %
      expect(r.peopleWithSignedGoal).toEqual({ count: 2, of: 8, percent: 25 });
      expect(r.aligned).toEqual({ count: 2, of: 2, percent: 100 });
      // T1 1, G12 2: median 1.5, sum 3
      expect(r.checkIns).toEqual({ goals: 2, total: 3, median: 1.5 });
      const organization = await report({ level: "ORGANIZATION" });
      // O1 alone: 2 check-ins; organisation goals are not counted as aligned or not
      expect(organization).toMatchObject({ goals: 1, aligned: { count: 0, of: 0, percent: null }, checkIns: { goals: 1, total: 2, median: 2 } });
    });

    it("by the owner's role", async () => {
      const r = await report({ role: "MANAGER" });
      // M (T1, G11) and L (G12): 3 goals, none due
      expect(r.goals).toBe(3);
      expect(r.completion.due).toBe(0);
      // active MANAGERs: M and L, both with a signed goal
      expect(r.peopleWithSignedGoal).toEqual({ count: 2, of: 2, percent: 100 });
      // T1 1, G11 1, G12 2: median 1, sum 4
      expect(r.checkIns).toEqual({ goals: 3, total: 4, median: 1 });
      const byId = Object.fromEntries(r.managers.map((row) => [row.membershipId, row]));
      // admin: M's T1 and G11 and L's G12 = 3 signed; check-ins T−20, T−5, T−8, T−7: 4 / 4
      expect(byId[people.admin.membershipId]).toMatchObject({ goalsSigned: 3, checkIns30: 4, checkIns60: 4 });
      // M: L's G12 → 1 signed, 2 / 2
      expect(byId[people.M.membershipId]).toMatchObject({ goalsSigned: 1, checkIns30: 2, checkIns60: 2 });
      // L: S1 is an EMPLOYEE → nothing
      expect(byId[people.L.membershipId]).toMatchObject({ goalsSigned: 0, checkIns30: 0, checkIns60: 0 });
      const hr = await report({ role: "HR" });
      // hr has no goal: 0 ÷ 1 people
      expect(hr).toMatchObject({ goals: 0, peopleWithSignedGoal: { count: 0, of: 1, percent: 0 } });
    });

    it("refuses a department that is not a top-level team", async () => {
      const error = await failureOf(report({ departmentTeamId: teams.nord.id }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(error)).toEqual({ "filters.departmentTeamId": ["reports.errors.notDepartment"] });
    });
  });

  describe("access", () => {
    it("lets ADMIN and HR read the report, and no one else", async () => {
      expect(await codeOf(report({}, org.members.ADMIN))).toBe("OK");
      expect(await codeOf(report({}, org.members.HR))).toBe("OK");
      // a manager with reports is still no reader of the HR report
      expect(await codeOf(report({}, org.members.MANAGER))).toBe("FORBIDDEN");
      expect(await codeOf(report({}, org.members.EMPLOYEE))).toBe("FORBIDDEN");
    });

    it("answers NOT_FOUND for another organisation's period or team", async () => {
      expect(await codeOf(report({}, people.hr, other.period.id))).toBe("NOT_FOUND");
      expect(await codeOf(report({ teamId: other.team.id }))).toBe("NOT_FOUND");
      expect(await codeOf(report({ departmentTeamId: other.team.id }))).toBe("NOT_FOUND");
      expect(await codeOf(report({}, people.hr, randomUUID()))).toBe("NOT_FOUND");
    });

    it("shows the other organisation its own numbers only", async () => {
      const r = await callerFor(db, other.members.HR.userId).report.hr({ orgSlug: other.organization.slug, periodId: other.period.id });
      // its organisation goal plus two CLOSED (one STRETCH, one BELOW_MINIMUM) and one ACTIVE due T−1
      expect(r.goals).toBe(4);
      expect(r.completion).toMatchObject({ due: 3, atMinimum: { count: 1, of: 3, percent: 33.3 }, unconfirmed: 2 });
      // 3 goals × 2 check-ins, the organisation goal none: 0 2 2 2 → median 2
      expect(r.checkIns).toEqual({ goals: 4, total: 6, median: 2 });
      expect(r.teams.map((team) => team.name)).toEqual(["Team A"]);
      expect(r.managers.map((row) => row.membershipId)).toEqual([other.members.MANAGER.membershipId]);
    });
  });

  describe("export", () => {
    const translator = (locale: "sv" | "en"): Translate => {
      const t = createTranslator({ locale, messages: locale === "sv" ? sv : en });
      return (key, values) => (t as unknown as Translate)(key, values);
    };

    function parseCsv(csv: string, delimiter: string) {
      return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { delimiter, skipEmptyLines: false }).data;
    }

    it("writes the procedure's numbers to CSV, UTF-8 with a BOM, in the reader's language", async () => {
      const r = await report({ departmentTeamId: teams.salj.id });
      const csv = reportCsv(reportSections(r, { organizationName: "Rapport AB", t: translator("sv") }), "sv");
      expect(csv.startsWith("\uFEFF")).toBe(true);
      const rows = parseCsv(csv, ";");
      const row = (label: string) => rows.find((cells) => cells[0] === label);
      // Swedish: ";" between cells, decimal comma, headers in Swedish
      expect(row("Måluppfyllelse, minst miniminivån")).toEqual(["Måluppfyllelse, minst miniminivån", "4", "6", "66,7"]);
      expect(row("Måluppfyllelse, målnivån eller mer")).toEqual(["Måluppfyllelse, målnivån eller mer", "3", "6", "50"]);
      expect(row("Medianantal uppföljningar per mål")).toEqual(["Medianantal uppföljningar per mål", "1", "11", ""]);
      expect(row("Avdelning")).toEqual(["Avdelning", "Sälj"]);
      expect(row("Nord")).toEqual(["Nord", "7", "5", "3", "60", "2", "40", "1", "20", "4", "2"]);
      expect(row("Lars Lind")).toEqual(["Lars Lind", "Syd", "1", "1", "2", "0", "1"]);

      const english = parseCsv(reportCsv(reportSections(r, { organizationName: "Rapport AB", t: translator("en") }), "en"), ",");
      expect(english.find((cells) => cells[0] === "Completion rate, minimum or better")).toEqual(["Completion rate, minimum or better", "4", "6", "66.7"]);
    });

    it("writes the same numbers to XLSX, as numbers", async () => {
      const r = await report();
      const sections = reportSections(r, { organizationName: "Rapport AB", t: translator("en") });
      const buffer = await reportXlsx(sections, { creator: "Smarta", created: new Date() });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(sections.map((section) => section.title.slice(0, 31)));
      const figures = workbook.getWorksheet("Key figures")!;
      const values = (sheet: ExcelJS.Worksheet): unknown[][] => sheet.getSheetValues().filter(Boolean).map((cells) => (cells as unknown[]).slice(1));
      const labelled = new Map(values(figures).map((cells) => [String(cells[0]), cells.slice(1)]));
      const byLabel = (label: string) => labelled.get(label);
      expect(byLabel("Completion rate, minimum or better")).toEqual([4, 7, 57.1]);
      expect(byLabel("Completion rate, target or better")).toEqual([3, 7, 42.9]);
      expect(byLabel("Completion rate, stretch")).toEqual([1, 7, 14.3]);
      expect(byLabel("Goals signed by both")).toEqual([12, 14, 85.7]);
      expect(byLabel("Active people with a goal signed by both")).toEqual([6, 8, 75]);
      expect(byLabel("Performance goals aligned")).toEqual([10, 11, 90.9]);
      expect(byLabel("Median check-ins per goal")).toEqual([1.5, 12]);
      expect(byLabel("Unconfirmed outcomes")).toEqual([2]);
      const managers = values(workbook.getWorksheet("Managers")!);
      expect(managers.find((cells) => cells[0] === "Lars Lind")).toEqual(["Lars Lind", "Syd", 1, 1, 2, 0, 1]);
      // every figure of every sheet is the section's, cell for cell
      for (const section of sections) {
        const sheet = workbook.worksheets.find((ws) => ws.name === section.title.slice(0, 31))!;
        const body = values(sheet).slice(1);
        expect(body.map((cells) => section.columns.map((_, i) => cells[i] ?? null))).toEqual(section.rows);
      }
    });

    it("keeps a formula in a goal title, a name or a team as text in both formats", async () => {
      const orgId = org.organization.id;
      const trap = await createGoalRow(db, orgId, {
        status: "CLOSED",
        ownerId: people.E.membershipId,
        periodId: pastPeriodId,
        managerSignedById: people.admin.membershipId,
        title: '=HYPERLINK("http://evil","x")',
        fields: { startDate: daysFromToday(-300), dueDate: daysFromToday(-200) },
      });
      await db.goal.update({ where: { id: trap.id }, data: { outcome: "TARGET", closedAt: new Date() } });
      await db.user.update({ where: { id: people.L.userId }, data: { name: "-2+3" } });
      await createTeam(db, orgId, { name: "@SUM(1)" });
      try {
        const r = await report({}, people.hr, pastPeriodId);
        const sections = reportSections(r, { organizationName: "+Rapport AB", t: translator("sv") });

        const rows = parseCsv(reportCsv(sections, "sv"), ";").flat();
        expect(rows).toContain(`'=HYPERLINK("http://evil","x")`);
        expect(rows).toContain("'-2+3");
        expect(rows).toContain("'@SUM(1)");
        expect(rows).toContain("'+Rapport AB");
        expect(rows.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);

        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load((await reportXlsx(sections, { creator: "Smarta", created: new Date() })) as unknown as ArrayBuffer);
        const cells: unknown[] = [];
        workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value))));
        expect(cells).toContain(`'=HYPERLINK("http://evil","x")`);
        expect(cells).toContain("'-2+3");
        // no cell is a formula, and no text starts one
        expect(cells.filter((value) => typeof value === "object" && value !== null && "formula" in value)).toEqual([]);
        expect(cells.filter((value) => typeof value === "string" && /^[=+\-@\t\r]/.test(value))).toEqual([]);
      } finally {
        await db.user.update({ where: { id: people.L.userId }, data: { name: "Lars Lind" } });
      }
    });
  });
});

describe("report.hr on the demo organisation", () => {
  let db: Db;
  let slug: string;
  let hrUserId: string;
  let periodId: string;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    await seedDemo(db);
    const organization = await db.organization.findUniqueOrThrow({ where: { slug: EXEMPEL_SLUG } });
    slug = organization.slug;
    hrUserId = (await db.user.findUniqueOrThrow({ where: { email: "hr@exempel.se" } })).id;
    periodId = (await db.goalPeriod.findFirstOrThrow({ where: { organizationId: organization.id, isCurrent: true } })).id;
  });

  const demoReport = (filters: ReportFilters = {}) => callerFor(db, hrUserId).report.hr({ orgSlug: slug, periodId, filters });

  it("reads 100 % of the performance goals aligned, overall and in every department", async () => {
    const r = await demoReport();
    expect(r.aligned.of).toBeGreaterThan(0);
    expect(r.aligned.percent).toBe(100);
    const departments = r.teams.filter((team) => team.parentTeamId === null);
    expect(departments.map((team) => team.name).sort()).toEqual(["Försäljning", "Produkt och teknik", "Verksamhetsstöd"]);
    for (const department of departments) {
      const part = await demoReport({ departmentTeamId: department.id });
      expect(part.aligned.percent, department.name).toBe(100);
    }
  });

  it("splits the organisation's goals over its departments and the organisation goals", async () => {
    const r = await demoReport();
    expect(r.breakdown.rows.map((row) => row.team?.name ?? null)).toEqual(["Försäljning", "Produkt och teknik", "Verksamhetsstöd", null]);
    expect(r.breakdown.rows.reduce((sum, row) => sum + row.goals, 0)).toBe(r.goals);
    const sales = await demoReport({ departmentTeamId: r.breakdown.rows[0]!.team!.id });
    expect(sales.goals).toBe(r.breakdown.rows[0]!.goals);
    expect(sales.goals).toBeLessThan(r.goals);
    // every person but the CEO has a manager; managers are the department heads, team leads and the CEO
    expect(r.managers.length).toBeGreaterThan(3);
    expect(r.checkIns.total).toBeGreaterThan(0);
  });
});
