import type { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { GoalFields } from "@/features/goals/goals.schema";
import type { Db } from "@/server/db/client";
import { callerFor, createOrganization, type TestMember, type TestOrganization } from "../factories";
import { createPeriodRow } from "../factories/admin";
import { createCheckInGoal, daysFromToday, milestoneFields, submitCheckIn } from "../factories/check-ins";
import { createGoalRow, createGoalWorld, type GoalWorld } from "../factories/goals";
import { addPerson } from "../factories/people";
import { createTestDatabase } from "../support/test-db";
import { codeOf, failureOf, fieldErrorsOf } from "../support/trpc-errors";

function keysOf(error: TRPCError) {
  const cause = error.cause as { messageKey?: string; params?: Record<string, unknown> } | undefined;
  return { code: error.code, messageKey: cause?.messageKey, params: cause?.params };
}

type Change = { field: string; from: unknown; to: unknown };

/** Lower is better: from 100 down to 60, 80 is acceptable, 50 beats the goal by a wide margin. */
const DECREASING: Partial<GoalFields> = { baseline: 100, minimum: 80, target: 60, stretch: 50 };
const BINARY: Partial<GoalFields> = { measureType: "BINARY", unit: "", baseline: null, minimum: null, target: null, stretch: null };
const NO_MEASURE: Partial<GoalFields> = { measureType: null, unit: "", baseline: null, minimum: null, target: null, stretch: null };

describe("closing a goal period and confirming the outcomes", () => {
  let db: Db;
  let w: GoalWorld;
  let other: TestOrganization;

  const slug = () => w.organization.slug;
  const orgId = () => w.organization.id;
  const periods = (member: TestMember) => callerFor(db, member.userId).period;
  const goals = (member: TestMember) => callerFor(db, member.userId).goal;
  const goalRow = (id: string) => db.goal.findUniqueOrThrow({ where: { id } });
  const auditOf = (goalId: string) => db.auditEvent.findMany({ where: { entityType: "goal", entityId: goalId }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    w = await createGoalWorld(db);
    other = await createOrganization(db, { name: "Annat AB" });
  });

  /**
   * The fixed data set. The owner reports to the MANAGER (who reports to the director). Every
   * NUMBER goal has the factory's measure unless said otherwise: higher is better from 10 to
   * 40, minimum 30, stretch 50. The period spans 2026–2027 so that it holds both the goals
   * dated around today (they take check-ins) and the factory's 2027 goals.
   */
  async function closeWorld() {
    const owner = await addPerson(db, orgId(), { name: "Ägare Andersson", teamId: w.team.id, managerId: w.members.MANAGER.membershipId });
    const name = `Stängs ${Math.random().toString(36).slice(2, 7)}`;
    const period = await createPeriodRow(db, orgId(), { name, startDate: "2026-01-01", endDate: "2027-12-31" });
    const active = (fields: Partial<GoalFields> = {}) =>
      createCheckInGoal(db, orgId(), { ownerId: owner.membershipId, periodId: period.id, managerSignedById: w.members.MANAGER.membershipId, fields });
    const checkIn = (goalId: string, overrides: Parameters<typeof submitCheckIn>[4]) => submitCheckIn(db, owner, slug(), goalId, overrides);
    const value = (goalId: string, v: number, effectiveDate = daysFromToday(-1)) => checkIn(goalId, { reading: { kind: "value", value: v }, effectiveDate });

    // increasing, 10 → 40 (minimum 30, stretch 50)
    const incBelow = await active();
    await value(incBelow.id, 25); // 25 < 30 → BELOW_MINIMUM
    const incMinimum = await active();
    await value(incMinimum.id, 30); // 30 ≥ 30, < 40 → MINIMUM (the minimum itself counts)
    const incTarget = await active();
    await value(incTarget.id, 45); // 45 ≥ 40, < 50 → TARGET
    const incStretch = await active();
    await value(incStretch.id, 55); // 55 ≥ 50 → STRETCH

    // decreasing, 100 → 60 (minimum 80, stretch 50): lower is better
    const decBelow = await active(DECREASING);
    await value(decBelow.id, 90); // 90 > 80 → BELOW_MINIMUM
    const decMinimum = await active(DECREASING);
    await value(decMinimum.id, 70); // 70 ≤ 80, > 60 → MINIMUM
    const decTarget = await active(DECREASING);
    await value(decTarget.id, 60); // 60 ≤ 60, > 50 → TARGET
    const decStretch = await active(DECREASING);
    await value(decStretch.id, 45); // 45 ≤ 50 → STRETCH

    // milestones: four steps, minimum 2, target 3, stretch 4; three ticked → TARGET
    const milestones = await active(milestoneFields());
    const steps = await db.goalStep.findMany({ where: { goalId: milestones.id }, orderBy: { position: "asc" } });
    await checkIn(milestones.id, { reading: { kind: "milestones", doneStepIds: steps.slice(0, 3).map((step) => step.id) } });

    // binary: done is the target → TARGET
    const binary = await active(BINARY);
    await checkIn(binary.id, { reading: { kind: "binary", done: true } });

    // no check-in at all: no reading → BELOW_MINIMUM
    const silent = await active();

    // no measure (an ACTIVE goal cannot get here through the API, but old data can): → BELOW_MINIMUM
    const noMeasure = await active(NO_MEASURE);

    // a correction counts: 35 (ten days ago), then 28 (five days ago) corrected to 42 dated six
    // days ago. The replaced 28 no longer counts, so the latest by date is the correction:
    // 42 → TARGET (were the replaced row counted, 28 would be the latest → BELOW_MINIMUM)
    const corrected = await active();
    await value(corrected.id, 35, daysFromToday(-10));
    const wrong = await value(corrected.id, 28, daysFromToday(-5));
    await checkIn(corrected.id, { reading: { kind: "value", value: 42 }, effectiveDate: daysFromToday(-6), replacesId: wrong.checkIn.id });

    // the latest by effective date wins, not the latest entered: 31 dated yesterday, then 45
    // entered afterwards but dated two days ago → the current reading is 31 → MINIMUM
    const byDate = await active();
    await value(byDate.id, 31, daysFromToday(-1));
    await value(byDate.id, 45, daysFromToday(-2));

    // left alone: a manually closed organisation goal (confirmed), a cancelled goal, a draft and a proposal
    const orgGoal = await createGoalRow(db, orgId(), { level: "ORGANIZATION", status: "CLOSED", ownerId: w.members.ADMIN.membershipId, periodId: period.id });
    const manualClosedAt = new Date("2026-06-01T10:00:00Z");
    await db.goal.update({ where: { id: orgGoal.id }, data: { outcome: "TARGET", closedAt: manualClosedAt, outcomeConfirmedAt: manualClosedAt } });
    const cancelled = await createGoalRow(db, orgId(), { ownerId: owner.membershipId, periodId: period.id, status: "CANCELLED" });
    const draft = await createGoalRow(db, orgId(), { ownerId: owner.membershipId, periodId: period.id, status: "DRAFT", parentGoalId: orgGoal.id });
    const proposed = await createGoalRow(db, orgId(), {
      ownerId: owner.membershipId,
      periodId: period.id,
      status: "PROPOSED",
      parentGoalId: orgGoal.id,
      ownerSigned: false,
    });

    // elsewhere: an ACTIVE goal of another period of the organisation, and the second
    // organisation's period of the same name and dates with an ACTIVE goal at TARGET
    const elsewhere = await createCheckInGoal(db, orgId(), { ownerId: owner.membershipId, periodId: w.periods.firstHalf.id });
    await value(elsewhere.id, 45);
    const otherPeriod = await createPeriodRow(db, other.organization.id, { name, startDate: "2026-01-01", endDate: "2027-12-31" });
    const otherGoal = await createCheckInGoal(db, other.organization.id, { ownerId: other.members.EMPLOYEE.membershipId, periodId: otherPeriod.id });
    await submitCheckIn(db, other.members.EMPLOYEE, other.organization.slug, otherGoal.id, { reading: { kind: "value", value: 45 } });

    return {
      owner,
      period,
      expected: {
        incBelow: [incBelow, "BELOW_MINIMUM"],
        incMinimum: [incMinimum, "MINIMUM"],
        incTarget: [incTarget, "TARGET"],
        incStretch: [incStretch, "STRETCH"],
        decBelow: [decBelow, "BELOW_MINIMUM"],
        decMinimum: [decMinimum, "MINIMUM"],
        decTarget: [decTarget, "TARGET"],
        decStretch: [decStretch, "STRETCH"],
        milestones: [milestones, "TARGET"],
        binary: [binary, "TARGET"],
        silent: [silent, "BELOW_MINIMUM"],
        noMeasure: [noMeasure, "BELOW_MINIMUM"],
        corrected: [corrected, "TARGET"],
        byDate: [byDate, "MINIMUM"],
      } as const,
      untouched: { orgGoal, cancelled, draft, proposed, elsewhere, otherGoal },
      otherPeriod,
    };
  }

  // 14 ACTIVE goals close. BELOW_MINIMUM: incBelow, decBelow, silent, noMeasure = 4;
  // MINIMUM: incMinimum, decMinimum, byDate = 3; TARGET: incTarget, decTarget, milestones,
  // binary, corrected = 5; STRETCH: incStretch, decStretch = 2. 4 + 3 + 5 + 2 = 14.
  const EXPECTED_OUTCOMES = { BELOW_MINIMUM: 4, MINIMUM: 3, TARGET: 5, STRETCH: 2 };

  describe("period.close", () => {
    let world: Awaited<ReturnType<typeof closeWorld>>;
    let first: Awaited<ReturnType<ReturnType<typeof periods>["close"]>>;

    beforeAll(async () => {
      world = await closeWorld();
    });

    it("previews the goals that would close and the outcomes they would get", async () => {
      const preview = await periods(w.members.HR).closePreview({ orgSlug: slug(), periodId: world.period.id });
      expect(preview).toEqual({
        periodId: world.period.id,
        closedAt: null,
        toClose: 14,
        byOutcome: EXPECTED_OUTCOMES,
        // the draft and the proposal
        leftOpen: 2,
        // the organisation goal closed by hand, its outcome confirmed
        closed: 1,
        unconfirmed: 0,
      });
    });

    it("closes every ACTIVE goal of the period with the level of its current reading, unconfirmed", async () => {
      first = await periods(w.members.HR).close({ orgSlug: slug(), periodId: world.period.id });
      expect(first).toMatchObject({ periodId: world.period.id, alreadyClosed: false, closed: 14, byOutcome: EXPECTED_OUTCOMES, leftOpen: 2 });
      expect(first.closedAt).toBeInstanceOf(Date);

      for (const [name, [goal, outcome]] of Object.entries(world.expected)) {
        const row = await goalRow(goal.id);
        expect({ name, status: row.status, outcome: row.outcome }).toEqual({ name, status: "CLOSED", outcome });
        expect(row.outcomeConfirmedAt, name).toBeNull();
        expect(row.outcomeConfirmedById, name).toBeNull();
        expect(row.closedAt?.toISOString(), name).toBe(first.closedAt.toISOString());
        expect(row.version, name).toBe(2);
        expect(row.updatedById, name).toBe(w.members.HR.membershipId);
      }
      const period = await db.goalPeriod.findUniqueOrThrow({ where: { id: world.period.id } });
      expect(period.closedAt?.toISOString()).toBe(first.closedAt.toISOString());
      expect(period.closedById).toBe(w.members.HR.membershipId);
      const listed = (await periods(w.members.EMPLOYEE).list({ orgSlug: slug() })).find((row) => row.id === world.period.id);
      expect(listed?.closedAt?.toISOString()).toBe(first.closedAt.toISOString());
    });

    it("leaves drafts, proposals, cancelled and already closed goals, other periods and other organisations alone", async () => {
      const { orgGoal, cancelled, draft, proposed, elsewhere, otherGoal } = world.untouched;
      expect(await goalRow(draft.id)).toMatchObject({ status: "DRAFT", version: 1, closedAt: null, outcome: null });
      expect(await goalRow(proposed.id)).toMatchObject({ status: "PROPOSED", version: 1, closedAt: null, outcome: null });
      expect(await goalRow(cancelled.id)).toMatchObject({ status: "CANCELLED", version: 1, outcome: null });
      const manual = await goalRow(orgGoal.id);
      expect(manual).toMatchObject({ status: "CLOSED", outcome: "TARGET", version: 1 });
      expect(manual.outcomeConfirmedAt?.toISOString()).toBe("2026-06-01T10:00:00.000Z");
      expect(await goalRow(elsewhere.id)).toMatchObject({ status: "ACTIVE", version: 1, outcome: null });
      expect(await goalRow(otherGoal.id)).toMatchObject({ status: "ACTIVE", version: 1, outcome: null });
      expect((await db.goalPeriod.findUniqueOrThrow({ where: { id: world.otherPeriod.id } })).closedAt).toBeNull();
      expect(await db.auditEvent.count({ where: { organizationId: other.organization.id, action: { in: ["goal.closeWithPeriod", "period.close"] } } })).toBe(0);
    });

    it("closes up the owner's ranking: the draft and the proposal are now 1 and 2", async () => {
      // created after the 14 active goals, they had priorities 15 and 16 (the cancelled one is not ranked)
      expect((await goalRow(world.untouched.draft.id)).priority).toBe(1);
      expect((await goalRow(world.untouched.proposed.id)).priority).toBe(2);
    });

    it("writes each goal's history and one entry for the period", async () => {
      const [goal] = world.expected.incTarget;
      const entries = (await auditOf(goal.id)).filter((entry) => entry.action === "goal.closeWithPeriod");
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actorUserId: w.members.HR.userId, actorName: w.members.HR.name, organizationId: orgId() });
      expect(entries[0]!.changes).toEqual([
        { field: "status", from: "ACTIVE", to: "CLOSED" },
        { field: "outcome", from: null, to: "TARGET" },
      ]);
      // the goal page's history reads it
      const history = await goals(w.members.MANAGER).history({ orgSlug: slug(), goalId: goal.id });
      expect(history[0]).toMatchObject({ action: "goal.closeWithPeriod", actorName: w.members.HR.name });

      const closedGoalIds = Object.values(world.expected).map(([row]) => row.id);
      expect(await db.auditEvent.count({ where: { organizationId: orgId(), action: "goal.closeWithPeriod", entityId: { in: closedGoalIds } } })).toBe(14);
      const periodEntries = await db.auditEvent.findMany({ where: { organizationId: orgId(), action: "period.close", entityId: world.period.id } });
      expect(periodEntries).toHaveLength(1);
      expect(periodEntries[0]!.changes).toEqual([
        { field: "closedAt", from: null, to: first.closedAt.toISOString() },
        { field: "goalsClosed", from: null, to: 14 },
        { field: "outcomeBelowMinimum", from: null, to: 4 },
        { field: "outcomeMinimum", from: null, to: 3 },
        { field: "outcomeTarget", from: null, to: 5 },
        { field: "outcomeStretch", from: null, to: 2 },
      ]);
    });

    it("previews a closed period: nothing left to close, 15 closed of which 14 unconfirmed", async () => {
      const preview = await periods(w.members.ADMIN).closePreview({ orgSlug: slug(), periodId: world.period.id });
      expect(preview).toEqual({
        periodId: world.period.id,
        closedAt: first.closedAt,
        toClose: 0,
        byOutcome: { BELOW_MINIMUM: 0, MINIMUM: 0, TARGET: 0, STRETCH: 0 },
        leftOpen: 2,
        closed: 15,
        unconfirmed: 14,
      });
    });

    it("is harmless the second time: same closing time, nothing closed, nothing written", async () => {
      const auditBefore = await db.auditEvent.count({ where: { organizationId: orgId() } });
      const again = await periods(w.members.ADMIN).close({ orgSlug: slug(), periodId: world.period.id });
      expect(again).toEqual({
        periodId: world.period.id,
        closedAt: first.closedAt,
        alreadyClosed: true,
        closed: 0,
        byOutcome: { BELOW_MINIMUM: 0, MINIMUM: 0, TARGET: 0, STRETCH: 0 },
        leftOpen: 2,
      });
      for (const [goal, outcome] of Object.values(world.expected)) expect(await goalRow(goal.id)).toMatchObject({ version: 2, outcome });
      expect(await db.auditEvent.count({ where: { organizationId: orgId() } })).toBe(auditBefore);
      expect((await db.goalPeriod.findUniqueOrThrow({ where: { id: world.period.id } })).closedById).toBe(w.members.HR.membershipId);
    });

    it("refuses a goal of the closed period the step to ACTIVE", async () => {
      const { proposed } = world.untouched;
      // the owner's signature alone does not activate it, so it is taken
      await goals(world.owner).sign({ orgSlug: slug(), goalId: proposed.id, version: 1 });
      const refused = await failureOf(goals(w.members.MANAGER).sign({ orgSlug: slug(), goalId: proposed.id, version: 2 }));
      expect(keysOf(refused)).toMatchObject({ code: "BAD_REQUEST", messageKey: "goals.errors.periodClosed", params: { period: world.period.name } });
      expect(await goalRow(proposed.id)).toMatchObject({ status: "PROPOSED", managerSignedAt: null });
    });
  });

  describe("who may close", () => {
    it("lets ADMIN and HR close and preview; MANAGER and EMPLOYEE get FORBIDDEN and nothing changes", async () => {
      const period = await createPeriodRow(db, orgId(), { startDate: "2026-01-01", endDate: "2027-12-31" });
      const goal = await createCheckInGoal(db, orgId(), { ownerId: w.members.EMPLOYEE.membershipId, periodId: period.id });
      for (const member of [w.members.MANAGER, w.members.EMPLOYEE, w.director]) {
        expect(await codeOf(periods(member).close({ orgSlug: slug(), periodId: period.id }))).toBe("FORBIDDEN");
        expect(await codeOf(periods(member).closePreview({ orgSlug: slug(), periodId: period.id }))).toBe("FORBIDDEN");
      }
      expect(await goalRow(goal.id)).toMatchObject({ status: "ACTIVE", version: 1 });
      expect((await db.goalPeriod.findUniqueOrThrow({ where: { id: period.id } })).closedAt).toBeNull();
      expect(await codeOf(periods(w.members.HR).closePreview({ orgSlug: slug(), periodId: period.id }))).toBe("OK");
      expect(await codeOf(periods(w.members.ADMIN).close({ orgSlug: slug(), periodId: period.id }))).toBe("OK");
      // no check-in: BELOW_MINIMUM
      expect(await goalRow(goal.id)).toMatchObject({ status: "CLOSED", outcome: "BELOW_MINIMUM" });
    });

    it("answers NOT_FOUND for another organisation's period, by id and by slug, and leaves it open", async () => {
      const foreign = await createPeriodRow(db, other.organization.id, { startDate: "2026-01-01", endDate: "2027-12-31" });
      const foreignGoal = await createCheckInGoal(db, other.organization.id, { ownerId: other.members.EMPLOYEE.membershipId, periodId: foreign.id });
      for (const member of [w.members.ADMIN, w.members.HR]) {
        expect(await codeOf(periods(member).close({ orgSlug: slug(), periodId: foreign.id }))).toBe("NOT_FOUND");
        expect(await codeOf(periods(member).closePreview({ orgSlug: slug(), periodId: foreign.id }))).toBe("NOT_FOUND");
        expect(await codeOf(periods(member).close({ orgSlug: other.organization.slug, periodId: foreign.id }))).toBe("NOT_FOUND");
      }
      expect(await goalRow(foreignGoal.id)).toMatchObject({ status: "ACTIVE", version: 1 });
      expect((await db.goalPeriod.findUniqueOrThrow({ where: { id: foreign.id } })).closedAt).toBeNull();
    });
  });

  describe("goal.confirmOutcome", () => {
    let world: Awaited<ReturnType<typeof closeWorld>>;
    const ids = (goalId: string, version: number, outcome: "BELOW_MINIMUM" | "MINIMUM" | "TARGET" | "STRETCH", reason = "") => ({
      orgSlug: slug(),
      goalId,
      version,
      outcome,
      reason,
    });

    beforeAll(async () => {
      world = await closeWorld();
      await periods(w.members.ADMIN).close({ orgSlug: slug(), periodId: world.period.id });
    });

    it("shows the unconfirmed outcome to everyone who sees the goal; only the manager chain and ADMIN may settle it", async () => {
      const [goal] = world.expected.incTarget;
      const asManager = await goals(w.members.MANAGER).get({ orgSlug: slug(), goalId: goal.id });
      expect(asManager).toMatchObject({ status: "CLOSED", outcome: "TARGET", outcomeConfirmedAt: null, outcomeConfirmedBy: null });
      expect(asManager.can).toMatchObject({ confirmOutcome: true, close: false, edit: false });
      expect((await goals(w.members.ADMIN).get({ orgSlug: slug(), goalId: goal.id })).can.confirmOutcome).toBe(true);
      expect((await goals(w.director).get({ orgSlug: slug(), goalId: goal.id })).can.confirmOutcome).toBe(true);
      for (const member of [world.owner, w.peer, w.members.HR, w.outsider]) {
        expect((await goals(member).get({ orgSlug: slug(), goalId: goal.id })).can.confirmOutcome).toBe(false);
        // a peer, the owner, HR and someone in another team see the goal but may not settle it
        expect(await codeOf(goals(member).confirmOutcome(ids(goal.id, 2, "TARGET")))).toBe("FORBIDDEN");
        expect(await codeOf(goals(member).confirmOutcome(ids(goal.id, 2, "STRETCH", "Bättre än väntat")))).toBe("FORBIDDEN");
      }
      expect(await goalRow(goal.id)).toMatchObject({ version: 2, outcome: "TARGET", outcomeConfirmedAt: null });
    });

    it("lets the manager confirm the computed outcome, and records who", async () => {
      const [goal] = world.expected.incTarget;
      const result = await goals(w.members.MANAGER).confirmOutcome(ids(goal.id, 2, "TARGET"));
      expect(result).toEqual({ id: goal.id, version: 3, status: "CLOSED", signaturesCleared: false });
      const row = await goalRow(goal.id);
      expect(row).toMatchObject({ status: "CLOSED", outcome: "TARGET", outcomeConfirmedById: w.members.MANAGER.membershipId });
      expect(row.outcomeConfirmedAt).toBeInstanceOf(Date);
      const detail = await goals(world.owner).get({ orgSlug: slug(), goalId: goal.id });
      expect(detail.outcomeConfirmedBy).toEqual({ membershipId: w.members.MANAGER.membershipId, name: w.members.MANAGER.name });
      const entry = (await auditOf(goal.id)).at(-1)!;
      expect(entry.action).toBe("goal.confirmOutcome");
      expect(entry.changes).toEqual([{ field: "outcomeConfirmedBy", from: null, to: w.members.MANAGER.name }]);

      // confirming the same level again changes nothing
      expect(await goals(w.members.ADMIN).confirmOutcome(ids(goal.id, 3, "TARGET"))).toMatchObject({ version: 3 });
      expect((await goalRow(goal.id)).outcomeConfirmedById).toBe(w.members.MANAGER.membershipId);
    });

    it("lets ADMIN adjust the outcome to another level with a reason, and not without one", async () => {
      const [goal] = world.expected.incBelow;
      const noReason = await failureOf(goals(w.members.ADMIN).confirmOutcome(ids(goal.id, 2, "MINIMUM", "   ")));
      expect(keysOf(noReason).code).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(noReason)).toEqual({ reason: ["goals.errors.adjustReasonRequired"] });

      const reason = "Slutsiffran kom in efter att perioden stängts";
      const result = await goals(w.members.ADMIN).confirmOutcome(ids(goal.id, 2, "MINIMUM", reason));
      expect(result.version).toBe(3);
      expect(await goalRow(goal.id)).toMatchObject({
        outcome: "MINIMUM",
        statusReason: reason,
        outcomeConfirmedById: w.members.ADMIN.membershipId,
      });
      const entry = (await auditOf(goal.id)).at(-1)!;
      expect(entry.action).toBe("goal.adjustOutcome");
      expect(entry.changes as Change[]).toEqual([
        { field: "outcome", from: "BELOW_MINIMUM", to: "MINIMUM" },
        { field: "reason", from: null, to: reason },
        { field: "outcomeConfirmedBy", from: null, to: w.members.ADMIN.name },
      ]);

      // a confirmed outcome can still be adjusted, by someone further up the chain
      await goals(w.director).confirmOutcome(ids(goal.id, 3, "TARGET", "Räknat om med rätt underlag"));
      const adjusted = (await auditOf(goal.id)).at(-1)!;
      expect(adjusted.changes as Change[]).toContainEqual({ field: "outcomeConfirmedBy", from: w.members.ADMIN.name, to: w.director.name });
      expect(await goalRow(goal.id)).toMatchObject({ outcome: "TARGET", version: 4, outcomeConfirmedById: w.director.membershipId });
    });

    it("answers CONFLICT to a stale version and changes nothing", async () => {
      const [goal] = world.expected.decStretch;
      await goals(w.members.MANAGER).confirmOutcome(ids(goal.id, 2, "STRETCH"));
      const stale = await failureOf(goals(w.members.ADMIN).confirmOutcome(ids(goal.id, 2, "TARGET", "Inte riktigt")));
      expect(keysOf(stale)).toMatchObject({ code: "CONFLICT", messageKey: "goals.errors.staleVersion" });
      expect(await goalRow(goal.id)).toMatchObject({ outcome: "STRETCH", version: 3, outcomeConfirmedById: w.members.MANAGER.membershipId });
    });

    it("refuses a goal that is not closed", async () => {
      const open = await createCheckInGoal(db, orgId(), { ownerId: world.owner.membershipId, periodId: w.period.id });
      const refused = await failureOf(goals(w.members.MANAGER).confirmOutcome(ids(open.id, 1, "TARGET")));
      expect(keysOf(refused)).toMatchObject({ code: "BAD_REQUEST", messageKey: "goals.errors.notClosed" });
    });

    it("answers NOT_FOUND for another organisation's goal and for a development goal one may not see", async () => {
      const otherPeriod = await createPeriodRow(db, other.organization.id, { startDate: "2026-01-01", endDate: "2027-12-31" });
      const foreign = await createCheckInGoal(db, other.organization.id, { ownerId: other.members.EMPLOYEE.membershipId, periodId: otherPeriod.id });
      await periods(other.members.ADMIN).close({ orgSlug: other.organization.slug, periodId: otherPeriod.id });
      expect(await codeOf(goals(w.members.ADMIN).confirmOutcome(ids(foreign.id, 2, "BELOW_MINIMUM")))).toBe("NOT_FOUND");
      expect((await goalRow(foreign.id)).outcomeConfirmedAt).toBeNull();

      const development = await createCheckInGoal(db, orgId(), { ownerId: world.owner.membershipId, periodId: w.period.id, kind: "DEVELOPMENT" });
      await db.goal.update({ where: { id: development.id }, data: { status: "CLOSED", outcome: "MINIMUM", closedAt: new Date() } });
      expect(await codeOf(goals(w.peer).confirmOutcome(ids(development.id, 1, "MINIMUM")))).toBe("NOT_FOUND");
      expect(await codeOf(goals(w.members.MANAGER).confirmOutcome(ids(development.id, 1, "MINIMUM")))).toBe("OK");
    });
  });

  describe("closing a goal by hand (goal.close)", () => {
    it("still works, and its outcome counts as confirmed by the one who closed it", async () => {
      const period = await createPeriodRow(db, orgId(), { startDate: "2026-01-01", endDate: "2027-12-31" });
      const goal = await createCheckInGoal(db, orgId(), { ownerId: w.members.EMPLOYEE.membershipId, periodId: period.id, managerSignedById: w.members.MANAGER.membershipId });
      await goals(w.members.MANAGER).close({ orgSlug: slug(), goalId: goal.id, version: 1, outcome: "STRETCH" });
      const row = await goalRow(goal.id);
      expect(row).toMatchObject({ status: "CLOSED", outcome: "STRETCH", outcomeConfirmedById: w.members.MANAGER.membershipId });
      expect(row.outcomeConfirmedAt).toBeInstanceOf(Date);
      const detail = await goals(w.members.EMPLOYEE).get({ orgSlug: slug(), goalId: goal.id });
      expect(detail.outcomeConfirmedBy?.name).toBe(w.members.MANAGER.name);

      // the period's close later leaves it as it is
      const result = await periods(w.members.HR).close({ orgSlug: slug(), periodId: period.id });
      expect(result).toMatchObject({ closed: 0, alreadyClosed: false });
      expect(await goalRow(goal.id)).toMatchObject({ outcome: "STRETCH", version: 2, outcomeConfirmedById: w.members.MANAGER.membershipId });
      const preview = await periods(w.members.HR).closePreview({ orgSlug: slug(), periodId: period.id });
      expect(preview).toMatchObject({ closed: 1, unconfirmed: 0 });
    });
  });
});
