import { fc } from "@fast-check/vitest";
import { beforeAll, describe, expect, it } from "vitest";
import { measureOf, type GoalMeasureFacts } from "@/features/checkins/progress";
import { measureFactsOf } from "@/features/checkins/progress.server";
import { LEVEL_ORDER, levelOf, progressOf } from "@/features/goals/attainment";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { callerFor } from "../factories";
import { checkInInput, createCheckInGoal, daysFromToday } from "../factories/check-ins";
import { createPeriodRow } from "../factories/admin";
import { createGoalWorld, type GoalWorld } from "../factories/goals";
import { createTestDatabase } from "../support/test-db";

/**
 * GoalReading, GoalMonthReading and the trend totals PeriodTrendMonth are kept by database
 * triggers (migrations *_goal_readings and *_trend_totals) for every way a check-in, a
 * measure, a status or a start is written. Whatever happens to a goal, they must hold what a
 * recomputation from its check-ins with the TypeScript reference gives.
 */

/** What decides whether and from when a goal's month rows count in its period's trend. */
type TrendFacts = { kind: string; periodId: string; periodStart: string };

type StoredCheckIn = { id: string; value: number; confidence: number; effectiveDate: string; createdAt: Date; replacesId: string | null };
type Expected = {
  reading: { value: number; confidence: number; effectiveDate: string; points: number; levelRank: number; checkIns: number; checkInDates: string } | null;
  months: { month: string; value: number; points: number; pointsChange: number; checkIns: number; periodId: string | null; trendMonth: string | null }[];
};

const monthOf = (date: string) => `${date.slice(0, 7)}-01`;
const latest = (...months: string[]) => months.reduce((a, b) => (a > b ? a : b));

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** What the tables must hold for a goal, worked out in TypeScript from its check-ins and measure. */
function expectedOf(facts: GoalMeasureFacts & TrendFacts, checkIns: readonly StoredCheckIn[]): Expected {
  const replaced = new Set(checkIns.map((c) => c.replacesId).filter((id): id is string => id !== null));
  // the order the readings apply in: effective date, then entry, then id (as the database sorts uuids)
  const standing = checkIns
    .filter((c) => !replaced.has(c.id))
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const measure = measureOf(facts);
  const pointsOf = (value: number) => (measure ? progressOf(measure, value) * 100 : 0);
  const rankOf = (value: number) => LEVEL_ORDER.indexOf(measure ? levelOf(measure, value) : "BELOW_MINIMUM");
  const last = standing.at(-1);
  // the monthly trend counts ACTIVE and CLOSED performance goals with a measure and a start,
  // each change from the later of its month, the goal's start month and the period's first
  const counted = facts.kind === "PERFORMANCE" && (facts.status === "ACTIVE" || facts.status === "CLOSED") && measure !== null && facts.startDate !== null;
  const trendMonthOf = (month: string) => (counted ? latest(month, monthOf(facts.startDate!), monthOf(facts.periodStart)) : null);
  const byMonth = new Map<string, StoredCheckIn[]>();
  for (const c of standing) byMonth.set(`${c.effectiveDate.slice(0, 7)}-01`, [...(byMonth.get(`${c.effectiveDate.slice(0, 7)}-01`) ?? []), c]);
  let previous = 0;
  const months = [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, rows]) => {
      const monthLast = rows.at(-1)!;
      const points = Math.min(pointsOf(monthLast.value), 100);
      const row = { month, value: monthLast.value, points, pointsChange: points - previous, checkIns: rows.length, periodId: facts.periodId, trendMonth: trendMonthOf(month) };
      previous = points;
      return row;
    });
  return {
    reading: last
      ? { value: last.value, confidence: last.confidence, effectiveDate: last.effectiveDate, points: pointsOf(last.value), levelRank: rankOf(last.value), checkIns: standing.length,
          // earliest first, as width_bucket needs them
          checkInDates: standing.map((c) => c.effectiveDate).join(",") }
      : null,
    months,
  };
}

async function storedOf(db: Db, goalId: string): Promise<Expected> {
  const [reading] = await db.$queryRaw<Expected["reading"][]>(Prisma.sql`
    SELECT "value", "confidence", to_char("effectiveDate", 'YYYY-MM-DD') AS "effectiveDate", "points", "levelRank", "checkIns",
      array_to_string(ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest("checkInDates") WITH ORDINALITY AS u(d, i) ORDER BY i), ',') AS "checkInDates"
    FROM "GoalReading" WHERE "goalId" = ${goalId}::uuid`);
  const months = await db.$queryRaw<Expected["months"]>(Prisma.sql`
    SELECT to_char("month", 'YYYY-MM-DD') AS "month", "value", "points", "pointsChange", "checkIns",
      "periodId"::text AS "periodId", to_char("trendMonth", 'YYYY-MM-DD') AS "trendMonth"
    FROM "GoalMonthReading" WHERE "goalId" = ${goalId}::uuid ORDER BY "month"`);
  return { reading: reading ?? null, months };
}

async function factsAndCheckIns(db: Db, goalId: string): Promise<{ facts: GoalMeasureFacts & TrendFacts; checkIns: StoredCheckIn[] }> {
  const goal = await db.goal.findUniqueOrThrow({ where: { id: goalId }, include: { period: true } });
  const rows = await db.checkIn.findMany({ where: { goalId } });
  return {
    facts: {
      ...measureFactsOf(goal),
      kind: goal.kind,
      periodId: goal.periodId,
      periodStart: iso(goal.period.startDate),
    },
    checkIns: rows.map((row) => ({
      id: row.id,
      value: row.value.toNumber(),
      confidence: row.confidence,
      effectiveDate: iso(row.effectiveDate),
      createdAt: row.createdAt,
      replacesId: row.replacesId,
    })),
  };
}

const closeTo = (stored: Expected, expected: Expected) => {
  expect(stored.months.map((m) => m.month)).toEqual(expected.months.map((m) => m.month));
  stored.months.forEach((m, i) => {
    const e = expected.months[i]!;
    expect(m.value).toBeCloseTo(e.value, 9);
    expect(m.points).toBeCloseTo(e.points, 9);
    expect(m.pointsChange).toBeCloseTo(e.pointsChange, 9);
    expect(m.checkIns).toBe(e.checkIns);
    expect(m.periodId).toBe(e.periodId);
    expect(m.trendMonth).toBe(e.trendMonth);
  });
  if (expected.reading === null) {
    expect(stored.reading).toBeNull();
    return;
  }
  expect(stored.reading).not.toBeNull();
  expect(stored.reading!.effectiveDate).toBe(expected.reading.effectiveDate);
  expect(stored.reading!.confidence).toBe(expected.reading.confidence);
  expect(stored.reading!.value).toBeCloseTo(expected.reading.value, 9);
  expect(stored.reading!.points).toBeCloseTo(expected.reading.points, 9);
  expect(stored.reading!.levelRank).toBe(expected.reading.levelRank);
  expect(stored.reading!.checkIns).toBe(expected.reading.checkIns);
  expect(stored.reading!.checkInDates).toBe(expected.reading.checkInDates);
};

/** The period's trend totals as stored (months whose totals came back to nothing left out). */
async function storedTotalsOf(db: Db, periodId: string) {
  const rows = await db.$queryRaw<{ month: string; pointsChange: number; checkIns: number }[]>(Prisma.sql`
    SELECT to_char("month", 'YYYY-MM-DD') AS "month", "pointsChange"::float8 AS "pointsChange", "checkIns"
    FROM "PeriodTrendMonth" WHERE "periodId" = ${periodId}::uuid AND ("pointsChange" <> 0 OR "checkIns" <> 0) ORDER BY "month"`);
  return rows;
}

/** The same worked out in TypeScript from every goal of the period: the sums of their expected month rows. */
async function expectedTotalsOf(db: Db, periodId: string) {
  const goals = await db.goal.findMany({ where: { periodId }, select: { id: true } });
  const totals = new Map<string, { pointsChange: number; checkIns: number }>();
  const add = (month: string, points: number, checkIns: number) => {
    const total = totals.get(month) ?? { pointsChange: 0, checkIns: 0 };
    totals.set(month, { pointsChange: total.pointsChange + points, checkIns: total.checkIns + checkIns });
  };
  for (const { id } of goals) {
    const { facts, checkIns } = await factsAndCheckIns(db, id);
    for (const row of expectedOf(facts, checkIns).months) {
      if (row.trendMonth === null) continue;
      add(row.trendMonth, row.pointsChange, 0);
      add(row.month, 0, row.checkIns);
    }
  }
  return [...totals.entries()]
    .filter(([, total]) => Math.abs(total.pointsChange) > 1e-9 || total.checkIns !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, total]) => ({ month, ...total }));
}

async function expectTotalsRight(db: Db, periodId: string) {
  const [stored, expected] = await Promise.all([storedTotalsOf(db, periodId), expectedTotalsOf(db, periodId)]);
  expect(stored.map((row) => row.month)).toEqual(expected.map((row) => row.month));
  stored.forEach((row, i) => {
    expect(row.pointsChange).toBeCloseTo(expected[i]!.pointsChange, 6);
    expect(row.checkIns).toBe(expected[i]!.checkIns);
  });
}

type Step =
  | { kind: "checkIn"; value: number; daysAgo: number; confidence: number }
  | { kind: "correct"; pick: number; value: number; daysAgo: number }
  | { kind: "measure"; target: number; stretch: number }
  | { kind: "status"; status: "ACTIVE" | "CLOSED" | "CANCELLED" }
  | { kind: "start"; daysAgo: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("checkIn" as const), value: fc.integer({ min: -20, max: 80 }), daysAgo: fc.integer({ min: 0, max: 100 }), confidence: fc.integer({ min: 1, max: 10 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("correct" as const), pick: fc.nat(), value: fc.integer({ min: -20, max: 80 }), daysAgo: fc.integer({ min: 0, max: 100 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("measure" as const), target: fc.integer({ min: 20, max: 60 }), stretch: fc.integer({ min: 60, max: 90 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("status" as const), status: fc.constantFrom("ACTIVE" as const, "CLOSED" as const, "CANCELLED" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("start" as const), daysAgo: fc.integer({ min: 0, max: 130 }) }) },
);

describe("GoalReading and GoalMonthReading (kept by the database)", () => {
  let db: Db;
  let w: GoalWorld;

  // a period that began 75 days ago, so some check-ins fall before it and count from its first month
  let periodId: string;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    w = await createGoalWorld(db);
    periodId = (await createPeriodRow(db, w.organization.id, { startDate: daysFromToday(-75), endDate: daysFromToday(290) })).id;
  });

  const employee = () => w.members.EMPLOYEE;
  const newGoal = () =>
    createCheckInGoal(db, w.organization.id, {
      ownerId: employee().membershipId,
      periodId,
      managerSignedById: w.members.MANAGER.membershipId,
      startInDays: -100,
    });
  const submit = (goalId: string, value: number, effectiveDate: string, confidence = 7, replacesId: string | null = null) =>
    callerFor(db, employee().userId).checkIn.submit(
      checkInInput(w.organization.slug, goalId, { reading: { kind: "value", value }, effectiveDate, confidence, replacesId }),
    );

  it("hold what the check-ins say after any mix of check-ins, back-dated ones, corrections, measure, status and start changes (20 runs), and so do the period's trend totals", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 7 }), async (steps) => {
        const goal = await newGoal();
        for (const s of steps) {
          // a check-in needs an ACTIVE goal and a date on or after its start
          const current = await db.goal.findUniqueOrThrow({ where: { id: goal.id } });
          const accepts = (daysAgo: number) => current.status === "ACTIVE" && daysFromToday(-daysAgo) >= iso(current.startDate!);
          if (s.kind === "checkIn") {
            if (accepts(s.daysAgo)) await submit(goal.id, s.value, daysFromToday(-s.daysAgo), s.confidence);
          } else if (s.kind === "measure") await db.goal.update({ where: { id: goal.id }, data: { target: s.target, stretch: s.stretch } });
          else if (s.kind === "status") await db.goal.update({ where: { id: goal.id }, data: { status: s.status } });
          else if (s.kind === "start") await db.goal.update({ where: { id: goal.id }, data: { startDate: new Date(`${daysFromToday(-s.daysAgo)}T00:00:00Z`) } });
          else if (accepts(s.daysAgo)) {
            const { checkIns } = await factsAndCheckIns(db, goal.id);
            const replaced = new Set(checkIns.map((c) => c.replacesId));
            const open = checkIns.filter((c) => !replaced.has(c.id));
            if (open.length > 0) await submit(goal.id, s.value, daysFromToday(-s.daysAgo), 5, open[s.pick % open.length]!.id);
          }
        }
        const { facts, checkIns } = await factsAndCheckIns(db, goal.id);
        closeTo(await storedOf(db, goal.id), expectedOf(facts, checkIns));
        await expectTotalsRight(db, periodId);
      }),
      { numRuns: 20 },
    );
  });

  it("has no row for a goal without check-ins, and a goal's rows go with it", async () => {
    const goal = await newGoal();
    expect(await storedOf(db, goal.id)).toEqual({ reading: null, months: [] });
    await submit(goal.id, 25, daysFromToday(-1));
    expect((await storedOf(db, goal.id)).reading).not.toBeNull();
    await db.checkIn.deleteMany({ where: { goalId: goal.id } });
    expect(await storedOf(db, goal.id)).toEqual({ reading: null, months: [] });
  });

  it("takes ten parallel check-ins on one goal in turn and ends on the latest", async () => {
    const goal = await newGoal();
    // distinct dates, so the latest is known whatever order they commit in
    await Promise.all(Array.from({ length: 10 }, (_, i) => submit(goal.id, 20 + i, daysFromToday(-20 + i))));
    const { facts, checkIns } = await factsAndCheckIns(db, goal.id);
    expect(checkIns).toHaveLength(10);
    const stored = await storedOf(db, goal.id);
    expect(stored.reading).toMatchObject({ value: 29, effectiveDate: daysFromToday(-11) });
    closeTo(stored, expectedOf(facts, checkIns));
  });

  it("follows a change of the measure: baseline 10, target 40 → 60 turns a reading of 25 from 50 to 30 points", async () => {
    const goal = await newGoal();
    await submit(goal.id, 25, daysFromToday(-2));
    expect((await storedOf(db, goal.id)).reading).toMatchObject({ points: 50, levelRank: 0 });
    await db.goal.update({ where: { id: goal.id }, data: { target: 60, stretch: 70 } });
    const stored = await storedOf(db, goal.id);
    expect(stored.reading!.points).toBeCloseTo(30, 9);
    expect(stored.months.at(-1)!.points).toBeCloseTo(30, 9);
  });

  it("counts every earlier change in the period's new first month when the period's start moves", async () => {
    const goal = await newGoal();
    await submit(goal.id, 20, daysFromToday(-90));
    await submit(goal.id, 35, daysFromToday(-10));
    const period = await db.goalPeriod.findUniqueOrThrow({ where: { id: periodId } });
    await db.goalPeriod.update({ where: { id: periodId }, data: { startDate: new Date(`${daysFromToday(-30)}T00:00:00Z`) } });
    const { facts, checkIns } = await factsAndCheckIns(db, goal.id);
    const stored = await storedOf(db, goal.id);
    closeTo(stored, expectedOf(facts, checkIns));
    // both months' changes now count from the month 30 days ago (or later, where the change is later)
    expect(stored.months.every((m) => m.trendMonth! >= monthOf(daysFromToday(-30)))).toBe(true);
    await expectTotalsRight(db, periodId);
    await db.goalPeriod.update({ where: { id: periodId }, data: { startDate: period.startDate } });
    await expectTotalsRight(db, periodId);
  });

  it("leaves nothing in the totals of a goal once it is deleted", async () => {
    const goal = await newGoal();
    await submit(goal.id, 30, daysFromToday(-3));
    await db.goal.delete({ where: { id: goal.id } });
    await expectTotalsRight(db, periodId);
  });
});
