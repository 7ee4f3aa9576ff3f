import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { GoalKind, GoalLevel, GoalStatus } from "@/features/goals/goals.schema";
import type { TeamDashboard } from "@/features/team-dashboard/team-dashboard.schema";
import type { Db } from "@/server/db/client";
import { callerFor, createOrganization, type TestMember, type TestOrganization } from "../factories";
import { createPeriodRow } from "../factories/admin";
import { submitCheckIn } from "../factories/check-ins";
import { createGoalRow } from "../factories/goals";
import { addPerson, addTeam } from "../factories/people";
import { createTestDatabase } from "../support/test-db";
import { codeOf } from "../support/trpc-errors";

/**
 * teamDashboard.get on a small fixed organisation whose every number is worked out by hand
 * below. Today is frozen at 2027-04-15 (only Date is faked; timers run as usual). The
 * organisation's settings are the defaults: on track ≥ expected − 10, at risk ≥ expected − 25,
 * confidence ≤ 4 demotes ON_TRACK to AT_RISK, stale after 1.5 cadences.
 *
 * Teams:  Kommersiellt (lead Dora)
 *           └ Sälj (lead Leo; the dashboard's team)
 *               ├ Nord ─ Nord Mikro
 *               └ Syd
 *         Ekonomi (elsewhere)
 * People: Leo (Sälj, MANAGER, reports to Maja), Maja (no team, Leo's manager), Dora (Kommersiellt, lead),
 *         Anna and Axel (Sälj, report to Leo), Nils (Nord), Nova (Nord Mikro), Sara (Syd),
 *         Xerxes (Sälj, DEACTIVATED), Mats (moved from Sälj to Ekonomi after activation),
 *         Olle (Ekonomi), and the factory's ADMIN, HR, MANAGER and EMPLOYEE in Team A.
 *
 * Every measure is the factory's NUMBER measure: baseline 10, minimum 30, target 40, stretch 50,
 * so progress = (value − 10) / 30 (value 25 → 50 %, 45 → 116.67 %, capped at 133.33 %).
 * "Feb14" goals run 2027-02-14 → 2027-06-14 (120 days); on 2027-04-15, 60 days in: expected 50,
 * so ON_TRACK from 40 points, AT_RISK from 25, OFF_TRACK below.
 */

const TODAY = "2027-04-15";

/** A number equal to `value` to nine decimals (float8 arithmetic in the database). */
const near = (value: number) => expect.closeTo(value, 9) as number;
const FEB14 = { start: "2027-02-14", due: "2027-06-14" };

describe("teamDashboard.get", () => {
  let db: Db;
  let org: TestOrganization;
  let other: TestOrganization;
  const t = {} as Record<"kommersiellt" | "salj" | "nord" | "nordMikro" | "syd" | "ekonomi", { id: string }>;
  const p = {} as Record<"leo" | "maja" | "dora" | "anna" | "axel" | "nils" | "nova" | "sara" | "xerxes" | "mats" | "olle", TestMember>;
  const g = {} as Record<string, { id: string }>;
  let period2026: { id: string };
  let otherLead: TestMember;

  const slug = () => org.organization.slug;
  const dashboard = (member: TestMember, input: { teamId?: string; periodId?: string | null } = {}) =>
    callerFor(db, member.userId).teamDashboard.get({ orgSlug: slug(), teamId: input.teamId ?? t.salj.id, ...(input.periodId !== undefined ? { periodId: input.periodId } : {}) });

  type GoalOptions = {
    level?: GoalLevel;
    kind?: GoalKind;
    status?: GoalStatus;
    teamId?: string;
    start?: string;
    due?: string;
    cadence?: "WEEKLY" | "BIWEEKLY" | "MONTHLY";
    signedBy?: TestMember;
    periodId?: string;
    title: string;
  };
  const goal = (organization: TestOrganization, owner: TestMember, options: GoalOptions) =>
    createGoalRow(db, organization.organization.id, {
      level: options.level ?? "INDIVIDUAL",
      kind: options.kind,
      status: options.status ?? "ACTIVE",
      ownerId: owner.membershipId,
      periodId: options.periodId ?? organization.period.id,
      teamId: options.teamId ?? null,
      managerSignedById: options.signedBy?.membershipId ?? null,
      title: options.title,
      fields: { startDate: options.start ?? FEB14.start, dueDate: options.due ?? FEB14.due, cadence: options.cadence ?? "BIWEEKLY" },
    });
  /** A check-in entered by the ADMIN (who may check in on every goal); returns its id. */
  const checkIn = async (organization: TestOrganization, goalId: string, effectiveDate: string, value: number, extra: { confidence?: number; replacesId?: string } = {}) => {
    const result = await submitCheckIn(db, organization.members.ADMIN, organization.organization.slug, goalId, {
      reading: { kind: "value", value },
      effectiveDate,
      confidence: extra.confidence ?? 7,
      replacesId: extra.replacesId ?? null,
    });
    return result.checkIn.id;
  };

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(`${TODAY}T12:00:00Z`) });

    org = await createOrganization(db, { name: "Exempel" });
    const id = org.organization.id;
    t.kommersiellt = await addTeam(db, id, "Kommersiellt");
    t.salj = await addTeam(db, id, "Sälj", { parentTeamId: t.kommersiellt.id });
    t.nord = await addTeam(db, id, "Nord", { parentTeamId: t.salj.id });
    t.nordMikro = await addTeam(db, id, "Nord Mikro", { parentTeamId: t.nord.id });
    t.syd = await addTeam(db, id, "Syd", { parentTeamId: t.salj.id });
    t.ekonomi = await addTeam(db, id, "Ekonomi");

    p.maja = await addPerson(db, id, { name: "Maja Chef", role: "MANAGER" });
    p.dora = await addPerson(db, id, { name: "Dora Direktör", role: "MANAGER", teamId: t.kommersiellt.id });
    p.leo = await addPerson(db, id, { name: "Leo Lead", role: "MANAGER", teamId: t.salj.id, managerId: p.maja.membershipId });
    p.anna = await addPerson(db, id, { name: "Anna Ek", teamId: t.salj.id, managerId: p.leo.membershipId });
    p.axel = await addPerson(db, id, { name: "Axel Berg", teamId: t.salj.id, managerId: p.leo.membershipId });
    p.nils = await addPerson(db, id, { name: "Nils Norr", teamId: t.nord.id, managerId: p.leo.membershipId });
    p.nova = await addPerson(db, id, { name: "Nova Lind", teamId: t.nordMikro.id, managerId: p.leo.membershipId });
    p.sara = await addPerson(db, id, { name: "Sara Syd", teamId: t.syd.id, managerId: p.leo.membershipId });
    p.xerxes = await addPerson(db, id, { name: "Xerxes Ut", teamId: t.salj.id, managerId: p.leo.membershipId });
    p.mats = await addPerson(db, id, { name: "Mats Flytt", teamId: t.salj.id, managerId: p.leo.membershipId });
    p.olle = await addPerson(db, id, { name: "Olle Annan", teamId: t.ekonomi.id });
    await db.teamLead.create({ data: { organizationId: id, teamId: t.kommersiellt.id, membershipId: p.dora.membershipId } });
    await db.teamLead.create({ data: { organizationId: id, teamId: t.salj.id, membershipId: p.leo.membershipId } });
    period2026 = await createPeriodRow(db, id, { name: "2026", startDate: "2026-01-01", endDate: "2026-12-31" });

    // ---- team goals
    // TG1 Sälj, ON_TRACK: Feb 20 → 16 (20 %), Mar 20 → 22 (40 %) corrected on the same date to 28 (60 %),
    // Apr 10 → 25 (50 %, current). Next check-in Apr 10 + 14 = Apr 24: not overdue. Signed by Maja.
    g.tg1 = await goal(org, p.leo, { level: "TEAM", teamId: t.salj.id, title: "TG1 Sälj på rätt spår", signedBy: p.maja });
    await checkIn(org, g.tg1.id, "2027-02-20", 16);
    const march = await checkIn(org, g.tg1.id, "2027-03-20", 22);
    await checkIn(org, g.tg1.id, "2027-03-20", 28, { replacesId: march });
    await checkIn(org, g.tg1.id, "2027-04-10", 25);
    // TG2 Sälj, MONTHLY, OFF_TRACK: Feb 28 → 13 (10 %). Next Feb 28 + 30 = Mar 30 < Apr 15: overdue;
    // Apr 15 − Feb 28 = 46 days > 1.5 × 30 = 45: stale.
    g.tg2 = await goal(org, p.leo, { level: "TEAM", teamId: t.salj.id, title: "TG2 Sälj efter", cadence: "MONTHLY" });
    await checkIn(org, g.tg2.id, "2027-02-28", 13);
    // TG3 Nord (a sub-team's team goal), ACHIEVED: Apr 12 → 45 (116.67 %, counted as 100 in means).
    g.tg3 = await goal(org, p.nils, { level: "TEAM", teamId: t.nord.id, title: "TG3 Nord klart" });
    await checkIn(org, g.tg3.id, "2027-04-12", 45);
    // TG4 Sälj, DRAFT: NOT_ACTIVE. TG5 Sälj CANCELLED and TGE Ekonomi: not counted.
    g.tg4 = await goal(org, p.leo, { level: "TEAM", teamId: t.salj.id, title: "TG4 Sälj utkast", status: "DRAFT" });
    g.tg5 = await goal(org, p.leo, { level: "TEAM", teamId: t.salj.id, title: "TG5 Sälj inställt", status: "CANCELLED" });
    g.tge = await goal(org, p.olle, { level: "TEAM", teamId: t.ekonomi.id, title: "TGE Ekonomi" });
    await checkIn(org, g.tge.id, "2027-04-01", 40);

    // ---- individual goals
    // IA1 Anna, AT_RISK (30 points: ≥ 25, < 40): Feb 25 → 16, corrected by a check-in dated Mar 3 → 17.5 (25 %);
    // Apr 5 → 19 (30 %, current). Next Apr 19: not overdue. Accepted (Leo signed).
    g.ia1 = await goal(org, p.anna, { title: "IA1 Anna", signedBy: p.leo });
    const february = await checkIn(org, g.ia1.id, "2027-02-25", 16);
    await checkIn(org, g.ia1.id, "2027-03-03", 17.5, { replacesId: february });
    await checkIn(org, g.ia1.id, "2027-04-05", 19);
    // IA1dev Anna's development goal, OFF_TRACK (no check-in: 0 points); next Feb 14 + 14 = Feb 28: overdue;
    // 60 days without a check-in > 21: stale. Seen only by Anna, Leo, Maja, HR and ADMIN (not Dora).
    g.ia1dev = await goal(org, p.anna, { title: "IA1dev Anna lär sig", kind: "DEVELOPMENT", signedBy: p.leo });
    // IA2 Axel, PROPOSED (only Axel signed): NOT_ACTIVE, not accepted; counted for his current team Sälj.
    g.ia2 = await goal(org, p.axel, { title: "IA2 Axel", status: "PROPOSED" });
    // IN1 Nils (Nord), MONTHLY, ON_TRACK: Mar 10 → 31 (70 %). Next Mar 10 + 30 = Apr 9: overdue;
    // 36 days ≤ 45: not stale. Accepted.
    g.in1 = await goal(org, p.nils, { title: "IN1 Nils", cadence: "MONTHLY", signedBy: p.leo });
    await checkIn(org, g.in1.id, "2027-03-10", 31);
    // INM Nova (Nord Mikro), CLOSED at target: Mar 5 → 40 (100 %). Accepted.
    g.inm = await goal(org, p.nova, { title: "INM Nova", signedBy: p.leo });
    await checkIn(org, g.inm.id, "2027-03-05", 40);
    await db.goal.update({ where: { id: g.inm.id }, data: { status: "CLOSED", outcome: "TARGET", closedAt: new Date() } });
    // IX Xerxes (deactivated later), Jan 1 → Apr 1, OVERDUE (past due below target): Mar 15 → 25 (50 %).
    // Next Mar 15 + 14 = Mar 29: overdue; 31 days > 21: stale.
    g.ix = await goal(org, p.xerxes, { title: "IX Xerxes", start: "2027-01-01", due: "2027-04-01", signedBy: p.leo });
    await checkIn(org, g.ix.id, "2027-03-15", 25);
    await db.membership.update({ where: { id: p.xerxes.membershipId }, data: { status: "DEACTIVATED", deactivatedAt: new Date() } });
    // IM Mats, activated in Sälj and moved to Ekonomi since: still Sälj's. Apr 8 → 34 (80 %) with
    // confidence 4: ON_TRACK demoted to AT_RISK. Next Apr 22: not overdue. Accepted.
    g.im = await goal(org, p.mats, { title: "IM Mats", signedBy: p.leo });
    await checkIn(org, g.im.id, "2027-04-08", 34, { confidence: 4 });
    await db.membership.update({ where: { id: p.mats.membershipId }, data: { teamId: t.ekonomi.id } });
    // Olle in Ekonomi: not Sälj's. Sara: a CANCELLED goal signed by both in 2027 (does not count as
    // accepted) and a CLOSED accepted goal in 2026 only.
    g.io = await goal(org, p.olle, { title: "IO Olle", signedBy: p.maja });
    g.isCancelled = await goal(org, p.sara, { title: "IS Sara inställt", status: "CANCELLED", signedBy: p.leo });
    g.is2026 = await goal(org, p.sara, {
      title: "IS Sara 2026",
      status: "CLOSED",
      signedBy: p.leo,
      periodId: period2026.id,
      start: "2026-03-01",
      due: "2026-11-30",
    });
    // an organisation goal belongs to no team
    g.og = await goal(org, org.members.ADMIN, { level: "ORGANIZATION", title: "OG" });

    // ---- a second organisation with the same shapes and names, which must change nothing above
    other = await createOrganization(db, { name: "Annan" });
    const oid = other.organization.id;
    const otherSalj = await addTeam(db, oid, "Sälj");
    await addTeam(db, oid, "Nord", { parentTeamId: otherSalj.id });
    otherLead = await addPerson(db, oid, { name: "Leo Annan", role: "MANAGER", teamId: otherSalj.id });
    await db.teamLead.create({ data: { organizationId: oid, teamId: otherSalj.id, membershipId: otherLead.membershipId } });
    const otherPerson = await addPerson(db, oid, { name: "Anna Annan", teamId: otherSalj.id, managerId: otherLead.membershipId });
    const otherTeamGoal = await goal(other, otherLead, { level: "TEAM", teamId: otherSalj.id, title: "Annan TG" });
    await checkIn(other, otherTeamGoal.id, "2027-03-01", 49);
    const otherGoal = await goal(other, otherPerson, { title: "Annan IA", signedBy: otherLead });
    await checkIn(other, otherGoal.id, "2027-02-20", 10);
    g.otherSalj = otherSalj;
  });

  afterAll(() => {
    vi.useRealTimers();
  });

  const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
  const byId = (view: TeamDashboard, goalId: string) => view.goals.rows.find((row) => row.id === goalId);

  describe("the full view (the lead)", () => {
    let view: TeamDashboard;
    beforeAll(async () => {
      view = await dashboard(p.leo);
    });

    it("names the team, the teams above it, its leads, the period and today", () => {
      expect(view.access).toBe("full");
      expect(view.today).toBe(TODAY);
      expect(view.team).toEqual({ id: t.salj.id, name: "Sälj", archived: false, path: [{ id: t.kommersiellt.id, name: "Kommersiellt" }], leads: [{ membershipId: p.leo.membershipId, name: "Leo Lead" }] });
      expect(view.period).toEqual({ id: org.period.id, name: "2027", startDate: "2027-01-01", endDate: "2027-12-31", isCurrent: true });
      expect(view.periods.map((period) => period.name)).toEqual(["2027", "2026"]);
    });

    it("counts the goals of the team, its sub-teams and its people, with their status", () => {
      // TG1 TG2 TG3 TG4 (team) + IA1 IA1dev IA2 IN1 INM IX IM (people) = 11; not TG5 (cancelled), TGE, IO (Ekonomi),
      // IS (cancelled; 2026), OG (organisation), nor the other organisation's
      expect(view.summary).toEqual({
        goals: 11,
        teamGoals: 4,
        peopleGoals: 7,
        // TG1 TG2 TG3 IA1 IA1dev IN1 IX IM
        active: 8,
        distribution: {
          ACHIEVED: 1, // TG3
          ON_TRACK: 2, // TG1 (50 ≥ 40), IN1 (70)
          AT_RISK: 2, // IA1 (30 ≥ 25), IM (80 but confidence 4)
          OFF_TRACK: 2, // TG2 (10), IA1dev (0)
          OVERDUE: 1, // IX (past its due date Apr 1 below target)
          CLOSED: 1, // INM
          NOT_ACTIVE: 2, // TG4 (draft), IA2 (proposed)
        },
        // ACTIVE and CLOSED, capped at 100: TG1 50 + TG2 10 + TG3 100 + IA1 30 + IA1dev 0 + IN1 70 + IX 50 + IM 80 + INM 100
        // = 490 / 9 = 54.44
        meanProgressPoints: near(490 / 9),
        // TG2 (46 > 45 days), IA1dev (60 > 21), IX (31 > 21)
        stale: 3,
        // IA1dev (due Feb 28), IX (Mar 29), TG2 (Mar 30), IN1 (Apr 9)
        checkInsOverdue: 4,
        // Leo, Anna, Axel (Sälj), Nils (Nord), Nova (Nord Mikro), Sara (Syd); not Xerxes (deactivated) nor Mats (moved)
        people: 6,
        // Axel (only a proposed goal) and Sara (cancelled in 2027, accepted only in 2026)
        peopleWithoutAcceptedGoal: 2,
      });
    });

    it("lists the goals: team goals first (own team, then sub-teams), then by urgency", () => {
      expect(view.goals.total).toBe(11);
      // team goals at depth 0: TG2 (off track), TG1 (on track), TG4 (not active); depth 1: TG3;
      // people's goals at depth 0: IX (overdue), IA1dev (off track), IA1 and IM (at risk; Anna before Mats), IA2 (not active);
      // depth 1: IN1; depth 2: INM
      expect(ids(view.goals.rows)).toEqual([g.tg2, g.tg1, g.tg4, g.tg3, g.ix, g.ia1dev, g.ia1, g.im, g.ia2, g.in1, g.inm].map((goal) => goal!.id));
      expect(byId(view, g.tg1!.id)).toEqual({
        id: g.tg1!.id,
        title: "TG1 Sälj på rätt spår",
        level: "TEAM",
        kind: "PERFORMANCE",
        status: "ACTIVE",
        owner: { membershipId: p.leo.membershipId, name: "Leo Lead" },
        team: { id: t.salj.id, name: "Sälj" },
        progressPoints: near(50), // (25 − 10) / 30
        health: "ON_TRACK",
        stale: false,
        lastCheckIn: "2027-04-10",
        nextCheckInDue: "2027-04-24",
        checkInOverdue: false,
        accepted: true,
      });
      // the goal's own progress is not capped: (45 − 10) / 30 = 116.67 %
      expect(byId(view, g.tg3!.id)).toMatchObject({ team: { id: t.nord.id, name: "Nord" }, progressPoints: near(350 / 3), health: "ACHIEVED" });
      expect(byId(view, g.im!.id)).toMatchObject({ team: { id: t.salj.id, name: "Sälj" }, health: "AT_RISK", accepted: true });
      expect(byId(view, g.ia2!.id)).toMatchObject({ status: "PROPOSED", health: null, accepted: false, nextCheckInDue: null, checkInOverdue: false });
      expect(byId(view, g.inm!.id)).toMatchObject({ status: "CLOSED", health: null, progressPoints: near(100), stale: false, nextCheckInDue: null });
      expect(byId(view, g.ix!.id)).toMatchObject({ health: "OVERDUE", stale: true, nextCheckInDue: "2027-03-29", checkInOverdue: true });
    });

    it("lists the overdue check-ins, the longest overdue first, stale ones flagged", () => {
      expect(view.overdue.total).toBe(4);
      expect(view.overdue.rows.map((row) => [row.id, row.nextCheckInDue, row.stale])).toEqual([
        [g.ia1dev!.id, "2027-02-28", true],
        [g.ix!.id, "2027-03-29", true],
        [g.tg2!.id, "2027-03-30", true],
        [g.in1!.id, "2027-04-09", false],
      ]);
    });

    it("draws the monthly trend from the check-ins effective by each month end, corrections replacing", () => {
      expect(view.trend).toEqual([
        // Jan 31: only IX has started (Jan 1), no check-in yet: 0. Expected: 30 of IX's 90 days = 33.33
        { month: "2027-01", asOf: "2027-01-31", team: { goals: 0, meanProgressPoints: null }, people: { goals: 1, meanProgressPoints: 0 }, expectedPoints: near(100 / 3) },
        {
          month: "2027-02",
          asOf: "2027-02-28",
          // TG1 Feb 20 → 20, TG2 Feb 28 → 10, TG3 none → 0: 30 / 3 = 10
          team: { goals: 3, meanProgressPoints: near(10) },
          // IA1's Feb 25 reading is replaced (its correction is dated Mar 3), so IA1, IA1dev, IN1, INM, IX, IM are all 0
          people: { goals: 6, meanProgressPoints: 0 },
          // eight Feb14 goals 14 of 120 days = 11.67 each, IX 58 of 90 = 64.44: (8 × 11.67 + 64.44) / 9 = 17.53
          expectedPoints: near((8 * (14 / 120) * 100 + (58 / 90) * 100) / 9),
        },
        {
          month: "2027-03",
          asOf: "2027-03-31",
          // TG1's Mar 20 reading is the correction 28 → 60 (not 22 → 40), TG2 10, TG3 0: 70 / 3 = 23.33
          team: { goals: 3, meanProgressPoints: near(70 / 3) },
          // IA1 17.5 → 25, IA1dev 0, IN1 70, INM 100, IX 50, IM 0: 245 / 6 = 40.83
          people: { goals: 6, meanProgressPoints: near(245 / 6) },
          // eight × 45/120 = 37.5, IX 89 of 90 = 98.89: (300 + 98.89) / 9 = 44.32
          expectedPoints: near((8 * 37.5 + (89 / 90) * 100) / 9),
        },
        {
          month: "2027-04",
          asOf: TODAY,
          // TG1 50, TG2 10, TG3 116.67 capped at 100: 160 / 3 = 53.33
          team: { goals: 3, meanProgressPoints: near(160 / 3) },
          // IA1 30, IA1dev 0, IN1 70, INM 100, IX 50, IM 80: 330 / 6 = 55
          people: { goals: 6, meanProgressPoints: near(55) },
          // eight × 60/120 = 50, IX past due = 100: 500 / 9 = 55.56
          expectedPoints: near(500 / 9),
        },
      ]);
    });

    it("lists the people without an accepted goal (an anti-join), with their goals waiting to be signed", () => {
      expect(view.withoutAcceptedGoal).toEqual({
        rows: [
          { person: { membershipId: p.axel.membershipId, name: "Axel Berg" }, team: { id: t.salj.id, name: "Sälj" }, pendingGoals: 1 },
          { person: { membershipId: p.sara.membershipId, name: "Sara Syd" }, team: { id: t.syd.id, name: "Syd" }, pendingGoals: 0 },
        ],
        total: 2,
      });
    });

    it("rolls each direct sub-team up over its whole subtree", () => {
      expect(view.subTeams).toEqual([
        {
          team: { id: t.nord.id, name: "Nord", archived: false },
          stats: {
            // TG3 (Nord), IN1 (Nils, Nord), INM (Nova, Nord Mikro)
            goals: 3,
            teamGoals: 1,
            peopleGoals: 2,
            active: 2,
            distribution: { ACHIEVED: 1, ON_TRACK: 1, AT_RISK: 0, OFF_TRACK: 0, OVERDUE: 0, CLOSED: 1, NOT_ACTIVE: 0 },
            // TG3 100 (capped) + IN1 70 + INM 100 = 270 / 3 = 90
            meanProgressPoints: near(90),
            stale: 0,
            checkInsOverdue: 1, // IN1
            people: 2, // Nils, Nova
            peopleWithoutAcceptedGoal: 0,
          },
        },
        {
          team: { id: t.syd.id, name: "Syd", archived: false },
          stats: {
            goals: 0,
            teamGoals: 0,
            peopleGoals: 0,
            active: 0,
            distribution: { ACHIEVED: 0, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, OVERDUE: 0, CLOSED: 0, NOT_ACTIVE: 0 },
            meanProgressPoints: null,
            stale: 0,
            checkInsOverdue: 0,
            people: 1, // Sara
            peopleWithoutAcceptedGoal: 1,
          },
        },
      ]);
    });

    it("shows a sub-team's own dashboard over its subtree", async () => {
      const nord = await dashboard(p.leo, { teamId: t.nord.id });
      expect(nord.access).toBe("full"); // Leo leads Sälj, above Nord
      expect(nord.team.path).toEqual([
        { id: t.kommersiellt.id, name: "Kommersiellt" },
        { id: t.salj.id, name: "Sälj" },
      ]);
      expect(nord.team.leads).toEqual([]);
      expect(ids(nord.goals.rows)).toEqual([g.tg3!.id, g.in1!.id, g.inm!.id]);
      expect(nord.subTeams?.map((row) => [row.team.name, row.stats.goals, row.stats.people])).toEqual([["Nord Mikro", 1, 1]]);
    });
  });

  describe("another period", () => {
    it("counts only that period's goals and acceptances, and draws every month of a past period", async () => {
      const view = await dashboard(p.leo, { periodId: period2026.id });
      expect(view.period?.name).toBe("2026");
      // only Sara's closed 2026 goal
      expect(view.summary).toMatchObject({ goals: 1, peopleGoals: 1, active: 0, people: 6, peopleWithoutAcceptedGoal: 5 });
      expect(view.summary.distribution.CLOSED).toBe(1);
      expect(view.withoutAcceptedGoal?.rows.map((row) => row.person.name)).toEqual(["Anna Ek", "Axel Berg", "Leo Lead", "Nils Norr", "Nova Lind"]);
      // Jan … Dec 2026; the goal counts from its start on Mar 1, with no check-in: 0
      expect(view.trend.map((point) => point.asOf)).toEqual([
        "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30",
        "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30", "2026-12-31",
      ]);
      expect(view.trend[1]!.people).toEqual({ goals: 0, meanProgressPoints: null });
      expect(view.trend[2]!.people).toEqual({ goals: 1, meanProgressPoints: 0 });
    });

    it("ends the trend at the period's end when that falls mid-month", async () => {
      const short = await createPeriodRow(db, org.organization.id, { name: "2027 v1–7", startDate: "2027-01-01", endDate: "2027-02-15" });
      const view = await dashboard(p.leo, { periodId: short.id });
      expect(view.trend.map((point) => point.asOf)).toEqual(["2027-01-31", "2027-02-15"]);
    });

    it("answers NOT_FOUND for another organisation's period", async () => {
      expect(await codeOf(dashboard(p.leo, { periodId: other.period.id }))).toBe("NOT_FOUND");
    });
  });

  describe("who sees what", () => {
    it("gives the lead's manager, HR and ADMIN the same full view as the lead", async () => {
      const lead = await dashboard(p.leo);
      for (const member of [p.maja, org.members.HR, org.members.ADMIN]) {
        const view = await dashboard(member);
        expect(view.access).toBe("full");
        expect(view.summary).toEqual(lead.summary);
        expect(ids(view.goals.rows)).toEqual(ids(lead.goals.rows));
        expect(view.withoutAcceptedGoal).toEqual(lead.withoutAcceptedGoal);
        expect(view.subTeams).toEqual(lead.subTeams);
      }
    });

    it("gives the lead of a team above the full view, without development goals she may not see", async () => {
      const view = await dashboard(p.dora);
      expect(view.access).toBe("full");
      expect(ids(view.goals.rows)).not.toContain(g.ia1dev!.id);
      // the lead's numbers without IA1dev (OFF_TRACK, 0 points, stale, overdue)
      expect(view.summary).toMatchObject({
        goals: 10,
        peopleGoals: 6,
        active: 7,
        stale: 2,
        checkInsOverdue: 3,
        meanProgressPoints: near(490 / 8), // 61.25
        people: 6,
        peopleWithoutAcceptedGoal: 2,
      });
      expect(view.summary.distribution.OFF_TRACK).toBe(1);
      // Apr 15 people: (30 + 70 + 100 + 50 + 80) / 5 = 66
      expect(view.trend[3]!.people).toEqual({ goals: 5, meanProgressPoints: near(66) });
    });

    it("gives everyone else only the team's own public team goals, and no people", async () => {
      // Olle (another team), Anna (a report of the lead, not above him) and the factory's MANAGER
      for (const member of [p.olle, p.anna, org.members.MANAGER]) {
        const view = await dashboard(member);
        expect(view.access).toBe("public");
        // TG2 (off track), TG1 (on track), TG4 (draft); not TG3 (Nord's) nor any person's goal
        expect(ids(view.goals.rows)).toEqual([g.tg2!.id, g.tg1!.id, g.tg4!.id]);
        expect(view.summary).toEqual({
          goals: 3,
          teamGoals: 3,
          peopleGoals: 0,
          active: 2,
          distribution: { ACHIEVED: 0, ON_TRACK: 1, AT_RISK: 0, OFF_TRACK: 1, OVERDUE: 0, CLOSED: 0, NOT_ACTIVE: 1 },
          meanProgressPoints: near(30), // (50 + 10) / 2
          stale: 1, // TG2
          checkInsOverdue: 1, // TG2
          people: null,
          peopleWithoutAcceptedGoal: null,
        });
        expect(view.overdue.rows.map((row) => row.id)).toEqual([g.tg2!.id]);
        expect(view.withoutAcceptedGoal).toBeNull();
        expect(view.subTeams).toBeNull();
        expect(view.trend).toEqual([
          { month: "2027-01", asOf: "2027-01-31", team: { goals: 0, meanProgressPoints: null }, people: null, expectedPoints: null },
          // TG1 20, TG2 10: 15; both 14 of 120 days
          { month: "2027-02", asOf: "2027-02-28", team: { goals: 2, meanProgressPoints: near(15) }, people: null, expectedPoints: near((14 / 120) * 100) },
          // TG1 60 (the correction), TG2 10: 35
          { month: "2027-03", asOf: "2027-03-31", team: { goals: 2, meanProgressPoints: near(35) }, people: null, expectedPoints: near(37.5) },
          // TG1 50, TG2 10: 30
          { month: "2027-04", asOf: TODAY, team: { goals: 2, meanProgressPoints: near(30) }, people: null, expectedPoints: near(50) },
        ]);
      }
    });

    it("answers NOT_FOUND for another organisation's team, for every role", async () => {
      for (const member of [p.leo, org.members.HR, org.members.ADMIN, p.olle]) {
        expect(await codeOf(dashboard(member, { teamId: g.otherSalj!.id }))).toBe("NOT_FOUND");
      }
      // and the other organisation's own lead does not reach this one's team through his slug
      const caller = callerFor(db, otherLead.userId).teamDashboard;
      expect(await codeOf(caller.get({ orgSlug: other.organization.slug, teamId: t.salj.id }))).toBe("NOT_FOUND");
      expect(await codeOf(caller.get({ orgSlug: slug(), teamId: t.salj.id }))).toBe("NOT_FOUND");
    });
  });

  describe("an empty team and an organisation without periods", () => {
    it("answers zeros and empty lists for a team with no goals and no people", async () => {
      const empty = await addTeam(db, org.organization.id, "Tomt");
      const view = await dashboard(org.members.HR, { teamId: empty.id });
      expect(view.summary).toMatchObject({ goals: 0, active: 0, meanProgressPoints: null, people: 0, peopleWithoutAcceptedGoal: 0 });
      expect(view.goals).toEqual({ rows: [], total: 0 });
      expect(view.subTeams).toEqual([]);
      expect(view.trend.map((point) => point.team.goals + (point.people?.goals ?? 0))).toEqual([0, 0, 0, 0]);
    });

    it("answers with no period when the organisation has none", async () => {
      const lonely = await createOrganization(db, { name: "Utan perioder" });
      await db.goalPeriod.deleteMany({ where: { organizationId: lonely.organization.id } });
      const view = await callerFor(db, lonely.members.ADMIN.userId).teamDashboard.get({ orgSlug: lonely.organization.slug, teamId: lonely.team.id });
      expect(view.period).toBeNull();
      expect(view.periods).toEqual([]);
      expect(view.summary.goals).toBe(0);
    });
  });
});
