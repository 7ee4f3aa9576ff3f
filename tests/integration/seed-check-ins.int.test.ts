import { beforeAll, describe, expect, it } from "vitest";
import type { CheckInList } from "@/features/checkins/checkins.schema";
import { todayOf } from "@/features/checkins/progress";
import type { Db } from "@/server/db/client";
import { seedDemo } from "../../prisma/seed/demo";
import { planDemoCheckIns } from "../../prisma/seed/demo-check-ins";
import { buildDemoData, DEMO_LTD_SLUG, EXEMPEL_SLUG } from "../../prisma/seed/demo-data";
import { demoGoalFactsOf } from "../../prisma/seed/demo-goals";
import { callerFor } from "../factories";
import { createTestDatabase } from "../support/test-db";

const day = (date: Date) => date.toISOString().slice(0, 10);

describe("demo check-ins", () => {
  let db: Db;
  // the procedures work out statuses for the real clock, so the seed's history ends there too
  const now = new Date();
  const today = todayOf(now);
  let seedMs = 0;
  let exempelId: string;
  /** every ACTIVE goal of Exempel AB with its check-ins and progress, as the API reports them */
  let lists: Map<string, CheckInList & { title: string; dueDate: string; measureType: string | null; baseline: number | null }>;

  const member = (email: string, slug = EXEMPEL_SLUG) =>
    db.membership.findFirstOrThrow({ where: { user: { email }, organization: { slug } }, select: { id: true, userId: true, teamId: true } });

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    const started = performance.now();
    await seedDemo(db, { now });
    seedMs = performance.now() - started;
    exempelId = (await db.organization.findUniqueOrThrow({ where: { slug: EXEMPEL_SLUG } })).id;

    const admin = await member("admin@exempel.se");
    const caller = callerFor(db, admin.userId);
    const goals = await db.goal.findMany({ where: { organizationId: exempelId, status: "ACTIVE" }, orderBy: { id: "asc" } });
    lists = new Map();
    for (const goal of goals) {
      const list = await caller.checkIn.list({ orgSlug: EXEMPEL_SLUG, goalId: goal.id });
      lists.set(goal.id, {
        ...list,
        title: goal.title,
        dueDate: day(goal.dueDate!),
        measureType: goal.measureType,
        baseline: goal.baseline?.toNumber() ?? null,
      });
    }
  });

  it("shows every status and some stale goals among Exempel AB's active goals", () => {
    const all = [...lists.values()];
    const count = (predicate: (list: CheckInList) => boolean) => all.filter(predicate).length;
    const mix = {
      ACHIEVED: count((list) => list.progress.health === "ACHIEVED"),
      ON_TRACK: count((list) => list.progress.health === "ON_TRACK"),
      AT_RISK: count((list) => list.progress.health === "AT_RISK"),
      OFF_TRACK: count((list) => list.progress.health === "OFF_TRACK"),
      OVERDUE: count((list) => list.progress.health === "OVERDUE"),
      stale: count((list) => list.progress.stale),
    };
    console.info(`seed ${Math.round(seedMs)} ms; ${all.length} active goals; statuses at ${today}:`, mix);
    for (const status of ["ACHIEVED", "ON_TRACK", "AT_RISK", "OFF_TRACK"] as const) expect(mix[status], status).toBeGreaterThan(0);
    // the demo year's goals fall due on 30 November and 15 December
    const pastDue = all.filter((list) => list.dueDate < today && list.progress.health !== "ACHIEVED").length;
    expect(mix.OVERDUE).toBe(pastDue);
    expect(mix.stale / all.length).toBeGreaterThanOrEqual(0.05);
    expect(mix.stale / all.length).toBeLessThanOrEqual(0.2);
    expect(mix.ON_TRACK + mix.OVERDUE).toBeGreaterThan(mix.OFF_TRACK);
  });

  it("spans at least five months, never in the future, never before a goal's start and only on active goals", async () => {
    const rows = await db.checkIn.findMany({ include: { goal: { select: { status: true, startDate: true } } } });
    expect(rows.length).toBeGreaterThan(300);
    const dates = rows.map((row) => day(row.effectiveDate)).sort();
    const spanDays = (Date.parse(dates.at(-1)!) - Date.parse(dates[0]!)) / 86_400_000;
    expect(spanDays).toBeGreaterThanOrEqual(150);
    for (const row of rows) {
      expect(day(row.effectiveDate) <= today, row.id).toBe(true);
      expect(row.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(row.effectiveDate.getTime()).toBeGreaterThanOrEqual(row.goal.startDate!.getTime());
      expect(row.goal.status).toBe("ACTIVE");
      expect(row.confidence).toBeGreaterThanOrEqual(1);
      expect(row.confidence).toBeLessThanOrEqual(10);
      expect(row.clientKey).toMatch(/^seed-/);
    }
    // both organisations have a history, each in its own language
    const demoLtd = await db.checkIn.findMany({ where: { organization: { slug: DEMO_LTD_SLUG } } });
    expect(demoLtd.length).toBeGreaterThan(10);
    expect(demoLtd.some((row) => /\b(the|we|at)\b/i.test(row.comment))).toBe(true);
    expect(rows.filter((row) => row.organizationId === exempelId).some((row) => /\b(och|vi|på)\b/i.test(row.comment))).toBe(true);
  });

  it("keeps PERCENT values within 0–100 and a decreasing goal's values falling", () => {
    for (const list of lists.values()) {
      if (list.measureType === "PERCENT") for (const checkIn of list.checkIns) expect(checkIn.value).toBeGreaterThanOrEqual(0);
      if (list.measureType === "PERCENT") for (const checkIn of list.checkIns) expect(checkIn.value).toBeLessThanOrEqual(100);
    }
    const leadTime = [...lists.values()].find((list) => list.title === "Kortare handläggningstid")!;
    const values = leadTime.checkIns.filter((checkIn) => checkIn.replacedById === null).map((checkIn) => checkIn.value);
    expect(values.length).toBeGreaterThanOrEqual(5);
    expect(values.at(-1)!).toBeLessThan(values[0]!);
    expect(values.every((value) => value <= leadTime.baseline!)).toBe(true);
    expect(leadTime.progress.current!.value).toBeLessThan(leadTime.baseline!);
  });

  it("ticks a milestone goal's steps as its current check-in says", async () => {
    const milestones = [...lists.entries()].filter(([, list]) => list.measureType === "MILESTONES");
    expect(milestones.length).toBeGreaterThan(0);
    for (const [goalId, list] of milestones) {
      const current = list.checkIns.filter((checkIn) => checkIn.replacedById === null).at(-1)!;
      expect(current.value).toBe(current.doneStepIds.length);
      expect(list.progress.current!.value).toBe(current.value);
      const steps = await db.goalStep.findMany({ where: { goalId }, orderBy: { position: "asc" } });
      const done = steps.filter((step) => step.doneAt !== null).map((step) => step.id);
      expect(done.sort()).toEqual([...current.doneStepIds].sort());
      for (const step of steps.filter((candidate) => candidate.doneAt !== null)) {
        expect(day(step.doneAt!) <= current.effectiveDate).toBe(true);
      }
    }
    // a milestone goal can be achieved, and at least one is still on its way
    expect(milestones.some(([, list]) => list.progress.health === "ACHIEVED")).toBe(true);
    expect(milestones.some(([, list]) => list.progress.health !== "ACHIEVED")).toBe(true);
  });

  it("gives Elin a check-in due on her goal linked to her team's goal", async () => {
    const elin = await member("medarbetare@exempel.se");
    const due = await callerFor(db, elin.userId).checkIn.due({ orgSlug: EXEMPEL_SLUG });
    expect(due.mine.length).toBeGreaterThanOrEqual(1);
    const item = due.mine[0]!;
    expect(item.owner.membershipId).toBe(elin.id);
    expect(item.goal.level).toBe("INDIVIDUAL");
    expect(["NUMBER", "PERCENT"]).toContain(item.goal.measureType);
    expect(item.progress.health).not.toBe("ACHIEVED");
    expect(item.progress.stale).toBe(false);
    expect(item.dueOn <= today).toBe(true);
    const goal = await db.goal.findUniqueOrThrow({ where: { id: item.goal.id }, include: { parent: true } });
    expect(goal.parent?.level).toBe("TEAM");
    expect(goal.parent?.teamId).toBe(elin.teamId);
  });

  it("gives the manager at least two reports with an overdue check-in", async () => {
    const chef = await member("chef@exempel.se");
    const due = await callerFor(db, chef.userId).checkIn.due({ orgSlug: EXEMPEL_SLUG });
    const overdue = due.reports.filter((item) => item.overdue);
    expect(new Set(overdue.map((item) => item.owner.membershipId)).size).toBeGreaterThanOrEqual(2);
    expect(due.reportsTotal).toBeGreaterThanOrEqual(overdue.length);
  });

  it("includes corrections whose replaced value is not the current one", async () => {
    const corrections = await db.checkIn.findMany({ where: { organizationId: exempelId, replacesId: { not: null } }, include: { replaces: true } });
    expect(corrections.length).toBeGreaterThanOrEqual(1);
    for (const correction of corrections) {
      const list = lists.get(correction.goalId)!;
      const replaced = list.checkIns.find((checkIn) => checkIn.id === correction.replacesId)!;
      expect(replaced.replacedById).toBe(correction.id);
      expect(replaced.value).not.toBe(list.progress.current!.value);
      expect(replaced.value).not.toBe(correction.value.toNumber());
      expect(correction.effectiveDate.getTime()).toBe(correction.replaces!.effectiveDate.getTime());
    }
    // one corrects the latest check-in, so the corrected value is what the goal shows now
    expect(corrections.some((correction) => lists.get(correction.goalId)!.progress.current!.value === correction.value.toNumber())).toBe(true);
  });

  it("plans the same history for the same moment", () => {
    const org = buildDemoData().organizations[0]!;
    const membershipIds = new Map(org.memberships.map((m, index) => [m.userEmail, `member-${index}`]));
    const facts = demoGoalFactsOf(org);
    const moment = new Date("2026-12-03T10:00:00Z");
    const first = planDemoCheckIns(org, { membershipIds }, facts, moment);
    const second = planDemoCheckIns(org, { membershipIds }, facts, moment);
    expect(second).toEqual(first);
    // and a fresh set of ids changes nothing but the ids
    const strip = (plan: typeof first) => plan.checkIns.map(({ goalId: _goalId, doneStepIds, ...rest }) => ({ ...rest, steps: doneStepIds.length }));
    expect(strip(planDemoCheckIns(org, { membershipIds }, demoGoalFactsOf(org), moment))).toEqual(strip(first));
  });
});
