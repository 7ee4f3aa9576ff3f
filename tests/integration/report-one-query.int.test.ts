import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hrReportInOneQuery, hrReportOneQuerySql } from "@/features/reports/report-one-query";
import { managerRows, reportRows, type ReportParams, type UnconfirmedSqlRow } from "@/features/reports/reports.repository";
import type { Db } from "@/server/db/client";
import { forOrg, type OrgTx } from "@/server/db/for-org";
import type { GoalKind, GoalLevel, GoalStatus, OutcomeLevel } from "@/server/db/generated/enums";
import { createOrganization, type TestMember, type TestOrganization } from "../factories";
import { createPeriodRow } from "../factories/admin";
import { daysFromToday } from "../factories/check-ins";
import { createGoalRow } from "../factories/goals";
import { addPerson } from "../factories/people";
import { createTeam } from "../factories/teams";
import { createTestDatabase } from "../support/test-db";

/*
 * The benchmark's hand-written HR report statement (report-one-query.ts) against the
 * repository's two statements, on an organisation built to reach every branch the numbers
 * take: departments with teams two levels down, an archived department with goals and one
 * without, goals with no team (organisation goals, a never-activated goal of a person with no
 * team), people who moved or left after their goals were activated, every status, CLOSED goals
 * with and without an outcome, confirmed or not (one never stamped with closedAt), check-ins
 * on both sides of the 30- and 60-day edges and after today, corrections (one chained), a
 * cancelled goal with check-ins, a second period, and a second organisation with rows of its
 * own. Dates are relative to today, so the comparison holds whatever day the test runs.
 */

const NO_FILTERS = { departmentTeamId: null, teamId: null, kind: null, level: null, role: null };
const DAY_MS = 86_400_000;

describe("the HR report's hand-written benchmark statement", () => {
  let db: Db;
  let org: TestOrganization;
  let other: TestOrganization;
  let periodId: string;
  let pastPeriodId: string;
  let emptyPeriodId: string;

  type GoalSpec = {
    owner: TestMember;
    level?: GoalLevel;
    kind?: GoalKind;
    status: GoalStatus;
    due: number;
    outcome?: OutcomeLevel | null;
    confirmed?: boolean;
    /** days before now it was closed; null: a CLOSED goal never stamped */
    closedDaysAgo?: number | null;
    signed?: "both" | "owner" | "none";
    parentGoalId?: string;
    teamId?: string;
    period?: string;
  };

  async function goal(organizationId: string, title: string, o: GoalSpec & { signer: TestMember }) {
    const signed = o.signed ?? "both";
    const created = await createGoalRow(db, organizationId, {
      level: o.level ?? "INDIVIDUAL",
      kind: o.kind ?? "PERFORMANCE",
      status: o.status,
      ownerId: o.owner.membershipId,
      periodId: o.period ?? periodId,
      teamId: o.teamId ?? null,
      parentGoalId: o.parentGoalId ?? null,
      ownerSigned: signed !== "none",
      managerSignedById: signed === "both" ? o.signer.membershipId : null,
      title,
      fields: { startDate: daysFromToday(-100), dueDate: daysFromToday(o.due) },
    });
    if (o.status === "CLOSED") {
      const closedAt = o.closedDaysAgo === null ? null : new Date(Date.now() - (o.closedDaysAgo ?? 1) * DAY_MS);
      await db.goal.update({
        where: { id: created.id },
        data: { outcome: o.outcome ?? null, closedAt, outcomeConfirmedAt: o.confirmed ? new Date() : null },
      });
    }
    return created;
  }

  /** A check-in row written straight to the table (the API refuses dates before a goal's start or after today). */
  async function checkIn(organizationId: string, goalId: string, author: TestMember, days: number, replacesId: string | null = null) {
    return db.checkIn.create({
      data: {
        organizationId,
        goalId,
        value: 25,
        confidence: 7,
        effectiveDate: new Date(`${daysFromToday(days)}T00:00:00Z`),
        authorId: author.membershipId,
        clientKey: randomUUID(),
        bodyDigest: "test",
        replacesId,
      },
    });
  }

  /** As the service runs each report statement: in a transaction of its own, JIT off. */
  function asService<T>(organizationId: string, work: (tx: OrgTx) => Promise<T>): Promise<T> {
    return forOrg(db, organizationId).$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL jit = off`;
      return work(tx);
    });
  }

  const params = (organizationId: string, period: string): ReportParams => ({ organizationId, periodId: period, today: daysFromToday(0), filters: NO_FILTERS });

  const byId = <T,>(rows: T[], id: (row: T) => string | null) => [...rows].sort((a, b) => (id(a) ?? "").localeCompare(id(b) ?? ""));

  /** Both ways of working the report out, compared number by number; answers the reference's result. */
  async function expectSameNumbers(p: ReportParams) {
    const rows = await asService(p.organizationId, (tx) => reportRows(tx, p));
    const managers = await asService(p.organizationId, (tx) => managerRows(tx, p));
    const one = await hrReportInOneQuery(db, p);
    expect(rows).not.toBeNull();
    expect(one).not.toBeNull();

    const { checkInMedian, ...headline } = rows!.headline;
    const { checkInMedian: oneMedian, ...oneHeadline } = one!.headline;
    expect(oneHeadline).toEqual(headline);
    if (checkInMedian === null) expect(oneMedian).toBeNull();
    else expect(oneMedian).toBeCloseTo(checkInMedian, 9);

    expect(byId(one!.breakdown, (row) => row.teamId)).toEqual(byId(rows!.breakdown, (row) => row.teamId));
    expect(byId(one!.managers, (row) => row.membershipId)).toEqual(byId(managers, (row) => row.membershipId));
    // the order is part of the list (the longest waiting first), so it is compared as it comes; the report's rows also carry their position
    const unconfirmed = rows!.unconfirmed.map((row) => {
      const { position: _position, ...rest } = row as UnconfirmedSqlRow & { position?: number };
      return rest;
    });
    expect(one!.unconfirmed).toEqual(unconfirmed);
    return one!;
  }

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    org = await createOrganization(db, { name: "Jämför AB" });
    const orgId = org.organization.id;
    periodId = (await createPeriodRow(db, orgId, { name: "P", startDate: daysFromToday(-200), endDate: daysFromToday(100) })).id;
    pastPeriodId = (await createPeriodRow(db, orgId, { name: "Past", startDate: daysFromToday(-400), endDate: daysFromToday(-100) })).id;
    emptyPeriodId = (await createPeriodRow(db, orgId, { name: "Empty", startDate: daysFromToday(-50), endDate: daysFromToday(50) })).id;

    const salj = await createTeam(db, orgId, { name: "Sälj" });
    const nord = await createTeam(db, orgId, { name: "Nord", parentTeamId: salj.id });
    const syd = await createTeam(db, orgId, { name: "Syd", parentTeamId: salj.id });
    const sydOst = await createTeam(db, orgId, { name: "Syd Öst", parentTeamId: syd.id });
    const drift = await createTeam(db, orgId, { name: "Drift" });
    const arkiv = await createTeam(db, orgId, { name: "Arkiv", archived: true });
    await createTeam(db, orgId, { name: "Gammal", archived: true });

    const admin = org.members.ADMIN;
    const M = org.members.MANAGER;
    const E = org.members.EMPLOYEE;
    await db.membership.update({ where: { id: M.membershipId }, data: { teamId: salj.id, managerId: admin.membershipId } });
    await db.membership.update({ where: { id: E.membershipId }, data: { teamId: nord.id } });
    const N2 = await addPerson(db, orgId, { name: "Nils Nord", teamId: nord.id, managerId: M.membershipId });
    const X = await addPerson(db, orgId, { name: "Xena Gammal", teamId: nord.id, managerId: M.membershipId });
    const L = await addPerson(db, orgId, { name: "Lars Lind", role: "MANAGER", teamId: syd.id, managerId: M.membershipId });
    const S1 = await addPerson(db, orgId, { name: "Sara Syd", teamId: sydOst.id, managerId: L.membershipId });
    const A1 = await addPerson(db, orgId, { name: "Ada Arkiv", teamId: arkiv.id, managerId: L.membershipId });
    const D1 = await addPerson(db, orgId, { name: "Dan Drift", role: "MANAGER", teamId: drift.id, managerId: admin.membershipId });
    const Z = await addPerson(db, orgId, { name: "Zoe Utan", teamId: null, managerId: D1.membershipId });
    // a manager whose only report has left is no manager of the report
    const R = await addPerson(db, orgId, { name: "Rut Ensam", role: "MANAGER", teamId: drift.id, managerId: D1.membershipId });
    await addPerson(db, orgId, { name: "Ulf Slutat", teamId: drift.id, managerId: R.membershipId, status: "DEACTIVATED" });

    const g = (title: string, o: GoalSpec) => goal(orgId, title, { signer: admin, ...o });
    const O1 = await g("O1 Växa", { owner: admin, level: "ORGANIZATION", status: "ACTIVE", due: 50 });
    const O2 = await g("O2 Spara", { owner: admin, level: "ORGANIZATION", status: "CLOSED", due: -10, outcome: "TARGET", closedDaysAgo: null });
    const T1 = await g("T1 Nord säljer", { owner: M, level: "TEAM", teamId: nord.id, status: "ACTIVE", due: 50, parentGoalId: O1.id });
    const T2 = await g("T2 Öst växer", { owner: L, level: "TEAM", teamId: sydOst.id, status: "CLOSED", due: -2, outcome: "STRETCH", confirmed: true, parentGoalId: O1.id });
    const G1 = await g("G1", { owner: E, status: "CLOSED", due: -10, outcome: "STRETCH", confirmed: true, parentGoalId: T1.id, closedDaysAgo: 9 });
    await g("G2", { owner: E, status: "CLOSED", due: 30, outcome: "MINIMUM", parentGoalId: T1.id, closedDaysAgo: 3 });
    await g("G3", { owner: N2, status: "CLOSED", due: -5, outcome: "BELOW_MINIMUM", parentGoalId: T1.id, closedDaysAgo: 5 });
    const G4 = await g("G4", { owner: N2, status: "ACTIVE", due: -1, parentGoalId: T1.id });
    const G5 = await g("G5", { owner: S1, status: "CLOSED", due: -20, outcome: "TARGET", confirmed: true, parentGoalId: T2.id, closedDaysAgo: 18 });
    const G6 = await g("G6", { owner: S1, kind: "DEVELOPMENT", status: "ACTIVE", due: 40 });
    await g("G7", { owner: D1, status: "PROPOSED", due: -3, signed: "owner" });
    const G8 = await g("G8", { owner: D1, status: "CANCELLED", due: -30, parentGoalId: O1.id });
    await g("G9", { owner: D1, status: "DRAFT", due: 10, signed: "none" });
    const G10 = await g("G10", { owner: X, status: "CLOSED", due: -40, outcome: "TARGET", confirmed: true, parentGoalId: T1.id, closedDaysAgo: 30 });
    const G11 = await g("G11", { owner: M, status: "ACTIVE", due: 20, parentGoalId: O1.id });
    await g("G12", { owner: A1, status: "CLOSED", due: -15, outcome: "MINIMUM", closedDaysAgo: 12 });
    await g("G13", { owner: Z, status: "DRAFT", due: 15, signed: "none" });
    const G14 = await g("G14", { owner: E, status: "ACTIVE", due: 90, parentGoalId: T1.id });
    await g("G15", { owner: D1, status: "CLOSED", due: -8, outcome: null, closedDaysAgo: 7, parentGoalId: O1.id });
    await g("G16", { owner: A1, status: "CLOSED", due: -15, outcome: "STRETCH", closedDaysAgo: 12 });
    const P1 = await g("P1", { owner: E, status: "CLOSED", due: -150, outcome: "STRETCH", confirmed: true, period: pastPeriodId, closedDaysAgo: 100 });
    await g("P2", { owner: E, status: "ACTIVE", due: -150, period: pastPeriodId });
    await g("P3", { owner: N2, status: "CLOSED", due: -120, outcome: "BELOW_MINIMUM", period: pastPeriodId, closedDaysAgo: 99 });

    // people move and leave after their goals were activated: the report keeps the team at activation
    await db.membership.update({ where: { id: N2.membershipId }, data: { teamId: drift.id } });
    await db.membership.update({ where: { id: X.membershipId }, data: { status: "DEACTIVATED", deactivatedAt: new Date() } });

    await checkIn(orgId, O1.id, admin, -40);
    await checkIn(orgId, O1.id, admin, -15);
    await checkIn(orgId, O2.id, admin, -12);
    await checkIn(orgId, T1.id, M, -20);
    await checkIn(orgId, T2.id, L, -61);
    await checkIn(orgId, T2.id, L, -31);
    for (const days of [-100, -30, -29]) await checkIn(orgId, G1.id, E, days);
    await checkIn(orgId, G4.id, N2, -70);
    const early = await checkIn(orgId, G4.id, N2, -45);
    await checkIn(orgId, G4.id, N2, -25, early.id);
    const wrong = await checkIn(orgId, G4.id, N2, -10);
    const stillWrong = await checkIn(orgId, G4.id, N2, -10, wrong.id);
    await checkIn(orgId, G4.id, N2, -9, stillWrong.id);
    for (const days of [-60, -59, -30, -29]) await checkIn(orgId, G5.id, S1, days);
    await checkIn(orgId, G6.id, S1, 1);
    await checkIn(orgId, G6.id, S1, 0);
    await checkIn(orgId, G10.id, admin, -50);
    await checkIn(orgId, G11.id, M, -5);
    await checkIn(orgId, G14.id, E, -3);
    await checkIn(orgId, G14.id, E, -2);
    await checkIn(orgId, G8.id, D1, -35);
    await checkIn(orgId, G8.id, D1, -31);
    await checkIn(orgId, P1.id, E, -150);

    // another organisation with rows in every table the report reads, its own correction and reporting line
    other = await createOrganization(db, { name: "Annan AB" });
    const otherId = other.organization.id;
    const otherOrg = await goal(otherId, "Annat mål", { signer: other.members.MANAGER, owner: other.members.ADMIN, level: "ORGANIZATION", status: "ACTIVE", due: 30, period: other.period.id });
    for (const [status, outcome] of [["CLOSED", "STRETCH"], ["CLOSED", "BELOW_MINIMUM"], ["ACTIVE", null]] as const) {
      const foreign = await goal(otherId, `Annat ${status} ${outcome}`, {
        signer: other.members.MANAGER,
        owner: other.members.EMPLOYEE,
        status,
        outcome,
        due: -1,
        parentGoalId: otherOrg.id,
        period: other.period.id,
      });
      const first = await checkIn(otherId, foreign.id, other.members.EMPLOYEE, -1);
      await checkIn(otherId, foreign.id, other.members.EMPLOYEE, -1, first.id);
      await checkIn(otherId, foreign.id, other.members.EMPLOYEE, -2);
    }
  });

  it("gives the report's numbers for a period with every kind of goal", async () => {
    const one = await expectSameNumbers(params(org.organization.id, periodId));
    // the comparison is not vacuous: the fixture reaches the numbers it means to
    expect(one.headline).toMatchObject({ goals: 19, closed: 10, unconfirmed: 6 });
    expect(one.headline.checkInMedian).not.toBeNull();
    expect(one.breakdown.map((row) => row.name)).toEqual(expect.arrayContaining(["Sälj", "Drift", "Team A", "Arkiv", null]));
    expect(one.breakdown.map((row) => row.name)).not.toContain("Gammal");
    expect(one.managers.length).toBeGreaterThanOrEqual(4);
    expect(one.managers.some((row) => row.checkIns30 > 0 && row.checkIns60 > row.checkIns30)).toBe(true);
    expect(one.unconfirmed.map((row) => row.title)).toEqual(["O2 Spara", "G12", "G16", "G15", "G3", "G2"]);
  });

  it("gives the report's numbers for another period and for a period without goals", async () => {
    await expectSameNumbers(params(org.organization.id, pastPeriodId));
    const empty = await expectSameNumbers(params(org.organization.id, emptyPeriodId));
    expect(empty.headline).toMatchObject({ goals: 0, checkInGoals: 0, checkInMedian: null });
  });

  it("gives the other organisation's numbers from its rows alone", async () => {
    const one = await expectSameNumbers(params(other.organization.id, other.period.id));
    expect(one.headline.goals).toBe(4);
  });

  it("answers null for a period of another organisation, as the report does", async () => {
    const p = params(other.organization.id, periodId);
    expect(await asService(p.organizationId, (tx) => reportRows(tx, p))).toBeNull();
    expect(await hrReportInOneQuery(db, p)).toBeNull();
  });

  it("refuses filters it does not cover", () => {
    expect(() => hrReportOneQuerySql({ ...params(org.organization.id, periodId), filters: { ...NO_FILTERS, kind: "PERFORMANCE" } })).toThrow();
  });
});
