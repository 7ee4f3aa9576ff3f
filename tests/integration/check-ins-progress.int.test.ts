import { beforeAll, describe, expect, it } from "vitest";
import type { GoalFields, GoalKind, GoalStatus } from "@/features/goals/goals.schema";
import type { Db } from "@/server/db/client";
import { callerFor, type TestMember } from "../factories";
import { createCheckInGoal, daysFromToday, submitCheckIn, today } from "../factories/check-ins";
import { createGoalWorld, type GoalWorld } from "../factories/goals";
import { addPerson } from "../factories/people";
import { createTestDatabase } from "../support/test-db";

describe("check-ins: roll-up and check-ins due", () => {
  let db: Db;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
  });

  describe("roll-up of the goals linked directly under a goal", () => {
    let w: GoalWorld;
    beforeAll(async () => {
      w = await createGoalWorld(db);
    });

    const slug = () => w.organization.slug;
    const list = (goalId: string, member: TestMember = w.members.EMPLOYEE) => callerFor(db, member.userId).checkIn.list({ orgSlug: slug(), goalId });

    /** A goal linked under `parentGoalId`; when `value` is given it gets that check-in while ACTIVE, then takes `status`. */
    async function linked(
      parentGoalId: string,
      options: { owner?: TestMember; weight?: number; value?: number; status?: GoalStatus; kind?: GoalKind; fields?: Partial<GoalFields> },
    ) {
      const owner = options.owner ?? w.members.EMPLOYEE;
      const goal = await createCheckInGoal(db, w.organization.id, {
        ownerId: owner.membershipId,
        periodId: w.period.id,
        parentGoalId,
        kind: options.kind,
        fields: { linkWeight: options.weight ?? 1, ...options.fields },
      });
      if (options.value !== undefined) await submitCheckIn(db, owner, slug(), goal.id, { reading: { kind: "value", value: options.value } });
      if (options.status && options.status !== "ACTIVE") await db.goal.update({ where: { id: goal.id }, data: { status: options.status } });
      return goal;
    }

    const teamGoal = (parentGoalId: string | null = null) =>
      createCheckInGoal(db, w.organization.id, {
        level: "TEAM",
        teamId: w.team.id,
        ownerId: w.members.MANAGER.membershipId,
        periodId: w.period.id,
        parentGoalId,
      });

    it("is the weighted mean of the linked goals, each capped at 100 %, beside the goal's own measure", async () => {
      const team = await teamGoal();
      await linked(team.id, { value: 25 }); // 50 %
      await linked(team.id, { owner: w.peer, value: 50 }); // at stretch, 133 %: counted as 100 %
      // lower is better, 100 → 60: 90 is 25 %
      await linked(team.id, { weight: 2, value: 90, fields: { baseline: 100, minimum: 80, target: 60, stretch: 50 } });

      const { progress } = await list(team.id);
      // (0.5 × 1 + 1 × 1 + 0.25 × 2) / 4 = 50 %; uncapped it would be 58.3 %, unweighted 58.3 % too
      expect(progress.rollup).toEqual({ progressPoints: 50, goalCount: 3 });
      // the team goal's own measure has no check-in yet
      expect(progress).toMatchObject({ current: null, progressPoints: 0 });

      // DRAFT and CANCELLED goals do not count, CLOSED goals do
      await linked(team.id, { status: "DRAFT" });
      await linked(team.id, { weight: 5, value: 40, status: "CANCELLED" });
      expect((await list(team.id)).progress.rollup).toEqual({ progressPoints: 50, goalCount: 3 });
      await linked(team.id, { weight: 4, value: 40, status: "CLOSED" });
      // (2 + 1 × 4) / 8 = 75 %
      expect((await list(team.id)).progress.rollup).toEqual({ progressPoints: 75, goalCount: 4 });

      // the same for everyone who sees the goal
      for (const member of [w.members.HR, w.outsider, w.peer]) expect((await list(team.id, member)).progress.rollup).toEqual({ progressPoints: 75, goalCount: 4 });
    });

    it("follows the linked goals' current check-ins, corrections included", async () => {
      const team = await teamGoal();
      const child = await linked(team.id, { value: 25 });
      await linked(team.id, {}); // no check-in yet: no progress
      expect((await list(team.id)).progress.rollup).toEqual({ progressPoints: 25, goalCount: 2 });
      const latest = await list(child.id);
      await submitCheckIn(db, w.members.EMPLOYEE, slug(), child.id, { reading: { kind: "value", value: 40 }, replacesId: latest.checkIns[0]!.id });
      expect((await list(team.id)).progress.rollup).toEqual({ progressPoints: 50, goalCount: 2 });
    });

    it("reads only the goals directly under it", async () => {
      const organization = await createCheckInGoal(db, w.organization.id, { level: "ORGANIZATION", ownerId: w.members.ADMIN.membershipId, periodId: w.period.id });
      const team = await teamGoal(organization.id);
      await linked(team.id, { value: 40 });
      await submitCheckIn(db, w.members.MANAGER, slug(), team.id, { reading: { kind: "value", value: 31 } }); // 70 %
      // the team goal counts by its own measure, not by the goal under it
      expect((await list(organization.id)).progress.rollup).toEqual({ progressPoints: 70, goalCount: 1 });
      expect((await list(team.id)).progress.rollup).toEqual({ progressPoints: 100, goalCount: 1 });
    });

    it("is null for an individual goal and for a goal with nothing linked under it that counts", async () => {
      const individual = await linked((await teamGoal()).id, { value: 25 });
      expect((await list(individual.id)).progress.rollup).toBeNull();
      const lonely = await teamGoal();
      await linked(lonely.id, { status: "DRAFT" });
      expect((await list(lonely.id)).progress.rollup).toBeNull();
    });

    it("leaves out a development goal linked under it, which only some may see", async () => {
      const team = await teamGoal();
      await linked(team.id, { value: 25 });
      await linked(team.id, { value: 40, kind: "DEVELOPMENT" });
      expect((await list(team.id, w.outsider)).progress.rollup).toEqual({ progressPoints: 50, goalCount: 1 });
      expect((await list(team.id, w.members.HR)).progress.rollup).toEqual({ progressPoints: 50, goalCount: 1 });
    });
  });

  describe("checkIn.due", () => {
    let w: GoalWorld;
    beforeAll(async () => {
      w = await createGoalWorld(db);
    });

    const slug = () => w.organization.slug;
    const due = (member: TestMember) => callerFor(db, member.userId).checkIn.due({ orgSlug: slug() });
    const employeeGoal = (options: { status?: GoalStatus; startInDays?: number; fields?: Partial<GoalFields> } = {}) =>
      createCheckInGoal(db, w.organization.id, {
        ownerId: w.members.EMPLOYEE.membershipId,
        periodId: w.period.id,
        managerSignedById: w.members.MANAGER.membershipId,
        ...options,
      });

    it("lists the owner's goals whose cadence says a check-in is due, overdue first; managers see their reports' overdue ones", async () => {
      const nothingYet = await employeeGoal(); // BIWEEKLY from 60 days ago: due 46 days ago
      const fresh = await employeeGoal();
      await submitCheckIn(db, w.members.EMPLOYEE, slug(), fresh.id, { effectiveDate: today() });
      const dueToday = await employeeGoal();
      await submitCheckIn(db, w.members.EMPLOYEE, slug(), dueToday.id, { effectiveDate: daysFromToday(-14), reading: { kind: "value", value: 22 } });
      const weekly = await employeeGoal({ startInDays: -10, fields: { cadence: "WEEKLY" } }); // due 3 days ago
      await employeeGoal({ status: "DRAFT" });
      await employeeGoal({ status: "PROPOSED" });
      const closed = await employeeGoal();
      await db.goal.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
      await employeeGoal({ startInDays: 5 }); // not started
      await employeeGoal({ fields: { measureType: null } }); // nothing to measure

      const mine = await due(w.members.EMPLOYEE);
      expect(mine.mine.map((item) => [item.goal.id, item.dueOn, item.overdue])).toEqual([
        [nothingYet.id, daysFromToday(-46), true],
        [weekly.id, daysFromToday(-3), true],
        [dueToday.id, today(), false],
      ]);
      expect(mine.reports).toEqual([]);
      expect(mine.reportsTotal).toBe(0);

      const item = mine.mine[2]!;
      expect(item.owner).toEqual({ membershipId: w.members.EMPLOYEE.membershipId, name: w.members.EMPLOYEE.name });
      expect(item.goal).toMatchObject({ measureType: "NUMBER", baseline: 10, minimum: 30, target: 40, stretch: 50, startDate: daysFromToday(-60), dueDate: daysFromToday(60) });
      expect(item.goal.steps).toHaveLength(2);
      expect(item.progress).toMatchObject({ current: { value: 22, confidence: 7 }, canCheckIn: true, canSeePrivate: true, nextCheckInDue: today() });

      // the manager chain sees the overdue ones only, longest overdue first
      for (const boss of [w.members.MANAGER, w.director]) {
        const theirs = await due(boss);
        expect(theirs.reports.map((r) => [r.goal.id, r.overdue])).toEqual([
          [nothingYet.id, true],
          [weekly.id, true],
        ]);
        expect(theirs.reportsTotal).toBe(2);
        expect(theirs.reports[0]!.progress).toMatchObject({ canCheckIn: true, canSeePrivate: true });
      }
      for (const bystander of [w.peer, w.members.HR, w.members.ADMIN, w.outsider]) {
        expect((await due(bystander)).reports, bystander.name).toEqual([]);
      }

      // a fresh check-in takes the goal off both lists
      await submitCheckIn(db, w.members.EMPLOYEE, slug(), nothingYet.id);
      expect((await due(w.members.EMPLOYEE)).mine.map((i) => i.goal.id)).toEqual([weekly.id, dueToday.id]);
      const after = await due(w.members.MANAGER);
      expect(after.reports.map((r) => r.goal.id)).toEqual([weekly.id]);
      expect(after.reportsTotal).toBe(1);
    });

    it("counts from the current check-in: a replaced one does not count", async () => {
      const goal = await employeeGoal();
      const recent = await submitCheckIn(db, w.members.EMPLOYEE, slug(), goal.id, { effectiveDate: daysFromToday(-2) });
      expect((await due(w.members.EMPLOYEE)).mine.map((i) => i.goal.id)).not.toContain(goal.id);
      // corrected to a date 20 days ago: due 6 days ago
      await submitCheckIn(db, w.members.EMPLOYEE, slug(), goal.id, { effectiveDate: daysFromToday(-20), replacesId: recent.checkIn.id });
      const item = (await due(w.members.EMPLOYEE)).mine.find((i) => i.goal.id === goal.id);
      expect(item).toMatchObject({ dueOn: daysFromToday(-6), overdue: true });
    });

    it("shows a manager the 50 longest overdue of their reports' check-ins and counts them all", async () => {
      const boss = await addPerson(db, w.organization.id, { role: "MANAGER" });
      const report = await addPerson(db, w.organization.id, { managerId: boss.membershipId });
      const goals = [];
      for (let i = 0; i < 52; i += 1) {
        goals.push(await createCheckInGoal(db, w.organization.id, { ownerId: report.membershipId, periodId: w.period.id, startInDays: -20 - i }));
      }
      const theirs = await due(boss);
      expect(theirs.reportsTotal).toBe(52);
      expect(theirs.reports).toHaveLength(50);
      // started longest ago, due longest ago: the last created first
      expect(theirs.reports.map((r) => r.goal.id)).toEqual(goals.slice(2).reverse().map((g) => g.id));
      expect(theirs.reports.every((r) => r.owner.membershipId === report.membershipId && r.overdue)).toBe(true);
    });
  });
});
