import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { GoalFields, GoalKind, GoalLevel, GoalStatus } from "@/features/goals/goals.schema";
import { orgDashboardInOneQuery } from "@/features/org-dashboard/org-dashboard.repository";
import type { DashboardNode } from "@/features/org-dashboard/org-dashboard.schema";
import { comparisonOf, paramsOf, trendOf } from "@/features/org-dashboard/org-dashboard.service";
import { DEFAULT_ORGANIZATION_SETTINGS } from "@/features/organizations/settings";
import type { Db } from "@/server/db/client";
import { forOrg } from "@/server/db/for-org";
import { seedDemo } from "../../prisma/seed/demo";
import { EXEMPEL_SLUG } from "../../prisma/seed/demo-data";
import { callerFor, createOrganization, ROLES, type TestMember, type TestOrganization } from "../factories";
import { submitCheckIn } from "../factories/check-ins";
import { createGoalRow } from "../factories/goals";
import { addPerson, addTeam } from "../factories/people";
import { createPeriodRow } from "../factories/admin";
import { createTestDatabase } from "../support/test-db";
import { codeOf } from "../support/trpc-errors";

/**
 * The organisation dashboard on a small fixed organisation whose every number is worked out
 * by hand below. The clock is fixed at 2027-04-15 (only Date is faked; timers stay real).
 *
 * Every goal of organisation A measures NUMBER from baseline 0 to target 100 (minimum 60,
 * stretch 150), so a reading of v is v progress points; MONTHLY cadence (stale after
 * 1.5 × 30 = 45 days without a check-in); start 2027-01-01 and due 2027-12-31 unless noted.
 * Expected progress on 2027-04-15 = 104 / 364 days = 28.57 points, so a goal is ON_TRACK from
 * 18.57 (unless confidence ≤ 4), AT_RISK from 3.57, OFF_TRACK below.
 *
 * Teams: Team A (the factory's, a department without goals), Försäljning (a department) with
 * Sälj Nord under it, Teknik (a department).
 *
 *   period 2027                      status     team(dept)           weight  check-ins (effective: value)
 *   O1 Växa i Norden        ORG      ACTIVE     –                            none → 0, OFF_TRACK, stale (104 d)
 *   ├ T1 Fler nya kunder    TEAM     ACTIVE     Försäljning          1       02-15: 20, 03-20: 40, corrected on 04-10 to 30
 *   │                                                                         → 30, ON_TRACK, not stale
 *   ├ T2 Nordens marknad    TEAM     ACTIVE     Sälj Nord (Försälj.) 3       01-20: 10, 03-10: 120 → 120, ACHIEVED, 36 d: not stale
 *   │ ├ I1 Boka fler möten  INDIV.   ACTIVE     anna, Sälj Nord      1       02-01: 50, 04-05: 70 (confidence 3) → AT_RISK
 *   │ ├ I2 Avsluta avtal    INDIV.   CLOSED     anna, Sälj Nord      2       03-01: 100
 *   │ └ D1 (development)    INDIV.   ACTIVE     anna                         04-01: 50 — never shown nor counted
 *   ├ T3 Teknisk plattform  TEAM     PROPOSED   Teknik               1       none
 *   │ └ I6 Snabbare bygge   INDIV.   ACTIVE     bo, Teknik           1       02-10: 40; due 2027-03-31 → OVERDUE, stale (64 d)
 *   └ I4 Kodgranskning      INDIV.   ACTIVE     bo, Teknik           1       01-10: 5 → AT_RISK, stale (95 d)
 *   O2 Nöjdare kunder       ORG      ACTIVE     –                            none → OFF_TRACK, stale; only a CANCELLED goal under it
 *   O4 Grön drift           ORG      DRAFT      –                            only a development goal (D2) under it
 *   O3 Avbruten satsning    ORG      CANCELLED  –                            never shown nor counted
 *   I3 Utkast               INDIV.   DRAFT      bo, Teknik (now)             unlinked
 *   I5 Egen förbättring     INDIV.   ACTIVE     bo, Teknik                   unlinked; starts 2027-03-01; 03-25: 25 → ON_TRACK
 *                                                                             (expected 45/305 = 14.75)
 *   period 2026: O9 Förra året (ORG, ACTIVE) — another period, never part of 2027's dashboard.
 */

const NOW = new Date("2027-04-15T12:00:00Z");

const measure = (overrides: Partial<GoalFields> = {}): Partial<GoalFields> => ({
  measureType: "NUMBER",
  unit: "",
  baseline: 0,
  minimum: 60,
  target: 100,
  stretch: 150,
  startDate: "2027-01-01",
  dueDate: "2027-12-31",
  cadence: "MONTHLY",
  linkWeight: 1,
  ...overrides,
});

type World = {
  org: TestOrganization;
  people: Record<"salesLead" | "nordLead" | "techLead" | "anna" | "bo", TestMember>;
  teams: { sales: { id: string }; nord: { id: string }; tech: { id: string } };
  goals: Record<"O1" | "O2" | "O3" | "O4" | "O9" | "T1" | "T2" | "T3" | "T9" | "I1" | "I2" | "I3" | "I4" | "I5" | "I6" | "D1" | "D2", { id: string }>;
};

describe("organisation dashboard", () => {
  let db: Db;
  let w: World;
  let other: TestOrganization;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
  });

  describe("on a fixed organisation (today 2027-04-15)", () => {
    beforeAll(async () => {
      vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
      w = await buildWorld(db);
      other = await buildOtherOrganization(db);
    });
    afterAll(() => {
      vi.useRealTimers();
    });

    const slug = () => w.org.organization.slug;
    const as = (member: TestMember = w.org.members.EMPLOYEE) => callerFor(db, member.userId).orgDashboard;
    const children = (parentGoalId: string | null, extra: { cursor?: string | null; limit?: number } = {}, member?: TestMember) =>
      as(member).children({ orgSlug: slug(), periodId: w.org.period.id, parentGoalId, ...extra });
    const byId = (nodes: DashboardNode[]) => new Map(nodes.map((node) => [node.id, node]));

    it("starts the tree at the period's organisation goals that are not cancelled", async () => {
      const roots = await children(null);
      // level, then title in byte order: Grön drift, Nöjdare kunder, Växa i Norden (O3 cancelled, O9 is 2026's)
      expect(roots.nodes.map((node) => node.id)).toEqual([w.goals.O4.id, w.goals.O2.id, w.goals.O1.id]);
      expect(roots).toMatchObject({ total: 3, nextCursor: null });
      const nodes = byId(roots.nodes);

      // O1: no check-in → 0 points; 0 < 28.57 − 25 = 3.57 → OFF_TRACK; 104 days since start > 45 → stale.
      // Roll-up over its ACTIVE/CLOSED children with a measure (T3 is PROPOSED):
      //   T1 30 × 1 + T2 min(120, 100) × 3 + I4 5 × 1 = 335, weights 5 → 67 over 3 goals.
      // Children shown: T1, T2, T3, I4 = 4.
      const o1 = nodes.get(w.goals.O1.id)!;
      expect(o1).toMatchObject({ level: "ORGANIZATION", status: "ACTIVE", team: null, progressPoints: 0, health: "OFF_TRACK", stale: true, lastCheckIn: null, childCount: 4 });
      expect(o1.rollup!.goalCount).toBe(3);
      expect(o1.rollup!.progressPoints).toBeCloseTo(67, 9);
      expect(o1.owner.membershipId).toBe(w.org.members.ADMIN.membershipId);

      // O2: the only goal under it is CANCELLED → no children, no roll-up
      expect(nodes.get(w.goals.O2.id)).toMatchObject({ progressPoints: 0, health: "OFF_TRACK", stale: true, childCount: 0, rollup: null });
      // O4: a DRAFT has no status and is never stale; the development goal under it is not counted
      expect(nodes.get(w.goals.O4.id)).toMatchObject({ status: "DRAFT", progressPoints: 0, health: null, stale: false, childCount: 0, rollup: null });
    });

    it("loads the children of one node only, with their numbers", async () => {
      const level = await children(w.goals.O1.id);
      // team goals first, each level by title; then the individual goal linked straight to O1
      expect(level.nodes.map((node) => node.id)).toEqual([w.goals.T1.id, w.goals.T2.id, w.goals.T3.id, w.goals.I4.id]);
      expect(level).toMatchObject({ total: 4, nextCursor: null });
      const nodes = byId(level.nodes);

      // T1: 40 on 03-20 was replaced by 30 (effective 04-10) → 30 ≥ 18.57 with confidence 7 → ON_TRACK, 5 days → not stale
      expect(nodes.get(w.goals.T1.id)).toMatchObject({
        level: "TEAM",
        team: { id: w.teams.sales.id, name: "Försäljning" },
        progressPoints: 30,
        health: "ON_TRACK",
        stale: false,
        lastCheckIn: "2027-04-10",
        childCount: 0,
        rollup: null,
      });
      // T2: 120 ≥ target 100 → ACHIEVED, progress shown up to stretch (120); roll-up (I1 70 × 1 + I2 100 × 2) / 3 = 90
      // over 2 goals; the development goal D1 under it is neither a child nor part of the roll-up
      const t2 = nodes.get(w.goals.T2.id)!;
      expect(t2).toMatchObject({ team: { id: w.teams.nord.id, name: "Sälj Nord" }, progressPoints: 120, health: "ACHIEVED", stale: false, childCount: 2 });
      expect(t2.rollup!.goalCount).toBe(2);
      expect(t2.rollup!.progressPoints).toBeCloseTo(90, 9);
      // T3: PROPOSED → no status; roll-up of I6 alone (40 × 1 / 1)
      expect(nodes.get(w.goals.T3.id)).toMatchObject({ status: "PROPOSED", health: null, stale: false, childCount: 1, rollup: { progressPoints: 40, goalCount: 1 } });
      // I4: 5 → 3.57 ≤ 5 < 18.57 → AT_RISK; 95 days since 01-10 → stale; bo's team at activation
      expect(nodes.get(w.goals.I4.id)).toMatchObject({
        level: "INDIVIDUAL",
        owner: { membershipId: w.people.bo.membershipId, name: w.people.bo.name },
        team: { id: w.teams.tech.id, name: "Teknik" },
        progressPoints: 5,
        health: "AT_RISK",
        stale: true,
        lastCheckIn: "2027-01-10",
        rollup: null,
      });

      const deeper = await children(w.goals.T2.id);
      // I1 70 with confidence 3 ≤ 4 → ON_TRACK becomes AT_RISK; I2 is CLOSED → no status; D1 never appears
      expect(deeper.nodes.map((node) => [node.title, node.progressPoints, node.health])).toEqual([
        ["Avsluta avtal", 100, null],
        ["Boka fler möten", 70, "AT_RISK"],
      ]);
      expect((await children(w.goals.T3.id)).nodes.map((node) => [node.id, node.health, node.stale])).toEqual([[w.goals.I6.id, "OVERDUE", true]]);
      expect((await children(w.goals.I4.id)).nodes).toEqual([]);
    });

    it("gives every node the numbers the goal page's reference engine gives", async () => {
      const admin = callerFor(db, w.org.members.ADMIN.userId);
      const nodes = [...(await children(null)).nodes, ...(await children(w.goals.O1.id)).nodes, ...(await children(w.goals.T2.id)).nodes];
      for (const node of nodes) {
        const { progress } = await admin.checkIn.list({ orgSlug: slug(), goalId: node.id });
        expect(node.health, node.title).toBe(progress.health);
        expect(node.stale, node.title).toBe(progress.stale);
        expect(node.progressPoints, node.title).toBeCloseTo(progress.progressPoints, 9);
        expect(node.lastCheckIn, node.title).toBe(progress.current?.effectiveDate ?? null);
        if (progress.rollup === null) expect(node.rollup, node.title).toBeNull();
        else {
          expect(node.rollup!.goalCount, node.title).toBe(progress.rollup.goalCount);
          expect(node.rollup!.progressPoints, node.title).toBeCloseTo(progress.rollup.progressPoints, 9);
        }
      }
    });

    it("pages a wide level by cursor", async () => {
      const first = await children(w.goals.O1.id, { limit: 2 });
      expect(first.nodes.map((node) => node.id)).toEqual([w.goals.T1.id, w.goals.T2.id]);
      expect(first).toMatchObject({ total: 4, nextCursor: w.goals.T2.id });
      const second = await children(w.goals.O1.id, { limit: 2, cursor: first.nextCursor });
      expect(second.nodes.map((node) => node.id)).toEqual([w.goals.T3.id, w.goals.I4.id]);
      expect(second).toMatchObject({ total: 4, nextCursor: null });
      // the numbers do not depend on the page a node comes on
      expect(second.nodes[1]).toEqual((await children(w.goals.O1.id)).nodes[3]);
      // one node per page
      const pages: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof children>> = await children(null, { limit: 1, cursor });
        pages.push(...page.nodes.map((node) => node.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(pages).toEqual([w.goals.O4.id, w.goals.O2.id, w.goals.O1.id]);
      // a page is capped at 200 nodes
      expect(await codeOf(children(null, { limit: 201 }))).toBe("BAD_REQUEST");
    });

    it("compares the departments, with the whole organisation beside them", async () => {
      const { comparison } = await as().overview({ orgSlug: slug(), periodId: w.org.period.id });
      const zero = { ACHIEVED: 0, OVERDUE: 0, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0 };
      // Departments are the top-level teams, sorted by name; the other organisation's teams never appear.
      expect(comparison.departments.map((row) => row.name)).toEqual(["Försäljning", "Team A", "Teknik"]);
      const [sales, teamA, tech] = comparison.departments;

      // Försäljning (with Sälj Nord): T1, T2, I1, I2 = 4 goals; ACTIVE T1, T2, I1; CLOSED I2.
      // Mean progress of ACTIVE and CLOSED goals, each capped at 100: (30 + 100 + 70 + 100) / 4 = 75.
      // Check-ins effective 03-17…04-15 that stand: T1 04-10, I1 04-05 = 2 (T1's 03-20 was replaced).
      expect(sales).toMatchObject({
        teamId: w.teams.sales.id,
        goals: 4,
        active: 3,
        closed: 1,
        health: { ...zero, ACHIEVED: 1, ON_TRACK: 1, AT_RISK: 1 },
        stale: 0,
        meanProgressPoints: 75,
        checkIns30d: 2,
      });
      // Team A: no goals at all
      expect(teamA).toMatchObject({ goals: 0, active: 0, closed: 0, health: zero, stale: 0, meanProgressPoints: null, checkIns30d: 0 });
      // Teknik: T3 (PROPOSED), I3 (DRAFT, bo's team now), I4, I5, I6 = 5 goals, 3 ACTIVE;
      // I6 OVERDUE, I4 AT_RISK, I5 ON_TRACK; stale I4 and I6; mean (5 + 25 + 40) / 3 = 23.33; check-ins: I5 03-25 = 1.
      expect(tech).toMatchObject({ goals: 5, active: 3, closed: 0, health: { ...zero, OVERDUE: 1, AT_RISK: 1, ON_TRACK: 1 }, stale: 2, checkIns30d: 1 });
      expect(tech!.meanProgressPoints).toBeCloseTo(70 / 3, 9);

      // The whole organisation adds the organisation goals O1, O2 (ACTIVE, OFF_TRACK, stale) and O4 (DRAFT):
      // 4 + 5 + 3 = 12 goals, ACTIVE 3 + 3 + 2 = 8, CLOSED 1; stale 2 + 2 = 4;
      // mean (30 + 100 + 70 + 100 + 5 + 25 + 40 + 0 + 0) / 9 = 370 / 9 = 41.11; check-ins 2 + 1 = 3 (D1's 04-01 is not counted).
      expect(comparison.organization).toMatchObject({
        goals: 12,
        active: 8,
        closed: 1,
        health: { ACHIEVED: 1, OVERDUE: 1, ON_TRACK: 2, AT_RISK: 2, OFF_TRACK: 2 },
        stale: 4,
        checkIns30d: 3,
      });
      expect(comparison.organization.meanProgressPoints).toBeCloseTo(370 / 9, 9);
    });

    it("follows the mean progress month by month, corrections respected", async () => {
      const { trend, today } = await as().overview({ orgSlug: slug(), periodId: w.org.period.id });
      expect(today).toBe("2027-04-15");
      // ACTIVE and CLOSED goals with a measure: O1, O2, T1, T2, I1, I2, I4, I5, I6 (9); all but I5 started 2027-01-01.
      // Jan 31: 8 started; readings by then T2 10, I4 5 → 15 / 8 = 1.875; check-ins in January: T2, I4 = 2.
      // Feb 28: T1 20, T2 10, I1 50, I4 5, I6 40 → 125 / 8 = 15.625; check-ins: T1, I1, I6 = 3.
      // Mar 31: I5 has started (9 goals). T1 reads 20: its 03-20 value (40) was replaced, and the correction is
      //         effective only from 04-10. T2 min(120, 100) = 100, I1 50, I2 100, I4 5, I5 25, I6 40
      //         → 340 / 9 = 37.78; check-ins standing in March: T2 03-10, I2 03-01, I5 03-25 = 3.
      // Apr 15 (month not over): T1 30, T2 100, I1 70, I2 100, I4 5, I5 25, I6 40 → 370 / 9 = 41.11
      //         (the organisation's mean today); check-ins: T1 04-10, I1 04-05 = 2.
      expect(trend.map(({ meanProgressPoints: _mean, ...point }) => point)).toEqual([
        { month: "2027-01", asOf: "2027-01-31", partial: false, goalCount: 8, checkIns: 2 },
        { month: "2027-02", asOf: "2027-02-28", partial: false, goalCount: 8, checkIns: 3 },
        { month: "2027-03", asOf: "2027-03-31", partial: false, goalCount: 9, checkIns: 3 },
        { month: "2027-04", asOf: "2027-04-15", partial: true, goalCount: 9, checkIns: 2 },
      ]);
      const means = trend.map((point) => point.meanProgressPoints!);
      [15 / 8, 125 / 8, 340 / 9, 370 / 9].forEach((expected, index) => expect(means[index]).toBeCloseTo(expected, 9));
    });

    it("reads the share of performance goals aligned and the organisation goals with nothing linked", async () => {
      const { alignment } = await as().overview({ orgSlug: slug(), periodId: w.org.period.id });
      // TEAM and INDIVIDUAL performance goals neither DRAFT nor CANCELLED: T1, T2, T3, I1, I2, I4, I5, I6 = 8
      // (I3 is a DRAFT, D1 a development goal); all but I5 link to a goal → 7 / 8 = 87.5 %.
      expect(alignment).toMatchObject({ aligned: 7, total: 8, sharePoints: 87.5, orphanCount: 2 });
      // O2 (only a cancelled goal under it) and O4 (only a development goal); O1 has goals; O3 is cancelled
      expect(alignment.orphans).toEqual([
        { id: w.goals.O4.id, title: "Grön drift", status: "DRAFT", owner: { membershipId: w.org.members.ADMIN.membershipId, name: w.org.members.ADMIN.name } },
        { id: w.goals.O2.id, title: "Nöjdare kunder", status: "ACTIVE", owner: { membershipId: w.org.members.ADMIN.membershipId, name: w.org.members.ADMIN.name } },
      ]);
    });

    it("gives the same numbers as the benchmark's hand-written query", async () => {
      const overview = await as().overview({ orgSlug: slug(), periodId: w.org.period.id });
      const roots = await children(null);
      const ctx = { organization: { id: w.org.organization.id, settings: DEFAULT_ORGANIZATION_SETTINGS }, orgDb: forOrg(db, w.org.organization.id) };
      const one = await orgDashboardInOneQuery(db, paramsOf(ctx as never, w.org.period.id, NOW));

      const round = (value: unknown): unknown =>
        typeof value === "number" ? Math.round(value * 1e9) / 1e9 : Array.isArray(value) ? value.map(round) : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round(v)])) : value;
      expect(round(comparisonOf(one.departments))).toEqual(round(overview.comparison));
      expect(round(trendOf(one.trend))).toEqual(round(overview.trend));
      expect(one.alignment).toEqual({ aligned: overview.alignment.aligned, total: overview.alignment.total, orphanCount: 2, orphanIds: overview.alignment.orphans.map((orphan) => orphan.id) });
      expect(
        round(
          one.roots.map((row) => ({
            id: row.id,
            progressPoints: row.progressPoints,
            health: row.health,
            stale: row.stale,
            rollup: Number(row.rollupCount) > 0 ? { progressPoints: row.rollupPoints, goalCount: Number(row.rollupCount) } : null,
            childCount: Number(row.childCount),
          })),
        ),
      ).toEqual(round(roots.nodes.map(({ id, progressPoints, health, stale, rollup, childCount }) => ({ id, progressPoints, health, stale, rollup, childCount }))));
    });

    it("answers every member alike and never shows or counts development goals", async () => {
      const expected = { roots: await children(null), level: await children(w.goals.T2.id), overview: await as().overview({ orgSlug: slug(), periodId: w.org.period.id }) };
      // HR and ADMIN may read development goals elsewhere, anna owns D1: the dashboard is the same for all
      for (const member of [...ROLES.map((role) => w.org.members[role]), w.people.anna, w.people.bo]) {
        expect(await children(null, {}, member)).toEqual(expected.roots);
        expect(await children(w.goals.T2.id, {}, member)).toEqual(expected.level);
        expect(await as(member).overview({ orgSlug: slug(), periodId: w.org.period.id })).toEqual(expected.overview);
        // a development goal is no node of the tree, for anyone
        expect(await codeOf(children(w.goals.D1.id, {}, member))).toBe("NOT_FOUND");
      }
      expect(expected.level.nodes.some((node) => node.id === w.goals.D1.id)).toBe(false);
    });

    it("keeps to its own organisation", async () => {
      // the other organisation's period and goals are NOT_FOUND, exactly like missing ones
      expect(await codeOf(as().overview({ orgSlug: slug(), periodId: other.period.id }))).toBe("NOT_FOUND");
      expect(await codeOf(as().children({ orgSlug: slug(), periodId: other.period.id, parentGoalId: null }))).toBe("NOT_FOUND");
      const foreignGoal = await db.goal.findFirstOrThrow({ where: { organizationId: other.organization.id, level: "ORGANIZATION" } });
      expect(await codeOf(children(foreignGoal.id))).toBe("NOT_FOUND");
      expect(await codeOf(children(w.goals.O1.id, { cursor: foreignGoal.id }))).toBe("NOT_FOUND");
      // a cursor must be a node of the level asked for
      expect(await codeOf(children(w.goals.O1.id, { cursor: w.goals.I1.id }))).toBe("NOT_FOUND");
      // a member of A asking by B's slug is not a member there
      expect(await codeOf(as().overview({ orgSlug: other.organization.slug, periodId: other.period.id }))).toBe("NOT_FOUND");

      // B's own dashboard holds only B's goals: one organisation goal with its team goal under it
      const b = callerFor(db, other.members.EMPLOYEE.userId).orgDashboard;
      const bRoots = await b.children({ orgSlug: other.organization.slug, periodId: other.period.id, parentGoalId: null });
      expect(bRoots.nodes.map((node) => [node.title, node.childCount])).toEqual([["Extern vision", 1]]);
      const bOverview = await b.overview({ orgSlug: other.organization.slug, periodId: other.period.id });
      expect(bOverview.comparison.departments.map((row) => [row.name, row.goals])).toEqual([
        ["Extern avdelning", 1],
        ["Team A", 0],
      ]);
      expect(bOverview.comparison.organization).toMatchObject({ goals: 2, active: 2, checkIns30d: 1 });
      expect(bOverview.alignment).toMatchObject({ aligned: 1, total: 1, sharePoints: 100, orphanCount: 0 });
    });
  });

  describe("on the demo organisation", () => {
    it("reads 100 % of performance goals aligned", async () => {
      await seedDemo(db, { now: new Date() });
      const admin = await db.membership.findFirstOrThrow({ where: { user: { email: "admin@exempel.se" }, organization: { slug: EXEMPEL_SLUG } } });
      const period = await db.goalPeriod.findFirstOrThrow({ where: { organizationId: admin.organizationId, isCurrent: true } });
      const caller = callerFor(db, admin.userId).orgDashboard;
      const { alignment, comparison, trend } = await caller.overview({ orgSlug: EXEMPEL_SLUG, periodId: period.id });
      expect(alignment.total).toBeGreaterThan(0);
      expect(alignment.sharePoints).toBe(100);
      expect(comparison.departments.length).toBe(3);
      expect(comparison.organization.goals).toBeGreaterThan(0);
      expect(trend.length).toBeGreaterThan(0);
      const roots = await caller.children({ orgSlug: EXEMPEL_SLUG, periodId: period.id, parentGoalId: null });
      expect(roots.nodes.length).toBeGreaterThan(0);
      expect(roots.nodes.every((node) => node.level === "ORGANIZATION")).toBe(true);
    });
  });
});

// ---------------------------------------------------------------------------------------

async function goal(
  db: Db,
  org: TestOrganization,
  options: { title: string; level: GoalLevel; status: GoalStatus; owner: string; parent?: { id: string } | null; teamId?: string; kind?: GoalKind; periodId?: string; fields?: Partial<GoalFields> },
) {
  return createGoalRow(db, org.organization.id, {
    title: options.title,
    level: options.level,
    kind: options.kind ?? "PERFORMANCE",
    status: options.status,
    ownerId: options.owner,
    periodId: options.periodId ?? org.period.id,
    teamId: options.teamId ?? null,
    parentGoalId: options.parent?.id ?? null,
    fields: measure({ kind: options.kind ?? "PERFORMANCE", ...options.fields }),
  });
}

async function checkIn(db: Db, org: TestOrganization, member: TestMember, goalId: string, effectiveDate: string, value: number, extra: { confidence?: number; replacesId?: string } = {}) {
  const result = await submitCheckIn(db, member, org.organization.slug, goalId, {
    reading: { kind: "value", value },
    effectiveDate,
    confidence: extra.confidence ?? 7,
    replacesId: extra.replacesId ?? null,
  });
  return result.checkIn.id;
}

async function buildWorld(db: Db): Promise<World> {
  const org = await createOrganization(db, { name: "Dashboard AB" });
  const organizationId = org.organization.id;
  const sales = await addTeam(db, organizationId, "Försäljning");
  const nord = await addTeam(db, organizationId, "Sälj Nord", { parentTeamId: sales.id });
  const tech = await addTeam(db, organizationId, "Teknik");
  const people = {
    salesLead: await addPerson(db, organizationId, { name: "Sara Säljchef", teamId: sales.id, role: "MANAGER" }),
    nordLead: await addPerson(db, organizationId, { name: "Nils Nord", teamId: nord.id, role: "MANAGER" }),
    techLead: await addPerson(db, organizationId, { name: "Tove Teknik", teamId: tech.id, role: "MANAGER" }),
    anna: await addPerson(db, organizationId, { name: "Anna Andersson", teamId: nord.id }),
    bo: await addPerson(db, organizationId, { name: "Bo Berg", teamId: tech.id }),
  };
  const admin = org.members.ADMIN.membershipId;
  const lastYear = await createPeriodRow(db, organizationId, { name: "2026", startDate: "2026-01-01", endDate: "2026-12-31" });

  const O1 = await goal(db, org, { title: "Växa i Norden", level: "ORGANIZATION", status: "ACTIVE", owner: admin });
  const O2 = await goal(db, org, { title: "Nöjdare kunder", level: "ORGANIZATION", status: "ACTIVE", owner: admin });
  const O3 = await goal(db, org, { title: "Avbruten satsning", level: "ORGANIZATION", status: "CANCELLED", owner: admin });
  const O4 = await goal(db, org, { title: "Grön drift", level: "ORGANIZATION", status: "DRAFT", owner: admin });
  const O9 = await goal(db, org, {
    title: "Förra året",
    level: "ORGANIZATION",
    status: "ACTIVE",
    owner: admin,
    periodId: lastYear.id,
    fields: { startDate: "2026-01-01", dueDate: "2026-12-31" },
  });

  const T1 = await goal(db, org, { title: "Fler nya kunder", level: "TEAM", status: "ACTIVE", owner: people.salesLead.membershipId, teamId: sales.id, parent: O1 });
  const T2 = await goal(db, org, {
    title: "Nordens marknad",
    level: "TEAM",
    status: "ACTIVE",
    owner: people.nordLead.membershipId,
    teamId: nord.id,
    parent: O1,
    fields: { linkWeight: 3 },
  });
  const T3 = await goal(db, org, { title: "Teknisk plattform", level: "TEAM", status: "PROPOSED", owner: people.techLead.membershipId, teamId: tech.id, parent: O1 });
  const T9 = await goal(db, org, { title: "Inställd kampanj", level: "TEAM", status: "CANCELLED", owner: people.salesLead.membershipId, teamId: sales.id, parent: O2 });

  const I1 = await goal(db, org, { title: "Boka fler möten", level: "INDIVIDUAL", status: "ACTIVE", owner: people.anna.membershipId, parent: T2 });
  const I2 = await goal(db, org, { title: "Avsluta avtal", level: "INDIVIDUAL", status: "ACTIVE", owner: people.anna.membershipId, parent: T2, fields: { linkWeight: 2 } });
  const D1 = await goal(db, org, { title: "Lära mig förhandla", level: "INDIVIDUAL", kind: "DEVELOPMENT", status: "ACTIVE", owner: people.anna.membershipId, parent: T2 });
  const D2 = await goal(db, org, { title: "Lära mig hållbarhet", level: "INDIVIDUAL", kind: "DEVELOPMENT", status: "ACTIVE", owner: people.bo.membershipId, parent: O4 });
  const I3 = await goal(db, org, { title: "Utkast", level: "INDIVIDUAL", status: "DRAFT", owner: people.bo.membershipId });
  const I4 = await goal(db, org, { title: "Kodgranskning", level: "INDIVIDUAL", status: "ACTIVE", owner: people.bo.membershipId, parent: O1 });
  const I5 = await goal(db, org, { title: "Egen förbättring", level: "INDIVIDUAL", status: "ACTIVE", owner: people.bo.membershipId, fields: { startDate: "2027-03-01" } });
  const I6 = await goal(db, org, { title: "Snabbare bygge", level: "INDIVIDUAL", status: "ACTIVE", owner: people.bo.membershipId, parent: T3, fields: { dueDate: "2027-03-31" } });

  const replaced = await checkIn(db, org, people.salesLead, T1.id, "2027-03-20", 40);
  await checkIn(db, org, people.salesLead, T1.id, "2027-02-15", 20);
  await checkIn(db, org, people.salesLead, T1.id, "2027-04-10", 30, { replacesId: replaced });
  await checkIn(db, org, people.nordLead, T2.id, "2027-01-20", 10);
  await checkIn(db, org, people.nordLead, T2.id, "2027-03-10", 120);
  await checkIn(db, org, people.anna, I1.id, "2027-02-01", 50);
  await checkIn(db, org, people.anna, I1.id, "2027-04-05", 70, { confidence: 3 });
  await checkIn(db, org, people.anna, I2.id, "2027-03-01", 100);
  await checkIn(db, org, people.anna, D1.id, "2027-04-01", 50);
  await checkIn(db, org, people.bo, I4.id, "2027-01-10", 5);
  await checkIn(db, org, people.bo, I5.id, "2027-03-25", 25);
  await checkIn(db, org, people.bo, I6.id, "2027-02-10", 40);
  await db.goal.update({ where: { id: I2.id }, data: { status: "CLOSED", outcome: "TARGET", closedAt: NOW } });

  return {
    org,
    people,
    teams: { sales, nord, tech },
    goals: { O1, O2, O3, O4, O9, T1, T2, T3, T9, I1, I2, I3, I4, I5, I6, D1, D2 },
  };
}

/** A second organisation with goals and check-ins of its own, present in every query above. */
async function buildOtherOrganization(db: Db): Promise<TestOrganization> {
  const org = await createOrganization(db, { name: "Extern AB" });
  const dept = await addTeam(db, org.organization.id, "Extern avdelning");
  const lead = await addPerson(db, org.organization.id, { name: "Extern ledare", teamId: dept.id });
  const vision = await goal(db, org, { title: "Extern vision", level: "ORGANIZATION", status: "ACTIVE", owner: org.members.ADMIN.membershipId });
  const team = await goal(db, org, { title: "Externt teammål", level: "TEAM", status: "ACTIVE", owner: lead.membershipId, teamId: dept.id, parent: vision });
  await checkIn(db, org, lead, team.id, "2027-04-01", 80);
  await checkIn(db, org, org.members.ADMIN, vision.id, "2027-02-01", 10);
  return org;
}
