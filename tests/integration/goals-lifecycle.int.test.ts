import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { callerFor, type TestMember } from "../factories";
import { importCsv } from "../factories/csv-import";
import { createAlignedGoal, createGoalRow, createGoalWorld, validGoalFields, type GoalWorld } from "../factories/goals";
import { addPerson } from "../factories/people";
import { createTestDatabase } from "../support/test-db";
import { codeOf, failureOf } from "../support/trpc-errors";

function keysOf(error: TRPCError) {
  const cause = error.cause as { messageKey?: string; params?: Record<string, unknown> } | undefined;
  return { code: error.code, messageKey: cause?.messageKey, params: cause?.params };
}

type Change = { field: string; from: unknown; to: unknown };

describe("goals: proposing, signing and the rest of the lifecycle", () => {
  let db: Db;
  let w: GoalWorld;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    w = await createGoalWorld(db);
  });

  const as = (member: TestMember) => callerFor(db, member.userId).goal;
  const slug = () => w.organization.slug;
  const orgId = () => w.organization.id;
  const goalRow = (id: string) => db.goal.findUniqueOrThrow({ where: { id } });
  const historyOf = async (member: TestMember, goalId: string) => as(member).history({ orgSlug: slug(), goalId });

  /** A performance goal of the employee linked to an organisation goal, in the given state. */
  async function employeeGoal(status: "DRAFT" | "PROPOSED" | "ACTIVE" = "DRAFT", options: { ownerSigned?: boolean; managerSignedById?: string | null } = {}) {
    const { goal } = await createAlignedGoal(db, orgId(), {
      ownerId: w.members.EMPLOYEE.membershipId,
      orgOwnerId: w.members.ADMIN.membershipId,
      periodId: w.period.id,
      status,
      ownerSigned: options.ownerSigned ?? status === "ACTIVE",
      managerSignedById: options.managerSignedById ?? (status === "ACTIVE" ? w.members.MANAGER.membershipId : null),
    });
    return goal;
  }

  describe("goal.propose", () => {
    it("refuses a goal the coach still blocks, with the number of blockers", async () => {
      const draft = await as(w.members.EMPLOYEE).create({
        orgSlug: slug(),
        level: "INDIVIDUAL",
        ownerId: null,
        teamId: null,
        ...validGoalFields(w.period.id, { statement: "Öka försäljningen", measureType: null, startDate: null }),
      });
      const error = await failureOf(as(w.members.EMPLOYEE).propose({ orgSlug: slug(), goalId: draft.id, version: 1 }));
      expect(keysOf(error).code).toBe("BAD_REQUEST");
      expect(keysOf(error).messageKey).toBe("goals.errors.notReady");
      // the statement's opening, the missing measure type, the missing start and the missing link
      expect(keysOf(error).params?.count).toBeGreaterThanOrEqual(4);
      expect((await goalRow(draft.id)).status).toBe("DRAFT");
    });

    it("refuses an individual performance goal without a link to an organisation goal", async () => {
      const unlinked = await createGoalRow(db, orgId(), { ownerId: w.members.EMPLOYEE.membershipId, periodId: w.period.id });
      const error = await failureOf(as(w.members.EMPLOYEE).propose({ orgSlug: slug(), goalId: unlinked.id, version: 1 }));
      expect(keysOf(error)).toMatchObject({ code: "BAD_REQUEST", messageKey: "goals.errors.notReady", params: { count: 1 } });
    });

    it("proposes a ready draft (owner or manager), records it, and refuses a second proposal", async () => {
      const goal = await employeeGoal();
      const result = await as(w.members.MANAGER).propose({ orgSlug: slug(), goalId: goal.id, version: 1 });
      expect(result).toEqual({ id: goal.id, version: 2, status: "PROPOSED", signaturesCleared: false });
      const again = await failureOf(as(w.members.EMPLOYEE).propose({ orgSlug: slug(), goalId: goal.id, version: 2 }));
      expect(keysOf(again)).toMatchObject({ code: "BAD_REQUEST", messageKey: "goals.errors.notDraft" });
      const [entry] = await historyOf(w.members.EMPLOYEE, goal.id);
      expect(entry).toMatchObject({ action: "goal.propose", actorName: w.members.MANAGER.name, changes: [{ field: "status", from: "DRAFT", to: "PROPOSED" }] });
      expect(await codeOf(as(w.members.HR).propose({ orgSlug: slug(), goalId: (await employeeGoal()).id, version: 1 }))).toBe("FORBIDDEN");
    });
  });

  describe("goal.sign", () => {
    it("activates once owner and manager have signed, keeping the owner's team at activation", async () => {
      const goal = await employeeGoal("PROPOSED");
      const owner = await as(w.members.EMPLOYEE).sign({ orgSlug: slug(), goalId: goal.id, version: 1 });
      expect(owner).toEqual({ id: goal.id, version: 2, status: "PROPOSED", signaturesCleared: false });
      const twice = await failureOf(as(w.members.EMPLOYEE).sign({ orgSlug: slug(), goalId: goal.id, version: 2 }));
      expect(keysOf(twice)).toMatchObject({ code: "BAD_REQUEST", messageKey: "goals.errors.alreadySigned" });

      for (const member of [w.members.ADMIN, w.members.HR, w.peer, w.director]) {
        expect(await codeOf(as(member).sign({ orgSlug: slug(), goalId: goal.id, version: 2 })), member.name).toBe("FORBIDDEN");
      }
      const manager = await as(w.members.MANAGER).sign({ orgSlug: slug(), goalId: goal.id, version: 2 });
      expect(manager).toEqual({ id: goal.id, version: 3, status: "ACTIVE", signaturesCleared: false });

      const row = await goalRow(goal.id);
      expect(row).toMatchObject({
        status: "ACTIVE",
        ownerSignedById: w.members.EMPLOYEE.membershipId,
        managerSignedById: w.members.MANAGER.membershipId,
        teamIdAtActivation: w.team.id,
      });
      expect(row.activatedAt).toBeInstanceOf(Date);

      const history = await historyOf(w.members.EMPLOYEE, goal.id);
      expect(history.map((entry) => entry.action)).toEqual(["goal.activate", "goal.sign", "goal.sign"]);
      expect(history[0]!.changes).toEqual(
        expect.arrayContaining([
          { field: "status", from: "PROPOSED", to: "ACTIVE" },
          { field: "teamAtActivation", from: null, to: "Team A" },
        ]),
      );
      expect(history[1]!.changes).toEqual(expect.arrayContaining([{ field: "managerSignedBy", from: null, to: w.members.MANAGER.name }]));
    });

    it("refuses to sign a draft and re-checks the coach's blockers", async () => {
      const draft = await employeeGoal("DRAFT");
      expect(keysOf(await failureOf(as(w.members.EMPLOYEE).sign({ orgSlug: slug(), goalId: draft.id, version: 1 })))).toMatchObject({
        messageKey: "goals.errors.notProposed",
      });
      const broken = await createGoalRow(db, orgId(), { ownerId: w.members.EMPLOYEE.membershipId, periodId: w.period.id, status: "PROPOSED" });
      const error = await failureOf(as(w.members.EMPLOYEE).sign({ orgSlug: slug(), goalId: broken.id, version: 1 }));
      expect(keysOf(error)).toMatchObject({ code: "BAD_REQUEST", messageKey: "goals.errors.notReady" });
      expect((await goalRow(broken.id)).ownerSignedAt).toBeNull();
    });

    it("lets an ADMIN co-sign for someone without a manager, and the only ADMIN sign their own goal alone", async () => {
      const { goal } = await createAlignedGoal(db, orgId(), {
        ownerId: w.outsider.membershipId,
        orgOwnerId: w.members.ADMIN.membershipId,
        periodId: w.period.id,
        status: "PROPOSED",
        ownerSigned: true,
      });
      expect(await codeOf(as(w.members.MANAGER).sign({ orgSlug: slug(), goalId: goal.id, version: 1 }))).toBe("FORBIDDEN");
      const detail = await as(w.members.ADMIN).get({ orgSlug: slug(), goalId: goal.id });
      expect(detail.signatures.coSigner).toBeNull();
      expect(detail.can.sign).toBe(true);
      expect((await as(w.members.ADMIN).sign({ orgSlug: slug(), goalId: goal.id, version: 1 })).status).toBe("ACTIVE");

      const own = await createGoalRow(db, orgId(), { level: "ORGANIZATION", ownerId: w.members.ADMIN.membershipId, periodId: w.period.id, status: "PROPOSED", ownerSigned: false });
      expect((await as(w.members.ADMIN).sign({ orgSlug: slug(), goalId: own.id, version: 1 })).status).toBe("ACTIVE");
      expect(await goalRow(own.id)).toMatchObject({ ownerSignedById: w.members.ADMIN.membershipId, managerSignedById: w.members.ADMIN.membershipId });
    });

    it("lets another ADMIN, not the owner, co-sign an ADMIN's goal when there are two", async () => {
      const second = await addPerson(db, orgId(), { role: "ADMIN" });
      try {
        const own = await createGoalRow(db, orgId(), { level: "ORGANIZATION", ownerId: w.members.ADMIN.membershipId, periodId: w.period.id, status: "PROPOSED" });
        const signed = await as(w.members.ADMIN).sign({ orgSlug: slug(), goalId: own.id, version: 1 });
        expect(signed.status).toBe("PROPOSED");
        expect(keysOf(await failureOf(as(w.members.ADMIN).sign({ orgSlug: slug(), goalId: own.id, version: 2 })))).toMatchObject({
          messageKey: "goals.errors.alreadySigned",
        });
        expect((await as(second).sign({ orgSlug: slug(), goalId: own.id, version: 2 })).status).toBe("ACTIVE");
      } finally {
        await db.membership.update({ where: { id: second.membershipId }, data: { status: "DEACTIVATED" } });
      }
    });

    it("enforces the cap at activation without storing the signature; postponing one goal makes room", async () => {
      const person = await addPerson(db, orgId(), { teamId: w.team.id, managerId: w.members.MANAGER.membershipId });
      await db.organization.update({ where: { id: orgId() }, data: { settings: { maxActiveGoalsPerPerson: 2 } } });
      try {
        const active = [];
        for (let i = 0; i < 2; i++) {
          active.push(
            await createGoalRow(db, orgId(), { ownerId: person.membershipId, periodId: w.period.id, status: "ACTIVE", managerSignedById: w.members.MANAGER.membershipId }),
          );
        }
        const { goal } = await createAlignedGoal(db, orgId(), {
          ownerId: person.membershipId,
          orgOwnerId: w.members.ADMIN.membershipId,
          periodId: w.period.id,
          status: "PROPOSED",
          ownerSigned: true,
        });
        const error = await failureOf(as(w.members.MANAGER).sign({ orgSlug: slug(), goalId: goal.id, version: 1 }));
        expect(keysOf(error)).toMatchObject({ code: "CONFLICT", messageKey: "goals.errors.capReached", params: { cap: 2 } });
        expect(await goalRow(goal.id)).toMatchObject({ status: "PROPOSED", managerSignedAt: null, version: 1 });
        expect((await as(w.members.MANAGER).get({ orgSlug: slug(), goalId: goal.id })).coachContext).toMatchObject({ otherActiveGoals: 2, goalCap: 2 });

        await as(w.members.MANAGER).postpone({ orgSlug: slug(), goalId: active[0]!.id, version: 1, reason: "För många mål samtidigt" });
        expect((await as(w.members.MANAGER).sign({ orgSlug: slug(), goalId: goal.id, version: 1 })).status).toBe("ACTIVE");
      } finally {
        await db.organization.update({ where: { id: orgId() }, data: { settings: {} } });
      }
    });
  });

  describe("goal.update", () => {
    it("clears both signatures when S, M or T changes on an active goal, back to PROPOSED, and says why", async () => {
      const goal = await employeeGoal("ACTIVE");
      const result = await as(w.members.EMPLOYEE).update({
        orgSlug: slug(),
        goalId: goal.id,
        version: 1,
        ...validGoalFields(w.period.id, { title: goal.title, parentGoalId: goal.parentGoalId, target: 45, stretch: 55, dueDate: "2027-07-31" }),
      });
      expect(result).toEqual({ id: goal.id, version: 2, status: "PROPOSED", signaturesCleared: true });
      const row = await goalRow(goal.id);
      expect(row).toMatchObject({ status: "PROPOSED", ownerSignedAt: null, managerSignedAt: null, ownerSignedById: null, managerSignedById: null });
      expect(row.statusReason).toContain("skriva under igen");
      expect(row.activatedAt).toBeInstanceOf(Date);

      const [cleared, updated] = await historyOf(w.members.MANAGER, goal.id);
      expect(cleared!.action).toBe("goal.signaturesCleared");
      expect(cleared!.changes).toEqual(
        expect.arrayContaining([
          { field: "changedFields", from: null, to: ["target", "stretch", "dueDate"] },
          { field: "status", from: "ACTIVE", to: "PROPOSED" },
          { field: "managerSignedBy", from: w.members.MANAGER.name, to: null },
        ]),
      );
      expect(updated!.action).toBe("goal.update");
      expect(updated!.changes).toEqual([
        { field: "target", from: 40, to: 45 },
        { field: "stretch", from: 50, to: 55 },
        { field: "dueDate", from: "2027-06-30", to: "2027-07-31" },
      ]);
    });

    it("keeps the signatures when only A or R changes, and changes nothing when nothing changed", async () => {
      const goal = await employeeGoal("ACTIVE");
      const same = validGoalFields(w.period.id, { title: goal.title, parentGoalId: goal.parentGoalId });
      const noop = await as(w.members.EMPLOYEE).update({ orgSlug: slug(), goalId: goal.id, version: 1, ...same });
      expect(noop).toEqual({ id: goal.id, version: 1, status: "ACTIVE", signaturesCleared: false });
      const result = await as(w.members.EMPLOYEE).update({ orgSlug: slug(), goalId: goal.id, version: 1, ...same, risks: "Sjukdom", likelihood: 6 });
      expect(result).toEqual({ id: goal.id, version: 2, status: "ACTIVE", signaturesCleared: false });
      expect((await goalRow(goal.id)).managerSignedById).toBe(w.members.MANAGER.membershipId);
      const [entry] = await historyOf(w.members.EMPLOYEE, goal.id);
      expect(entry!.changes).toEqual([
        { field: "likelihood", from: 7, to: 6 },
        { field: "risks", from: "Semestrar under sommaren", to: "Sjukdom" },
      ]);
    });

    it("keeps steps sent with their id (and their done state), adds new ones and removes the missing", async () => {
      const goal = await employeeGoal("DRAFT");
      const before = await as(w.members.EMPLOYEE).get({ orgSlug: slug(), goalId: goal.id });
      const [first, second] = before.steps;
      await db.goalStep.update({ where: { id: second!.id }, data: { doneAt: new Date() } });
      await as(w.members.EMPLOYEE).update({
        orgSlug: slug(),
        goalId: goal.id,
        version: 1,
        ...validGoalFields(w.period.id, {
          title: goal.title,
          parentGoalId: goal.parentGoalId,
          steps: [
            { id: second!.id, title: "Följ upp alla samtal noga", dueDate: "2027-06-15" },
            { title: "Nytt steg", dueDate: null },
          ],
        }),
      });
      const after = await as(w.members.EMPLOYEE).get({ orgSlug: slug(), goalId: goal.id });
      expect(after.steps.map((step) => [step.title, step.done])).toEqual([
        ["Följ upp alla samtal noga", true],
        ["Nytt steg", false],
      ]);
      expect(after.steps[0]!.id).toBe(second!.id);
      expect(await db.goalStep.findUnique({ where: { id: first!.id } })).toBeNull();

      const foreignStep = await failureOf(
        as(w.members.EMPLOYEE).update({
          orgSlug: slug(),
          goalId: goal.id,
          version: 2,
          ...validGoalFields(w.period.id, { title: goal.title, steps: [{ id: first!.id, title: "Borta", dueDate: null }] }),
        }),
      );
      expect(foreignStep.code).toBe("NOT_FOUND");
    });

    it("refuses a stale version with CONFLICT naming who changed the goal and when", async () => {
      const goal = await employeeGoal("DRAFT");
      const fields = validGoalFields(w.period.id, { title: goal.title, parentGoalId: goal.parentGoalId });
      await as(w.members.MANAGER).update({ orgSlug: slug(), goalId: goal.id, version: 1, ...fields, risks: "Chefens ändring" });
      const error = await failureOf(as(w.members.EMPLOYEE).update({ orgSlug: slug(), goalId: goal.id, version: 1, ...fields, risks: "Min ändring" }));
      const row = await goalRow(goal.id);
      expect(keysOf(error)).toEqual({
        code: "CONFLICT",
        messageKey: "goals.errors.staleVersion",
        params: { name: w.members.MANAGER.name, at: row.updatedAt.toISOString() },
      });
      expect(row.risks).toBe("Chefens ändring");
      // the transitions check the version too
      expect(keysOf(await failureOf(as(w.members.EMPLOYEE).cancel({ orgSlug: slug(), goalId: goal.id, version: 1, reason: "Gammal" }))).code).toBe("CONFLICT");
    });

    it("refuses changes to a closed or cancelled goal", async () => {
      const goal = await createGoalRow(db, orgId(), { ownerId: w.members.EMPLOYEE.membershipId, periodId: w.period.id, status: "CANCELLED" });
      const error = await failureOf(as(w.members.EMPLOYEE).update({ orgSlug: slug(), goalId: goal.id, version: 1, ...validGoalFields(w.period.id) }));
      expect(keysOf(error)).toMatchObject({ code: "BAD_REQUEST", messageKey: "goals.errors.closed" });
    });
  });

  describe("postpone, cancel and close", () => {
    it("postpones an active goal to DRAFT with the reason, clearing the signatures", async () => {
      const goal = await employeeGoal("ACTIVE");
      const result = await as(w.members.EMPLOYEE).postpone({ orgSlug: slug(), goalId: goal.id, version: 1, reason: "Väntar på budget" });
      expect(result).toEqual({ id: goal.id, version: 2, status: "DRAFT", signaturesCleared: true });
      expect(await goalRow(goal.id)).toMatchObject({ status: "DRAFT", statusReason: "Väntar på budget", ownerSignedAt: null, managerSignedAt: null });
      const [entry] = await historyOf(w.members.EMPLOYEE, goal.id);
      expect(entry).toMatchObject({ action: "goal.postpone" });
      expect(entry!.changes).toEqual(expect.arrayContaining([{ field: "reason", from: null, to: "Väntar på budget" }]));
      const again = await failureOf(as(w.members.EMPLOYEE).postpone({ orgSlug: slug(), goalId: goal.id, version: 2, reason: "Igen" }));
      expect(keysOf(again).messageKey).toBe("goals.errors.notPostponable");
      const empty = await failureOf(as(w.members.EMPLOYEE).postpone({ orgSlug: slug(), goalId: goal.id, version: 2, reason: "  " }));
      expect(empty.code).toBe("BAD_REQUEST");
    });

    it("cancels an open goal with the reason and closes the gap in the owner's ranking", async () => {
      const person = await addPerson(db, orgId(), { managerId: w.members.MANAGER.membershipId });
      const goals = [];
      for (let i = 0; i < 3; i++) goals.push(await createGoalRow(db, orgId(), { ownerId: person.membershipId, periodId: w.period.id }));
      const result = await as(person).cancel({ orgSlug: slug(), goalId: goals[0]!.id, version: 1, reason: "Inte längre aktuellt" });
      expect(result.status).toBe("CANCELLED");
      expect(await goalRow(goals[0]!.id)).toMatchObject({ status: "CANCELLED", statusReason: "Inte längre aktuellt" });
      expect((await goalRow(goals[1]!.id)).priority).toBe(1);
      expect((await goalRow(goals[2]!.id)).priority).toBe(2);
      const again = await failureOf(as(person).cancel({ orgSlug: slug(), goalId: goals[0]!.id, version: 2, reason: "Igen" }));
      expect(keysOf(again).messageKey).toBe("goals.errors.notOpen");
    });

    it("lets the manager chain or ADMIN close an active goal with an outcome, not the owner", async () => {
      const goal = await employeeGoal("ACTIVE");
      expect(await codeOf(as(w.members.EMPLOYEE).close({ orgSlug: slug(), goalId: goal.id, version: 1, outcome: "STRETCH" }))).toBe("FORBIDDEN");
      expect(await codeOf(as(w.members.HR).close({ orgSlug: slug(), goalId: goal.id, version: 1, outcome: "STRETCH" }))).toBe("FORBIDDEN");
      const result = await as(w.director).close({ orgSlug: slug(), goalId: goal.id, version: 1, outcome: "TARGET" });
      expect(result).toEqual({ id: goal.id, version: 2, status: "CLOSED", signaturesCleared: false });
      const row = await goalRow(goal.id);
      expect(row).toMatchObject({ status: "CLOSED", outcome: "TARGET" });
      expect(row.closedAt).toBeInstanceOf(Date);
      expect(row.outcomeConfirmedAt).toBeInstanceOf(Date);
      const draft = await employeeGoal("DRAFT");
      expect(keysOf(await failureOf(as(w.members.ADMIN).close({ orgSlug: slug(), goalId: draft.id, version: 1, outcome: "TARGET" }))).messageKey).toBe(
        "goals.errors.notActive",
      );
    });
  });

  describe("goal.reorder", () => {
    it("sets the owner's priorities in the order given and logs each move", async () => {
      const person = await addPerson(db, orgId(), { managerId: w.members.MANAGER.membershipId, teamId: w.team.id });
      const goals = [];
      for (let i = 0; i < 3; i++) goals.push(await createGoalRow(db, orgId(), { ownerId: person.membershipId, periodId: w.period.id }));
      const closed = await createGoalRow(db, orgId(), { ownerId: person.membershipId, periodId: w.period.id, status: "CLOSED", priority: 9 });
      const [a, b, c] = goals.map((goal) => goal.id) as [string, string, string];

      await as(person).reorder({ orgSlug: slug(), ownerId: person.membershipId, goalIds: [c, a, b] });
      const mine = await as(person).list({ orgSlug: slug(), scope: "mine", status: undefined });
      expect(mine.filter((goal) => goal.status !== "CLOSED").map((goal) => goal.id)).toEqual([c, a, b]);
      const [moved] = await historyOf(person, c);
      expect(moved).toMatchObject({ action: "goal.reorder", changes: [{ field: "priority", from: 3, to: 1 }] });

      await as(w.members.MANAGER).reorder({ orgSlug: slug(), ownerId: person.membershipId, goalIds: [a, b, c] });
      expect(await codeOf(as(w.members.ADMIN).reorder({ orgSlug: slug(), ownerId: person.membershipId, goalIds: [b, a, c] }))).toBe("OK");
      expect(await codeOf(as(w.peer).reorder({ orgSlug: slug(), ownerId: person.membershipId, goalIds: [a, b, c] }))).toBe("FORBIDDEN");
      expect(await codeOf(as(w.members.HR).reorder({ orgSlug: slug(), ownerId: person.membershipId, goalIds: [a, b, c] }))).toBe("FORBIDDEN");

      for (const wrong of [[a, b], [a, b, c, closed.id], [a, a, b, c], [a, b, c, w.members.ADMIN.membershipId]]) {
        const error = await failureOf(as(person).reorder({ orgSlug: slug(), ownerId: person.membershipId, goalIds: wrong }));
        expect(keysOf(error), wrong.join()).toMatchObject({ code: "BAD_REQUEST", messageKey: "goals.errors.reorderMismatch" });
      }
    });
  });

  describe("concurrent changes", () => {
    it("saves one of two edits made from the same version; the other gets CONFLICT", async () => {
      const goal = await employeeGoal("DRAFT");
      const fields = validGoalFields(w.period.id, { title: goal.title, parentGoalId: goal.parentGoalId });
      const results = await Promise.allSettled([
        as(w.members.EMPLOYEE).update({ orgSlug: slug(), goalId: goal.id, version: 1, ...fields, risks: "Första" }),
        as(w.members.MANAGER).update({ orgSlug: slug(), goalId: goal.id, version: 1, ...fields, risks: "Andra" }),
      ]);
      expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
      const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
      expect((rejected.reason as TRPCError).code).toBe("CONFLICT");
      expect((await goalRow(goal.id)).version).toBe(2);
    });

    it("activates only one of two goals signed at once when one place is left under the cap", async () => {
      const person = await addPerson(db, orgId(), { teamId: w.team.id, managerId: w.members.MANAGER.membershipId });
      await db.organization.update({ where: { id: orgId() }, data: { settings: { maxActiveGoalsPerPerson: 1 } } });
      try {
        const goals = [];
        for (let i = 0; i < 2; i++) {
          goals.push(
            (
              await createAlignedGoal(db, orgId(), {
                ownerId: person.membershipId,
                orgOwnerId: w.members.ADMIN.membershipId,
                periodId: w.period.id,
                status: "PROPOSED",
                ownerSigned: true,
              })
            ).goal,
          );
        }
        const results = await Promise.allSettled(goals.map((goal) => as(w.members.MANAGER).sign({ orgSlug: slug(), goalId: goal.id, version: 1 })));
        expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
        expect(await db.goal.count({ where: { ownerId: person.membershipId, status: "ACTIVE" } })).toBe(1);
      } finally {
        await db.organization.update({ where: { id: orgId() }, data: { settings: {} } });
      }
    });

    it("refuses two concurrent links that would together make a cycle", async () => {
      const make = (title: string) => createGoalRow(db, orgId(), { level: "ORGANIZATION", ownerId: w.members.ADMIN.membershipId, periodId: w.period.id, title });
      const [a, b] = [await make("Ring A"), await make("Ring B")];
      const link = (goal: { id: string; title: string }, parentGoalId: string) =>
        as(w.members.ADMIN).update({ orgSlug: slug(), goalId: goal.id, version: 1, ...validGoalFields(w.period.id, { title: goal.title, parentGoalId }) });
      const results = await Promise.allSettled([link(a, b.id), link(b, a.id)]);
      expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
      const rows = await db.goal.findMany({ where: { id: { in: [a.id, b.id] } } });
      expect(rows.filter((row) => row.parentGoalId !== null)).toHaveLength(1);
    });
  });

  describe("a manager change", () => {
    it("removes a pending manager signature given by someone other than the new manager, and logs it", async () => {
      const person = await addPerson(db, orgId(), { teamId: w.team.id, managerId: w.members.MANAGER.membershipId });
      const signed = await createGoalRow(db, orgId(), {
        ownerId: person.membershipId,
        periodId: w.period.id,
        status: "PROPOSED",
        ownerSigned: true,
        managerSignedById: w.members.MANAGER.membershipId,
      });
      const unsigned = await createGoalRow(db, orgId(), { ownerId: person.membershipId, periodId: w.period.id, status: "PROPOSED", ownerSigned: true });
      const active = await createGoalRow(db, orgId(), { ownerId: person.membershipId, periodId: w.period.id, status: "ACTIVE", managerSignedById: w.members.MANAGER.membershipId });

      await callerFor(db, w.members.HR.userId).member.update({ orgSlug: slug(), membershipId: person.membershipId, managerId: w.director.membershipId });

      expect(await goalRow(signed.id)).toMatchObject({ status: "PROPOSED", managerSignedAt: null, managerSignedById: null, version: 2 });
      expect((await goalRow(signed.id)).ownerSignedById).toBe(person.membershipId);
      expect((await goalRow(unsigned.id)).version).toBe(1);
      expect(await goalRow(active.id)).toMatchObject({ managerSignedById: w.members.MANAGER.membershipId, version: 1 });

      const [entry] = await historyOf(w.members.ADMIN, signed.id);
      expect(entry).toMatchObject({ action: "goal.signatureMoved", actorName: w.members.HR.name });
      expect(entry!.changes as Change[]).toEqual(
        expect.arrayContaining([
          { field: "managerSignedBy", from: w.members.MANAGER.name, to: null },
          { field: "coSigner", from: w.members.MANAGER.name, to: w.director.name },
        ]),
      );
      const detail = await as(w.director).get({ orgSlug: slug(), goalId: signed.id });
      expect(detail.signatures.coSigner?.membershipId).toBe(w.director.membershipId);
      expect(detail.can.sign).toBe(true);
    });

    it("does the same when a CSV import changes the manager", async () => {
      const person = await addPerson(db, orgId(), { teamId: w.team.id, managerId: w.members.MANAGER.membershipId });
      const signed = await createGoalRow(db, orgId(), {
        ownerId: person.membershipId,
        periodId: w.period.id,
        status: "PROPOSED",
        ownerSigned: true,
        managerSignedById: w.members.MANAGER.membershipId,
      });
      const director = await db.membership.findUniqueOrThrow({ where: { id: w.director.membershipId }, include: { user: true } });
      await callerFor(db, w.members.ADMIN.userId).csvImport.run({
        orgSlug: slug(),
        csv: importCsv([{ name: person.name, email: person.email, team: "Team A", managerEmail: director.user.email, role: "" }]),
        fileName: "chefer.csv",
      });
      expect((await db.membership.findUniqueOrThrow({ where: { id: person.membershipId } })).managerId).toBe(w.director.membershipId);
      expect(await goalRow(signed.id)).toMatchObject({ managerSignedAt: null, managerSignedById: null });
      const [entry] = await historyOf(w.members.ADMIN, signed.id);
      expect(entry).toMatchObject({ action: "goal.signatureMoved", actorName: w.members.ADMIN.name });
    });
  });
});
