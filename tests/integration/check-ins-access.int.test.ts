import { beforeAll, describe, expect, it } from "vitest";
import type { GoalKind, GoalLevel } from "@/features/goals/goals.schema";
import type { Db } from "@/server/db/client";
import { callerFor, createOrganization, createUser, type TestMember, type TestOrganization } from "../factories";
import { checkInInput, createCheckInGoal, submitCheckIn, today } from "../factories/check-ins";
import { createGoalWorld, type GoalWorld } from "../factories/goals";
import { createTestDatabase } from "../support/test-db";
import { codeOf } from "../support/trpc-errors";

/**
 * Who may check in, who sees what of a check-in, and that nothing crosses organisations.
 * The world: EMPLOYEE reports to MANAGER (who leads Team A), MANAGER to the director; the
 * peer shares the EMPLOYEE's manager and team; the outsider is in another team, under nobody.
 */
describe("check-ins: permissions, privacy and tenancy", () => {
  let db: Db;
  let w: GoalWorld;
  let other: TestOrganization;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    w = await createGoalWorld(db);
    other = await createOrganization(db, { name: "Annat AB" });
  });

  const slug = () => w.organization.slug;
  const as = (member: TestMember) => callerFor(db, member.userId).checkIn;
  const everyone = () =>
    ({
      owner: w.members.EMPLOYEE,
      manager: w.members.MANAGER,
      director: w.director,
      admin: w.members.ADMIN,
      hr: w.members.HR,
      peer: w.peer,
      outsider: w.outsider,
    }) as const;
  type Who = keyof ReturnType<typeof everyone>;

  const goalOf = (owner: TestMember, options: { level?: GoalLevel; kind?: GoalKind; teamId?: string | null } = {}) =>
    createCheckInGoal(db, w.organization.id, { ownerId: owner.membershipId, periodId: w.period.id, ...options });

  /** The answer code of a fresh submission by each person, by name. */
  async function submitCodes(goalId: string) {
    const codes: Partial<Record<Who, string>> = {};
    for (const [who, member] of Object.entries(everyone()) as [Who, TestMember][]) {
      codes[who] = await codeOf(submitCheckIn(db, member, slug(), goalId));
    }
    return codes;
  }

  describe("who may check in", () => {
    it("lets the owner, the manager chain and ADMIN check in on an individual goal; not a peer, an outsider or HR", async () => {
      const goal = await goalOf(w.members.EMPLOYEE);
      expect(await submitCodes(goal.id)).toEqual({
        owner: "OK",
        manager: "OK",
        director: "OK",
        admin: "OK",
        hr: "FORBIDDEN",
        peer: "FORBIDDEN",
        outsider: "FORBIDDEN",
      });
      const rows = await db.checkIn.findMany({ where: { goalId: goal.id }, select: { authorId: true } });
      expect(rows.map((row) => row.authorId).sort()).toEqual(
        [w.members.EMPLOYEE, w.members.MANAGER, w.director, w.members.ADMIN].map((m) => m.membershipId).sort(),
      );
    });

    it("lets a team's lead check in on the team's goal owned by someone they do not manage", async () => {
      // the director owns Team A's goal; the MANAGER leads Team A but is below the director
      const goal = await goalOf(w.director, { level: "TEAM", teamId: w.team.id });
      expect(await submitCodes(goal.id)).toEqual({
        owner: "FORBIDDEN", // the EMPLOYEE is in Team A but does not lead it
        manager: "OK",
        director: "OK",
        admin: "OK",
        hr: "FORBIDDEN",
        peer: "FORBIDDEN",
        outsider: "FORBIDDEN",
      });
      // leading a team gives nothing on another team's goal
      const otherTeams = await goalOf(w.director, { level: "TEAM", teamId: w.otherTeam.id });
      expect(await codeOf(submitCheckIn(db, w.members.MANAGER, slug(), otherTeams.id))).toBe("FORBIDDEN");
    });

    it("hides a development goal from those who may not see it (NOT_FOUND) while HR reads but may not check in", async () => {
      const goal = await goalOf(w.members.EMPLOYEE, { kind: "DEVELOPMENT" });
      expect(await submitCodes(goal.id)).toEqual({
        owner: "OK",
        manager: "OK",
        director: "OK",
        admin: "OK",
        hr: "FORBIDDEN",
        peer: "NOT_FOUND",
        outsider: "NOT_FOUND",
      });
      for (const who of ["peer", "outsider"] as const) {
        expect(await codeOf(as(everyone()[who]).list({ orgSlug: slug(), goalId: goal.id })), who).toBe("NOT_FOUND");
      }
      for (const who of ["owner", "manager", "director", "admin", "hr"] as const) {
        expect(await codeOf(as(everyone()[who]).list({ orgSlug: slug(), goalId: goal.id })), who).toBe("OK");
      }
    });

    it("tells each caller whether they may check in", async () => {
      const goal = await goalOf(w.members.EMPLOYEE);
      const can: Partial<Record<Who, boolean>> = {};
      for (const [who, member] of Object.entries(everyone()) as [Who, TestMember][]) {
        can[who] = (await as(member).list({ orgSlug: slug(), goalId: goal.id })).progress.canCheckIn;
      }
      expect(can).toEqual({ owner: true, manager: true, director: true, admin: true, hr: false, peer: false, outsider: false });
    });
  });

  describe("privacy of confidence and comments", () => {
    it("shows them to the owner, the manager chain, HR and ADMIN, and values and progress to everyone who sees the goal", async () => {
      const goal = await goalOf(w.members.EMPLOYEE);
      await submitCheckIn(db, w.members.EMPLOYEE, slug(), goal.id, { reading: { kind: "value", value: 25 }, confidence: 3, comment: "Tufft just nu" });

      const seen: Partial<Record<Who, unknown>> = {};
      for (const [who, member] of Object.entries(everyone()) as [Who, TestMember][]) {
        const { checkIns, progress } = await as(member).list({ orgSlug: slug(), goalId: goal.id });
        seen[who] = {
          value: checkIns[0]!.value,
          confidence: checkIns[0]!.confidence,
          comment: checkIns[0]!.comment,
          current: progress.current,
          progressPoints: progress.progressPoints,
          // the low confidence makes it AT_RISK for everyone, also for those who cannot see why
          health: progress.health,
          canSeePrivate: progress.canSeePrivate,
        };
      }
      const open = { value: 25, confidence: 3, comment: "Tufft just nu", progressPoints: 50, health: "AT_RISK", canSeePrivate: true };
      const shut = { value: 25, confidence: null, comment: null, progressPoints: 50, health: "AT_RISK", canSeePrivate: false };
      const current = (confidence: number | null) => ({ value: 25, effectiveDate: today(), confidence });
      expect(seen).toEqual({
        owner: { ...open, current: current(3) },
        manager: { ...open, current: current(3) },
        director: { ...open, current: current(3) },
        hr: { ...open, current: current(3) },
        admin: { ...open, current: current(3) },
        peer: { ...shut, current: current(null) },
        outsider: { ...shut, current: current(null) },
      });
    });

    it("keeps them from a team lead outside the owner's chain, even in the lead's own submission's answer", async () => {
      const goal = await goalOf(w.director, { level: "TEAM", teamId: w.team.id });
      const result = await submitCheckIn(db, w.members.MANAGER, slug(), goal.id, { confidence: 8, comment: "Laget är på gång" });
      expect(result.checkIn).toMatchObject({ confidence: null, comment: null });
      expect(result.progress).toMatchObject({ canSeePrivate: false, canCheckIn: true, current: { confidence: null } });
      const byDirector = await as(w.director).list({ orgSlug: slug(), goalId: goal.id });
      expect(byDirector.checkIns[0]).toMatchObject({ confidence: 8, comment: "Laget är på gång" });
    });
  });

  describe("other organisations", () => {
    it("answers NOT_FOUND to every role for another organisation's goal, for submit and list", async () => {
      const foreign = await createCheckInGoal(db, other.organization.id, { ownerId: other.members.EMPLOYEE.membershipId, periodId: other.period.id });
      await submitCheckIn(db, other.members.EMPLOYEE, other.organization.slug, foreign.id);
      for (const member of Object.values(everyone())) {
        expect(await codeOf(as(member).submit(checkInInput(slug(), foreign.id))), member.name).toBe("NOT_FOUND");
        expect(await codeOf(as(member).list({ orgSlug: slug(), goalId: foreign.id })), member.name).toBe("NOT_FOUND");
      }
      expect(await db.checkIn.count({ where: { goalId: foreign.id } })).toBe(1);
    });

    it("answers NOT_FOUND to a correction naming another organisation's check-in", async () => {
      const foreign = await createCheckInGoal(db, other.organization.id, { ownerId: other.members.EMPLOYEE.membershipId, periodId: other.period.id });
      const foreignCheckIn = await submitCheckIn(db, other.members.EMPLOYEE, other.organization.slug, foreign.id);
      const goal = await goalOf(w.members.EMPLOYEE);
      const code = await codeOf(submitCheckIn(db, w.members.EMPLOYEE, slug(), goal.id, { replacesId: foreignCheckIn.checkIn.id }));
      expect(code).toBe("NOT_FOUND");
      expect(await db.checkIn.count({ where: { goalId: goal.id } })).toBe(0);
    });

    it("keeps client keys apart: the same key in two organisations stores two check-ins", async () => {
      const foreign = await createCheckInGoal(db, other.organization.id, { ownerId: other.members.EMPLOYEE.membershipId, periodId: other.period.id });
      const goal = await goalOf(w.members.EMPLOYEE);
      const clientKey = "shared-key-across-orgs";
      const here = await submitCheckIn(db, w.members.EMPLOYEE, slug(), goal.id, { clientKey });
      const there = await submitCheckIn(db, other.members.EMPLOYEE, other.organization.slug, foreign.id, { clientKey, confidence: 2 });
      expect(there.checkIn.id).not.toBe(here.checkIn.id);
      expect(there.checkIn.confidence).toBe(2);
    });

    it("never lists another organisation's goals in checkIn.due, even for a person in both", async () => {
      const both = await createUser(db);
      const boss = await createUser(db);
      const inA = await db.membership.create({ data: { organizationId: w.organization.id, userId: both.id, role: "EMPLOYEE" } });
      const bossInB = await db.membership.create({ data: { organizationId: other.organization.id, userId: boss.id, role: "MANAGER" } });
      const inB = await db.membership.create({ data: { organizationId: other.organization.id, userId: both.id, role: "MANAGER", managerId: bossInB.id } });
      const reportInB = await db.membership.create({
        data: { organizationId: other.organization.id, userId: (await createUser(db)).id, role: "EMPLOYEE", managerId: inB.id },
      });
      // overdue everywhere: no check-in since a start 60 days ago, BIWEEKLY
      const goalA = await createCheckInGoal(db, w.organization.id, { ownerId: inA.id, periodId: w.period.id });
      const goalB = await createCheckInGoal(db, other.organization.id, { ownerId: inB.id, periodId: other.period.id });
      const reportGoalB = await createCheckInGoal(db, other.organization.id, { ownerId: reportInB.id, periodId: other.period.id });

      const dueA = await callerFor(db, both.id).checkIn.due({ orgSlug: slug() });
      expect(dueA.mine.map((item) => item.goal.id)).toEqual([goalA.id]);
      expect(dueA.reports).toEqual([]);
      expect(dueA.reportsTotal).toBe(0);

      const dueB = await callerFor(db, both.id).checkIn.due({ orgSlug: other.organization.slug });
      expect(dueB.mine.map((item) => item.goal.id)).toEqual([goalB.id]);
      expect(dueB.reports.map((item) => item.goal.id)).toEqual([reportGoalB.id]);

      const bossDue = await callerFor(db, boss.id).checkIn.due({ orgSlug: other.organization.slug });
      expect(bossDue.reports.map((item) => item.goal.id).sort()).toEqual([goalB.id, reportGoalB.id].sort());
      expect(await codeOf(callerFor(db, boss.id).checkIn.due({ orgSlug: slug() }))).toBe("NOT_FOUND");
    });
  });
});
