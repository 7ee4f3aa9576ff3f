import { beforeAll, describe, expect, it } from "vitest";
import { assessGoal, assessStatement } from "@/features/goals/coach";
import { coachGoalOf } from "@/features/goals/coach-input";
import type { Db } from "@/server/db/client";
import { seedDemo } from "../../prisma/seed/demo";
import { EXEMPEL_SLUG } from "../../prisma/seed/demo-data";
import { callerFor } from "../factories";
import { createTestDatabase } from "../support/test-db";

describe("demo goals", () => {
  let db: Db;
  let organizationId: string;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    await seedDemo(db);
    organizationId = (await db.organization.findUniqueOrThrow({ where: { slug: EXEMPEL_SLUG } })).id;
  });

  const goals = () => db.goal.findMany({ where: { organizationId }, include: { parent: true } });

  it("gives Exempel AB 4–6 organisation goals, a goal for every team and 2–4 goals per person", async () => {
    const all = await goals();
    const organisationGoals = all.filter((goal) => goal.level === "ORGANIZATION");
    expect(organisationGoals.length).toBeGreaterThanOrEqual(4);
    expect(organisationGoals.length).toBeLessThanOrEqual(6);
    const teams = await db.team.findMany({ where: { organizationId } });
    for (const team of teams) expect(all.some((goal) => goal.level === "TEAM" && goal.teamId === team.id), team.name).toBe(true);
    const people = await db.membership.findMany({ where: { organizationId, managerId: { not: null } } });
    for (const person of people) {
      const own = all.filter((goal) => goal.level === "INDIVIDUAL" && goal.ownerId === person.id).length;
      expect(own).toBeGreaterThanOrEqual(2);
      expect(own).toBeLessThanOrEqual(4);
    }
    const statuses = new Set(all.map((goal) => goal.status));
    expect([...statuses].sort()).toEqual(["ACTIVE", "DRAFT", "PROPOSED"]);
    expect(all.filter((goal) => goal.status === "ACTIVE").length / all.length).toBeGreaterThan(0.6);
  });

  it("writes every statement the SMARTA way, and every proposed or active goal passes the coach", async () => {
    const all = await goals();
    for (const goal of all) {
      const statement = assessStatement(goal.statement, "sv");
      expect({ statement: goal.statement, ...statement, hints: [] }).toMatchObject({ actionFirst: true, measurableResult: true, deadline: true });
    }
    const admin = await db.membership.findFirstOrThrow({ where: { organizationId, role: "ADMIN" } });
    const caller = callerFor(db, admin.userId);
    for (const goal of all.filter((candidate) => candidate.status !== "DRAFT")) {
      const detail = await caller.goal.get({ orgSlug: EXEMPEL_SLUG, goalId: goal.id });
      const assessment = assessGoal(coachGoalOf(detail.level, detail.fields, detail.steps, detail.period, detail.coachContext), "sv");
      expect({ title: goal.title, blockers: assessment.blockers.map((blocker) => blocker.code) }).toEqual({ title: goal.title, blockers: [] });
      if (goal.status === "ACTIVE") {
        expect(detail.signatures.ownerSignedAt).not.toBeNull();
        expect(detail.signatures.managerSignedAt).not.toBeNull();
      }
    }
  });

  it("keeps each linked goal inside its parent's period", async () => {
    const all = await db.goal.findMany({ where: { organizationId, parentGoalId: { not: null } }, include: { period: true, parent: { include: { period: true } } } });
    for (const goal of all) {
      expect(goal.parent!.period.startDate.getTime()).toBeLessThanOrEqual(goal.period.startDate.getTime());
      expect(goal.parent!.period.endDate.getTime()).toBeGreaterThanOrEqual(goal.period.endDate.getTime());
    }
  });
});
