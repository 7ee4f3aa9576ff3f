import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { GoalFields } from "@/features/goals/goals.schema";
import type { Db } from "@/server/db/client";
import { callerFor, createOrganization, type TestMember } from "../factories";
import { createAlignedGoal, createGoalRow, createGoalWorld, validGoalFields, type GoalWorld } from "../factories/goals";
import { addPerson, addTeam } from "../factories/people";
import { createTestDatabase } from "../support/test-db";
import { codeOf, failureOf, fieldErrorsOf } from "../support/trpc-errors";

/** The message key, params and field errors the browser would receive. */
function keysOf(error: TRPCError) {
  const cause = error.cause as { messageKey?: string; params?: Record<string, unknown> } | undefined;
  return { code: error.code, messageKey: cause?.messageKey, params: cause?.params, fieldErrors: fieldErrorsOf(error) };
}

describe("goals: creating, seeing and linking", () => {
  let db: Db;
  let w: GoalWorld;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    w = await createGoalWorld(db);
  });

  const as = (member: TestMember) => callerFor(db, member.userId).goal;
  const slug = () => w.organization.slug;
  const orgId = () => w.organization.id;

  function createInput(overrides: Partial<GoalFields> & { level?: "ORGANIZATION" | "TEAM" | "INDIVIDUAL"; ownerId?: string | null; teamId?: string | null } = {}) {
    const { level = "INDIVIDUAL", ownerId = null, teamId = null, ...fields } = overrides;
    return { orgSlug: slug(), level, ownerId, teamId, ...validGoalFields(w.period.id), ...fields };
  }

  describe("goal.create", () => {
    it("creates a DRAFT individual goal for oneself, ranked after the owner's open goals, with its steps and history", async () => {
      const employee = w.members.EMPLOYEE;
      const first = await as(employee).create(createInput());
      const second = await as(employee).create(createInput({ title: "Andra målet" }));
      expect(first).toEqual({ id: first.id, version: 1, status: "DRAFT", signaturesCleared: false });

      const rows = await db.goal.findMany({ where: { id: { in: [first.id, second.id] } }, orderBy: { priority: "asc" } });
      expect(rows.map((row) => [row.id, row.priority, row.ownerId, row.createdById, row.level, row.status])).toEqual([
        [first.id, 1, employee.membershipId, employee.membershipId, "INDIVIDUAL", "DRAFT"],
        [second.id, 2, employee.membershipId, employee.membershipId, "INDIVIDUAL", "DRAFT"],
      ]);
      const steps = await db.goalStep.findMany({ where: { goalId: first.id }, orderBy: { position: "asc" } });
      expect(steps.map((step) => [step.position, step.title, step.dueDate?.toISOString().slice(0, 10)])).toEqual([
        [0, "Ta fram en ringlista", "2027-01-31"],
        [1, "Följ upp alla samtal", "2027-06-15"],
      ]);

      const [event] = await db.auditEvent.findMany({ where: { organizationId: orgId(), entityId: first.id } });
      expect(event).toMatchObject({ action: "goal.create", entityType: "goal", actorUserId: employee.userId });
      const changes = event!.changes as { field: string; from: unknown; to: unknown }[];
      expect(changes).toEqual(
        expect.arrayContaining([
          { field: "level", from: null, to: "INDIVIDUAL" },
          { field: "target", from: null, to: 40 },
          { field: "startDate", from: null, to: "2027-01-15" },
          { field: "period", from: null, to: "2027" },
        ]),
      );
      // nothing empty is logged
      expect(changes.find((change) => change.field === "learning")).toBeUndefined();
    });

    it("lets the manager chain and ADMIN write individual goals for a person, nobody else", async () => {
      const forEmployee = createInput({ ownerId: w.members.EMPLOYEE.membershipId });
      expect(await codeOf(as(w.members.MANAGER).create(forEmployee))).toBe("OK");
      expect(await codeOf(as(w.director).create(forEmployee))).toBe("OK");
      expect(await codeOf(as(w.members.ADMIN).create(forEmployee))).toBe("OK");
      expect(await codeOf(as(w.peer).create(forEmployee))).toBe("FORBIDDEN");
      expect(await codeOf(as(w.members.HR).create(forEmployee))).toBe("FORBIDDEN");
      expect(await codeOf(as(w.members.EMPLOYEE).create(createInput({ ownerId: w.members.MANAGER.membershipId })))).toBe("FORBIDDEN");
      // HR writes goals for themselves like anyone
      expect(await codeOf(as(w.members.HR).create(createInput()))).toBe("OK");
      const owners = await db.goal.groupBy({ by: ["ownerId"], where: { organizationId: orgId(), createdById: { not: w.members.EMPLOYEE.membershipId } }, _count: true });
      expect(owners.find((row) => row.ownerId === w.members.EMPLOYEE.membershipId)?._count).toBe(3);
    });

    it("refuses a person of another organisation as owner with NOT_FOUND and an inactive one beside the field", async () => {
      const other = await createOrganization(db);
      expect(await codeOf(as(w.members.ADMIN).create(createInput({ ownerId: other.members.EMPLOYEE.membershipId })))).toBe("NOT_FOUND");
      const gone = await addPerson(db, orgId(), { status: "DEACTIVATED", managerId: w.members.MANAGER.membershipId });
      const error = await failureOf(as(w.members.MANAGER).create(createInput({ ownerId: gone.membershipId })));
      expect(keysOf(error)).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { ownerId: ["goals.errors.ownerInactive"] } });
    });

    it("lets ADMIN and MANAGER write organisation goals, for themselves by default or for any active member", async () => {
      const byManager = await as(w.members.MANAGER).create(createInput({ level: "ORGANIZATION" }));
      expect((await db.goal.findUnique({ where: { id: byManager.id } }))?.ownerId).toBe(w.members.MANAGER.membershipId);
      const forHr = await as(w.members.ADMIN).create(createInput({ level: "ORGANIZATION", ownerId: w.members.HR.membershipId }));
      expect((await db.goal.findUnique({ where: { id: forHr.id } }))?.ownerId).toBe(w.members.HR.membershipId);
      expect(await codeOf(as(w.members.EMPLOYEE).create(createInput({ level: "ORGANIZATION" })))).toBe("FORBIDDEN");
      expect(await codeOf(as(w.members.HR).create(createInput({ level: "ORGANIZATION" })))).toBe("FORBIDDEN");
    });

    it("lets a team's leads and ADMIN write team goals, owned by a lead", async () => {
      const teamId = w.team.id;
      const byLead = await as(w.members.MANAGER).create(createInput({ level: "TEAM", teamId }));
      expect(await db.goal.findUnique({ where: { id: byLead.id } })).toMatchObject({ ownerId: w.members.MANAGER.membershipId, teamId });

      // ADMIN is not a lead: the team's first lead owns it
      const byAdmin = await as(w.members.ADMIN).create(createInput({ level: "TEAM", teamId }));
      expect((await db.goal.findUnique({ where: { id: byAdmin.id } }))?.ownerId).toBe(w.members.MANAGER.membershipId);

      const notLead = await failureOf(as(w.members.ADMIN).create(createInput({ level: "TEAM", teamId, ownerId: w.members.EMPLOYEE.membershipId })));
      expect(keysOf(notLead)).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { ownerId: ["goals.errors.ownerNotLead"] } });
      expect(await codeOf(as(w.members.EMPLOYEE).create(createInput({ level: "TEAM", teamId })))).toBe("FORBIDDEN");
      expect(await codeOf(as(w.members.MANAGER).create(createInput({ level: "TEAM", teamId: w.otherTeam.id })))).toBe("FORBIDDEN");

      // a team without a lead: the ADMIN who writes the goal owns it
      const leaderless = await as(w.members.ADMIN).create(createInput({ level: "TEAM", teamId: w.otherTeam.id }));
      expect((await db.goal.findUnique({ where: { id: leaderless.id } }))?.ownerId).toBe(w.members.ADMIN.membershipId);

      const missing = await failureOf(as(w.members.ADMIN).create(createInput({ level: "TEAM" })));
      expect(keysOf(missing).fieldErrors).toEqual({ teamId: ["goals.errors.teamRequired"] });
      const stray = await failureOf(as(w.members.ADMIN).create(createInput({ level: "INDIVIDUAL", teamId })));
      expect(keysOf(stray).fieldErrors).toEqual({ teamId: ["goals.errors.teamOnlyForTeamGoals"] });
      const archived = await addTeam(db, orgId(), "Arkiverat", { archived: true });
      const refused = await failureOf(as(w.members.ADMIN).create(createInput({ level: "TEAM", teamId: archived.id })));
      expect(keysOf(refused).fieldErrors).toEqual({ teamId: ["goals.errors.teamArchived"] });
    });

    it("allows development goals for individual goals only", async () => {
      const error = await failureOf(as(w.members.ADMIN).create(createInput({ level: "ORGANIZATION", kind: "DEVELOPMENT" })));
      expect(keysOf(error)).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { kind: ["goals.errors.developmentIndividualOnly"] } });
      expect(await codeOf(as(w.members.EMPLOYEE).create(createInput({ kind: "DEVELOPMENT", learning: "Att leda workshops" })))).toBe("OK");
    });

    it("validates the fields with translated keys beside them", async () => {
      const error = await failureOf(
        as(w.members.EMPLOYEE).create(createInput({ title: " ", startDate: "2027-05-01", dueDate: "2027-04-01", measureType: "PERCENT", target: 140 })),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(error)).toMatchObject({
        title: ["goals.errors.titleRequired"],
        dueDate: ["goals.errors.dueBeforeStart"],
        target: ["goals.errors.percentRange"],
      });
    });

    it("refuses an organizationId smuggled into the input", async () => {
      const other = await createOrganization(db);
      const error = await failureOf(as(w.members.EMPLOYEE).create({ ...createInput(), organizationId: other.organization.id } as never));
      expect(error.code).toBe("BAD_REQUEST");
    });
  });

  describe("visibility", () => {
    let development: { id: string };
    let performance: { id: string };

    beforeAll(async () => {
      development = await createGoalRow(db, orgId(), {
        ownerId: w.members.EMPLOYEE.membershipId,
        periodId: w.period.id,
        kind: "DEVELOPMENT",
        title: "Lära mig leda workshops",
        fields: { learning: "Att leda workshops" },
      });
      performance = await createGoalRow(db, orgId(), { ownerId: w.members.EMPLOYEE.membershipId, periodId: w.period.id });
    });

    it("shows a development goal to the owner, the manager chain, HR and ADMIN, and answers NOT_FOUND to others", async () => {
      for (const member of [w.members.EMPLOYEE, w.members.MANAGER, w.director, w.members.HR, w.members.ADMIN]) {
        expect(await codeOf(as(member).get({ orgSlug: slug(), goalId: development.id })), member.name).toBe("OK");
        expect(await codeOf(as(member).history({ orgSlug: slug(), goalId: development.id })), member.name).toBe("OK");
      }
      for (const member of [w.peer, w.outsider]) {
        expect(await codeOf(as(member).get({ orgSlug: slug(), goalId: development.id })), member.name).toBe("NOT_FOUND");
        expect(await codeOf(as(member).history({ orgSlug: slug(), goalId: development.id })), member.name).toBe("NOT_FOUND");
        expect(await codeOf(as(member).update({ orgSlug: slug(), goalId: development.id, version: 1, ...validGoalFields(w.period.id) }))).toBe("NOT_FOUND");
      }
      const seenByPeer = await as(w.peer).list({ orgSlug: slug(), scope: "organization" });
      expect(seenByPeer.map((goal) => goal.id)).not.toContain(development.id);
      expect(seenByPeer.map((goal) => goal.id)).toContain(performance.id);
      const seenByHr = await as(w.members.HR).list({ orgSlug: slug(), scope: "organization" });
      expect(seenByHr.map((goal) => goal.id)).toContain(development.id);
    });

    it("shows a performance goal to everyone, and refuses changes by those who may only look with FORBIDDEN", async () => {
      for (const member of [w.peer, w.outsider, w.members.HR]) {
        expect(await codeOf(as(member).get({ orgSlug: slug(), goalId: performance.id }))).toBe("OK");
        expect(await codeOf(as(member).update({ orgSlug: slug(), goalId: performance.id, version: 1, ...validGoalFields(w.period.id) }))).toBe("FORBIDDEN");
        expect(await codeOf(as(member).cancel({ orgSlug: slug(), goalId: performance.id, version: 1, reason: "Nej" }))).toBe("FORBIDDEN");
      }
      const detail = await as(w.peer).get({ orgSlug: slug(), goalId: performance.id });
      expect(detail.can).toEqual({ edit: false, propose: false, sign: false, postpone: false, cancel: false, close: false, confirmOutcome: false });
    });
  });

  describe("alignment", () => {
    let orgGoal: { id: string };
    let teamGoal: { id: string };

    beforeAll(async () => {
      orgGoal = await createGoalRow(db, orgId(), { level: "ORGANIZATION", status: "ACTIVE", ownerId: w.members.ADMIN.membershipId, periodId: w.period.id, title: "Nöjdare kunder" });
      teamGoal = await createGoalRow(db, orgId(), {
        level: "TEAM",
        teamId: w.team.id,
        status: "ACTIVE",
        ownerId: w.members.MANAGER.membershipId,
        periodId: w.period.id,
        parentGoalId: orgGoal.id,
        title: "Snabbare svar i supporten",
      });
    });

    it("links a team goal to an organisation goal and an individual goal to either", async () => {
      expect(await codeOf(as(w.members.MANAGER).create(createInput({ level: "TEAM", teamId: w.team.id, parentGoalId: orgGoal.id })))).toBe("OK");
      expect(await codeOf(as(w.members.EMPLOYEE).create(createInput({ parentGoalId: orgGoal.id })))).toBe("OK");
      expect(await codeOf(as(w.members.EMPLOYEE).create(createInput({ parentGoalId: teamGoal.id })))).toBe("OK");
    });

    it("keeps the link's weight in the parent's roll-up, records a change of it, and refuses weights out of range", async () => {
      const created = await as(w.members.EMPLOYEE).create(createInput({ parentGoalId: teamGoal.id, linkWeight: 2.5 }));
      expect((await as(w.members.EMPLOYEE).get({ orgSlug: slug(), goalId: created.id })).fields.linkWeight).toBe(2.5);
      const stored = (await as(w.members.EMPLOYEE).get({ orgSlug: slug(), goalId: created.id })).fields;
      const steps = validGoalFields(w.period.id).steps;
      await as(w.members.EMPLOYEE).update({ orgSlug: slug(), goalId: created.id, version: created.version, ...stored, steps, linkWeight: 0.5 });
      const row = await db.goal.findUniqueOrThrow({ where: { id: created.id } });
      expect(row.linkWeight.toNumber()).toBe(0.5);
      const history = await as(w.members.EMPLOYEE).history({ orgSlug: slug(), goalId: created.id });
      expect(history.flatMap((entry) => entry.changes)).toContainEqual({ field: "linkWeight", from: 2.5, to: 0.5 });
      for (const linkWeight of [0, -1, 101]) {
        const error = await failureOf(as(w.members.EMPLOYEE).create(createInput({ parentGoalId: teamGoal.id, linkWeight })));
        expect(keysOf(error).fieldErrors).toEqual({ linkWeight: ["goals.errors.linkWeight"] });
      }
    });

    it("refuses a parent of a level the goal may not link to", async () => {
      const individual = await createGoalRow(db, orgId(), { ownerId: w.peer.membershipId, periodId: w.period.id });
      const underIndividual = await failureOf(as(w.members.EMPLOYEE).create(createInput({ parentGoalId: individual.id })));
      expect(keysOf(underIndividual)).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { parentGoalId: ["goals.errors.parentLevel"] } });
      const orgUnderTeam = await failureOf(as(w.members.ADMIN).create(createInput({ level: "ORGANIZATION", parentGoalId: teamGoal.id })));
      expect(keysOf(orgUnderTeam).fieldErrors).toEqual({ parentGoalId: ["goals.errors.parentLevel"] });
    });

    it("links a goal of 2027 H1 under a goal of 2027, never the other way round", async () => {
      const h1 = w.periods.firstHalf.id;
      const shortGoal = await as(w.members.EMPLOYEE).create(
        createInput({ periodId: h1, parentGoalId: orgGoal.id, startDate: "2027-01-10", dueDate: "2027-06-20" }),
      );
      expect(shortGoal.status).toBe("DRAFT");

      const h1OrgGoal = await createGoalRow(db, orgId(), { level: "ORGANIZATION", ownerId: w.members.ADMIN.membershipId, periodId: h1 });
      const error = await failureOf(as(w.members.EMPLOYEE).create(createInput({ parentGoalId: h1OrgGoal.id })));
      expect(keysOf(error)).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { parentGoalId: ["goals.errors.periodNotContained"] } });
      const nextYear = await failureOf(as(w.members.EMPLOYEE).create(createInput({ periodId: w.periods.nextYear.id, parentGoalId: orgGoal.id })));
      expect(keysOf(nextYear).fieldErrors).toEqual({ parentGoalId: ["goals.errors.periodNotContained"] });
    });

    it("refuses a cycle: a goal cannot move under a goal linked below it", async () => {
      const top = await as(w.members.ADMIN).create(createInput({ level: "ORGANIZATION", title: "Överst" }));
      const middle = await as(w.members.ADMIN).create(createInput({ level: "ORGANIZATION", title: "Mitten", parentGoalId: top.id }));
      const bottom = await as(w.members.ADMIN).create(createInput({ level: "ORGANIZATION", title: "Nederst", parentGoalId: middle.id }));
      const error = await failureOf(
        as(w.members.ADMIN).update({ orgSlug: slug(), goalId: top.id, version: 1, ...validGoalFields(w.period.id, { title: "Överst", parentGoalId: bottom.id }) }),
      );
      expect(keysOf(error)).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { parentGoalId: ["goals.errors.cycle"] } });
      const self = await failureOf(
        as(w.members.ADMIN).update({ orgSlug: slug(), goalId: top.id, version: 1, ...validGoalFields(w.period.id, { title: "Överst", parentGoalId: top.id }) }),
      );
      expect(keysOf(self).fieldErrors).toEqual({ parentGoalId: ["goals.errors.cycle"] });
    });

    it("answers NOT_FOUND for a parent in another organisation", async () => {
      const other = await createOrganization(db);
      const foreign = await createGoalRow(db, other.organization.id, { level: "ORGANIZATION", ownerId: other.members.ADMIN.membershipId, periodId: other.period.id });
      expect(await codeOf(as(w.members.EMPLOYEE).create(createInput({ parentGoalId: foreign.id })))).toBe("NOT_FOUND");
      const own = await as(w.members.EMPLOYEE).create(createInput());
      expect(
        await codeOf(as(w.members.EMPLOYEE).update({ orgSlug: slug(), goalId: own.id, version: 1, ...validGoalFields(w.period.id, { parentGoalId: foreign.id }) })),
      ).toBe("NOT_FOUND");
    });

    it("refuses a cancelled or closed goal as a new parent", async () => {
      const cancelled = await createGoalRow(db, orgId(), { level: "ORGANIZATION", status: "CANCELLED", ownerId: w.members.ADMIN.membershipId, periodId: w.period.id });
      const closed = await createGoalRow(db, orgId(), { level: "ORGANIZATION", status: "CLOSED", ownerId: w.members.ADMIN.membershipId, periodId: w.period.id });
      for (const parent of [cancelled, closed]) {
        const error = await failureOf(as(w.members.EMPLOYEE).create(createInput({ parentGoalId: parent.id })));
        expect(keysOf(error).fieldErrors).toEqual({ parentGoalId: ["goals.errors.parentNotOpen"] });
      }
    });

    it("refuses moving a goal to a period its linked goals no longer fit in", async () => {
      const parent = await as(w.members.ADMIN).create(createInput({ level: "ORGANIZATION", title: "Helår" }));
      await as(w.members.EMPLOYEE).create(createInput({ parentGoalId: parent.id }));
      const error = await failureOf(
        as(w.members.ADMIN).update({
          orgSlug: slug(),
          goalId: parent.id,
          version: 1,
          ...validGoalFields(w.periods.firstHalf.id, { title: "Helår", startDate: "2027-01-15", dueDate: "2027-06-30" }),
        }),
      );
      expect(keysOf(error)).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { periodId: ["goals.errors.childrenOutsidePeriod"] } });
    });
  });

  describe("goal.get", () => {
    it("shows the alignment path to the top, the linked goals, the signatures, the coach's context and what the caller may do", async () => {
      const { parent: orgGoal } = await createAlignedGoal(db, orgId(), {
        ownerId: w.peer.membershipId,
        orgOwnerId: w.members.ADMIN.membershipId,
        periodId: w.period.id,
      });
      const teamGoal = await createGoalRow(db, orgId(), {
        level: "TEAM",
        teamId: w.team.id,
        status: "ACTIVE",
        ownerId: w.members.MANAGER.membershipId,
        periodId: w.period.id,
        parentGoalId: orgGoal.id,
      });
      const goal = await createGoalRow(db, orgId(), {
        ownerId: w.members.EMPLOYEE.membershipId,
        periodId: w.period.id,
        parentGoalId: teamGoal.id,
        status: "PROPOSED",
        ownerSigned: true,
      });
      await createGoalRow(db, orgId(), { ownerId: w.members.EMPLOYEE.membershipId, periodId: w.period.id, status: "ACTIVE", managerSignedById: w.members.MANAGER.membershipId });

      const detail = await as(w.members.MANAGER).get({ orgSlug: slug(), goalId: goal.id });
      expect(detail.alignmentPath.map((node) => [node.id, node.level])).toEqual([
        [orgGoal.id, "ORGANIZATION"],
        [teamGoal.id, "TEAM"],
      ]);
      expect(detail.coachContext).toMatchObject({ aligned: true, goalCap: 5 });
      expect(detail.coachContext.otherActiveGoals).toBeGreaterThanOrEqual(1);
      expect(detail.signatures).toMatchObject({
        owner: { membershipId: w.members.EMPLOYEE.membershipId, name: w.members.EMPLOYEE.name },
        coSigner: { membershipId: w.members.MANAGER.membershipId, name: w.members.MANAGER.name },
        managerSignedAt: null,
        managerSignedBy: null,
      });
      expect(detail.signatures.ownerSignedAt).toBeInstanceOf(Date);
      expect(detail.fields).toMatchObject({ target: 40, baseline: 10, startDate: "2027-01-15", parentGoalId: teamGoal.id });
      expect(detail.steps.map((step) => [step.title, step.done])).toEqual([
        ["Ta fram en ringlista", false],
        ["Följ upp alla samtal", false],
      ]);
      expect(detail.period).toEqual({ id: w.period.id, name: "2027", startDate: "2027-01-01", endDate: "2027-12-31" });
      expect(detail.can).toEqual({ edit: true, propose: false, sign: true, postpone: true, cancel: true, close: false, confirmOutcome: false });

      const asOwner = await as(w.members.EMPLOYEE).get({ orgSlug: slug(), goalId: goal.id });
      expect(asOwner.can).toMatchObject({ sign: false, edit: true, close: false });

      const teamDetail = await as(w.peer).get({ orgSlug: slug(), goalId: teamGoal.id });
      expect(teamDetail.children.map((child) => child.id)).toEqual([goal.id]);
      expect(teamDetail.coachContext).toMatchObject({ aligned: true, otherActiveGoals: 0 });

      const unlinked = await createGoalRow(db, orgId(), { ownerId: w.members.EMPLOYEE.membershipId, periodId: w.period.id });
      expect((await as(w.members.EMPLOYEE).get({ orgSlug: slug(), goalId: unlinked.id })).coachContext.aligned).toBe(false);
    });
  });

  describe("goal.list", () => {
    let listWorld: GoalWorld;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      listWorld = await createGoalWorld(db);
      const o = listWorld.organization.id;
      const p = listWorld.period.id;
      ids.orgGoal = (await createGoalRow(db, o, { level: "ORGANIZATION", status: "ACTIVE", ownerId: listWorld.members.ADMIN.membershipId, periodId: p })).id;
      ids.teamGoal = (await createGoalRow(db, o, { level: "TEAM", teamId: listWorld.team.id, ownerId: listWorld.members.MANAGER.membershipId, periodId: p })).id;
      ids.employeeFirst = (await createGoalRow(db, o, { ownerId: listWorld.members.EMPLOYEE.membershipId, periodId: p, status: "ACTIVE" })).id;
      ids.employeeSecond = (await createGoalRow(db, o, { ownerId: listWorld.members.EMPLOYEE.membershipId, periodId: listWorld.periods.firstHalf.id, fields: { startDate: "2027-02-01", dueDate: "2027-06-01" } })).id;
      ids.employeeDevelopment = (await createGoalRow(db, o, { ownerId: listWorld.members.EMPLOYEE.membershipId, periodId: p, kind: "DEVELOPMENT" })).id;
      ids.peer = (await createGoalRow(db, o, { ownerId: listWorld.peer.membershipId, periodId: p })).id;
      ids.outsider = (await createGoalRow(db, o, { ownerId: listWorld.outsider.membershipId, periodId: p })).id;
    });

    const list = (member: TestMember, input: Record<string, unknown>) =>
      callerFor(db, member.userId).goal.list({ orgSlug: listWorld.organization.slug, scope: "organization", ...input });

    it("mine: the caller's goals by priority", async () => {
      const mine = await list(listWorld.members.EMPLOYEE, { scope: "mine" });
      expect(mine.map((goal) => goal.id)).toEqual([ids.employeeFirst, ids.employeeSecond, ids.employeeDevelopment]);
      expect(mine.map((goal) => goal.priority)).toEqual([1, 2, 3]);
      expect(mine[0]).toMatchObject({ status: "ACTIVE", ownerSigned: true, canReorder: true, period: { name: "2027" }, dueDate: "2027-06-30" });
    });

    it("team: goals of the people below and of the teams led or belonged to", async () => {
      const team = await list(listWorld.members.MANAGER, { scope: "team" });
      expect(new Set(team.map((goal) => goal.id))).toEqual(
        new Set([ids.teamGoal, ids.employeeFirst, ids.employeeSecond, ids.employeeDevelopment, ids.peer]),
      );
      expect(team.every((goal) => goal.canReorder || goal.owner.membershipId === listWorld.members.MANAGER.membershipId)).toBe(true);

      // a peer sees the team's goals but not a colleague's development goal
      const peerView = await list(listWorld.peer, { scope: "team" });
      expect(peerView.map((goal) => goal.id)).toContain(ids.teamGoal);
      expect(peerView.map((goal) => goal.id)).not.toContain(ids.employeeDevelopment);
      expect(peerView.find((goal) => goal.id === ids.employeeFirst)).toBeUndefined();

      expect(await list(listWorld.outsider, { scope: "team" })).toEqual([]);
    });

    it("organization: everything visible, by owner and priority, filtered by period, level, kind and status", async () => {
      const all = await list(listWorld.peer, {});
      expect(all).toHaveLength(6);
      const owners = all.map((goal) => goal.owner.name);
      expect(owners).toEqual([...owners].sort((a, b) => new Intl.Collator("sv").compare(a, b)));

      expect((await list(listWorld.peer, { periodId: listWorld.periods.firstHalf.id })).map((goal) => goal.id)).toEqual([ids.employeeSecond]);
      expect((await list(listWorld.peer, { level: "TEAM" })).map((goal) => goal.id)).toEqual([ids.teamGoal]);
      expect((await list(listWorld.members.HR, { kind: "DEVELOPMENT" })).map((goal) => goal.id)).toEqual([ids.employeeDevelopment]);
      expect((await list(listWorld.peer, { status: "ACTIVE" })).map((goal) => goal.id).sort()).toEqual([ids.orgGoal, ids.employeeFirst].sort());
      expect((await list(listWorld.peer, { ownerId: listWorld.outsider.membershipId })).map((goal) => goal.id)).toEqual([ids.outsider]);
      expect((await list(listWorld.peer, {})).find((goal) => goal.id === ids.outsider)?.canReorder).toBe(false);
    });

    it("answers NOT_FOUND for another organisation's period or person", async () => {
      expect(await codeOf(list(listWorld.peer, { periodId: w.period.id }))).toBe("NOT_FOUND");
      expect(await codeOf(list(listWorld.peer, { ownerId: w.members.EMPLOYEE.membershipId }))).toBe("NOT_FOUND");
    });
  });

  describe("goal.linkTargets and goal.alignmentTree", () => {
    let treeWorld: GoalWorld;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      treeWorld = await createGoalWorld(db);
      const o = treeWorld.organization.id;
      const year = treeWorld.period.id;
      const h1 = treeWorld.periods.firstHalf.id;
      const admin = treeWorld.members.ADMIN.membershipId;
      const half = { startDate: "2027-01-15", dueDate: "2027-06-15" };
      ids.yearOrg = (await createGoalRow(db, o, { level: "ORGANIZATION", status: "ACTIVE", ownerId: admin, periodId: year, title: "Årsmål" })).id;
      ids.lonelyOrg = (await createGoalRow(db, o, { level: "ORGANIZATION", status: "ACTIVE", ownerId: admin, periodId: year, title: "Ensamt mål" })).id;
      ids.cancelledOrg = (await createGoalRow(db, o, { level: "ORGANIZATION", status: "CANCELLED", ownerId: admin, periodId: year })).id;
      ids.nextYearOrg = (await createGoalRow(db, o, { level: "ORGANIZATION", ownerId: admin, periodId: treeWorld.periods.nextYear.id, fields: { startDate: "2028-01-10", dueDate: "2028-06-10" } })).id;
      ids.team = (await createGoalRow(db, o, { level: "TEAM", teamId: treeWorld.team.id, ownerId: treeWorld.members.MANAGER.membershipId, periodId: h1, parentGoalId: ids.yearOrg, fields: half })).id;
      ids.h1Org = (await createGoalRow(db, o, { level: "ORGANIZATION", ownerId: admin, periodId: h1, title: "Halvårsmål", fields: half })).id;
      ids.individual = (await createGoalRow(db, o, { ownerId: treeWorld.members.EMPLOYEE.membershipId, periodId: h1, parentGoalId: ids.team, fields: half })).id;
      ids.development = (await createGoalRow(db, o, { ownerId: treeWorld.members.EMPLOYEE.membershipId, periodId: h1, kind: "DEVELOPMENT", parentGoalId: ids.yearOrg, fields: half })).id;
      ids.cancelledIndividual = (await createGoalRow(db, o, { ownerId: treeWorld.peer.membershipId, periodId: h1, status: "CANCELLED", parentGoalId: ids.team, fields: half })).id;
    });

    const caller = (member: TestMember) => callerFor(db, member.userId).goal;

    it("offers open organisation and team goals whose period contains the goal's", async () => {
      const targets = await caller(treeWorld.members.EMPLOYEE).linkTargets({
        orgSlug: treeWorld.organization.slug,
        level: "INDIVIDUAL",
        kind: "PERFORMANCE",
        periodId: treeWorld.periods.firstHalf.id,
        goalId: null,
      });
      expect(new Set(targets.map((target) => target.id))).toEqual(new Set([ids.yearOrg, ids.lonelyOrg, ids.team, ids.h1Org]));
      expect(targets[0]!.level).toBe("ORGANIZATION");
      expect(targets.find((target) => target.id === ids.yearOrg)?.period).toEqual({ id: treeWorld.period.id, name: "2027" });

      const forYear = await caller(treeWorld.members.EMPLOYEE).linkTargets({
        orgSlug: treeWorld.organization.slug,
        level: "TEAM",
        kind: "PERFORMANCE",
        periodId: treeWorld.period.id,
      });
      expect(new Set(forYear.map((target) => target.id))).toEqual(new Set([ids.yearOrg, ids.lonelyOrg]));
    });

    it("leaves out the goal itself and every goal below it", async () => {
      const targets = await caller(treeWorld.members.ADMIN).linkTargets({
        orgSlug: treeWorld.organization.slug,
        level: "ORGANIZATION",
        kind: "PERFORMANCE",
        periodId: treeWorld.periods.firstHalf.id,
        goalId: ids.yearOrg,
      });
      expect(targets.map((target) => target.id)).not.toContain(ids.yearOrg);
      expect(new Set(targets.map((target) => target.id))).toEqual(new Set([ids.lonelyOrg, ids.h1Org]));
    });

    it("draws a period's goals under their aims from longer periods, flags organisation goals nothing links to", async () => {
      const tree = await caller(treeWorld.peer).alignmentTree({ orgSlug: treeWorld.organization.slug, periodId: treeWorld.periods.firstHalf.id });
      expect(tree.period).toEqual({ id: treeWorld.periods.firstHalf.id, name: "2027 H1", startDate: "2027-01-01", endDate: "2027-06-30" });
      const byId = new Map(tree.nodes.map((node) => [node.id, node]));
      // the peer does not see the employee's development goal; cancelled goals are left out
      expect(new Set(byId.keys())).toEqual(new Set([ids.yearOrg, ids.team, ids.h1Org, ids.individual]));
      expect(byId.get(ids.team!)).toMatchObject({ parentGoalId: ids.yearOrg, unlinked: false, period: { name: "2027 H1" } });
      expect(byId.get(ids.individual!)).toMatchObject({ parentGoalId: ids.team, unlinked: false });
      expect(byId.get(ids.yearOrg!)).toMatchObject({ parentGoalId: null, unlinked: false, period: { name: "2027" } });
      expect(byId.get(ids.h1Org!)).toMatchObject({ unlinked: true });

      const managerTree = await caller(treeWorld.members.MANAGER).alignmentTree({ orgSlug: treeWorld.organization.slug, periodId: treeWorld.periods.firstHalf.id });
      expect(managerTree.nodes.map((node) => node.id)).toContain(ids.development);

      const yearTree = await caller(treeWorld.peer).alignmentTree({ orgSlug: treeWorld.organization.slug, periodId: treeWorld.period.id });
      expect(new Set(yearTree.nodes.map((node) => node.id))).toEqual(new Set([ids.yearOrg, ids.lonelyOrg]));
      expect(yearTree.nodes.every((node) => node.unlinked)).toBe(true);
    });
  });

  describe("goal.ownerOptions", () => {
    const options = (member: TestMember, level: "ORGANIZATION" | "TEAM" | "INDIVIDUAL") =>
      callerFor(db, member.userId).goal.ownerOptions({ orgSlug: w.organization.slug, level });

    it("offers oneself and the people below for individual goals, everyone to ADMIN", async () => {
      expect((await options(w.members.EMPLOYEE, "INDIVIDUAL")).people.map((p) => p.membershipId)).toEqual([w.members.EMPLOYEE.membershipId]);
      const manager = (await options(w.members.MANAGER, "INDIVIDUAL")).people.map((p) => p.membershipId);
      expect(manager[0]).toBe(w.members.MANAGER.membershipId);
      expect(new Set(manager)).toEqual(new Set([w.members.MANAGER.membershipId, w.members.EMPLOYEE.membershipId, w.peer.membershipId]));
      const director = new Set((await options(w.director, "INDIVIDUAL")).people.map((p) => p.membershipId));
      expect(director).toEqual(new Set([w.director.membershipId, w.members.MANAGER.membershipId, w.members.EMPLOYEE.membershipId, w.peer.membershipId]));
      const admin = await options(w.members.ADMIN, "INDIVIDUAL");
      const active = await db.membership.count({ where: { organizationId: w.organization.id, status: "ACTIVE" } });
      expect(admin.people).toHaveLength(active);
    });

    it("offers every active member for organisation goals to those who may write them", async () => {
      expect((await options(w.members.EMPLOYEE, "ORGANIZATION")).people).toEqual([]);
      expect((await options(w.members.MANAGER, "ORGANIZATION")).people.length).toBeGreaterThan(4);
    });

    it("offers the teams one leads (all to ADMIN) with their leads", async () => {
      expect(await options(w.members.MANAGER, "TEAM")).toEqual({
        people: [],
        teams: [{ id: w.team.id, name: "Team A", leads: [{ membershipId: w.members.MANAGER.membershipId, name: w.members.MANAGER.name }] }],
      });
      expect((await options(w.members.EMPLOYEE, "TEAM")).teams).toEqual([]);
      const admin = await options(w.members.ADMIN, "TEAM");
      expect(admin.teams.map((team) => team.id)).toEqual(expect.arrayContaining([w.team.id, w.otherTeam.id]));
      expect(admin.teams.find((team) => team.id === w.otherTeam.id)?.leads).toEqual([]);
    });
  });
});
