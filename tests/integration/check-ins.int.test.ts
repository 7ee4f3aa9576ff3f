import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckInReading } from "@/features/checkins/checkins.schema";
import type { GoalFields, GoalStatus } from "@/features/goals/goals.schema";
import type { Db } from "@/server/db/client";
import { callerFor, type TestMember } from "../factories";
import { checkInInput, createCheckInGoal, daysFromToday, milestoneFields, today, type CheckInInput } from "../factories/check-ins";
import { createGoalWorld, type GoalWorld } from "../factories/goals";
import { createTestDatabase } from "../support/test-db";
import { failureOf, fieldErrorsOf } from "../support/trpc-errors";

function keysOf(error: TRPCError) {
  const cause = error.cause as { messageKey?: string } | undefined;
  return { code: error.code, messageKey: cause?.messageKey, fieldErrors: fieldErrorsOf(error) };
}

describe("checkIn.submit and checkIn.list: readings, refusals, idempotency, corrections, status", () => {
  let db: Db;
  let w: GoalWorld;

  beforeAll(async () => {
    db = (await createTestDatabase()).prisma;
    w = await createGoalWorld(db);
  });

  const employee = () => w.members.EMPLOYEE;
  const slug = () => w.organization.slug;
  const as = (member: TestMember) => callerFor(db, member.userId).checkIn;
  const input = (goalId: string, overrides: Partial<Omit<CheckInInput, "orgSlug" | "goalId">> = {}) => checkInInput(slug(), goalId, overrides);
  const submit = (goalId: string, overrides: Partial<Omit<CheckInInput, "orgSlug" | "goalId">> = {}, member = employee()) =>
    as(member).submit(input(goalId, overrides));
  const list = (goalId: string, member = employee()) => as(member).list({ orgSlug: slug(), goalId });
  const rowsOf = (goalId: string) => db.checkIn.findMany({ where: { goalId }, orderBy: { createdAt: "asc" } });

  /** An ACTIVE goal of the employee, started 60 days ago and due in 60 (today is halfway). */
  const goal = (fields: Partial<GoalFields> = {}, status: GoalStatus = "ACTIVE", dates: { startInDays?: number; dueInDays?: number } = {}) =>
    createCheckInGoal(db, w.organization.id, {
      ownerId: employee().membershipId,
      periodId: w.period.id,
      status,
      managerSignedById: w.members.MANAGER.membershipId,
      fields,
      ...dates,
    });

  describe("a reading", () => {
    it("stores value, confidence, comment, date and author and answers with the progress (baseline 10, target 40, value 25 → 50 points)", async () => {
      const g = await goal();
      const effectiveDate = daysFromToday(-3);
      const result = await submit(g.id, { reading: { kind: "value", value: 25 }, confidence: 8, comment: "  Halvvägs  ", effectiveDate });

      const [row] = await rowsOf(g.id);
      expect(row).toMatchObject({ organizationId: w.organization.id, authorId: employee().membershipId, confidence: 8, comment: "Halvvägs", replacesId: null });
      expect(row!.value.toNumber()).toBe(25);
      expect(row!.effectiveDate.toISOString().slice(0, 10)).toBe(effectiveDate);

      expect(result.checkIn).toMatchObject({
        id: row!.id,
        effectiveDate,
        value: 25,
        doneStepIds: [],
        confidence: 8,
        comment: "Halvvägs",
        author: { membershipId: employee().membershipId, name: employee().name },
        replacesId: null,
        replacedById: null,
      });
      expect(result.progress).toEqual({
        current: { value: 25, effectiveDate, confidence: 8 },
        progressPoints: 50,
        level: "BELOW_MINIMUM",
        health: "ON_TRACK",
        expectedPoints: 50,
        stale: false,
        cadence: "BIWEEKLY",
        nextCheckInDue: daysFromToday(11),
        rollup: null,
        canCheckIn: true,
        canSeePrivate: true,
      });

      const listed = await list(g.id);
      expect(listed.checkIns).toEqual([result.checkIn]);
      expect(listed.progress).toEqual(result.progress);
    });

    it("accepts a check-in dated today and one dated on the goal's start day", async () => {
      const g = await goal();
      await submit(g.id, { effectiveDate: daysFromToday(-60) });
      await submit(g.id, { effectiveDate: today() });
      expect(await rowsOf(g.id)).toHaveLength(2);
    });

    it("reads a decreasing goal's direction from baseline and target", async () => {
      const g = await goal({ baseline: 100, minimum: 80, target: 60, stretch: 50, unit: "dagar" });
      const away = await submit(g.id, { reading: { kind: "value", value: 120 } });
      expect(away.progress).toMatchObject({ progressPoints: 0, level: "BELOW_MINIMUM", health: "OFF_TRACK" });
      const toward = await submit(g.id, { reading: { kind: "value", value: 70 } });
      // (70 − 100) / (60 − 100) = 75 %, past the minimum of 80
      expect(toward.progress).toMatchObject({ progressPoints: 75, level: "MINIMUM", health: "ON_TRACK" });
    });

    it("keeps PERCENT readings within 0–100", async () => {
      const g = await goal({ measureType: "PERCENT", unit: "%", baseline: 20, minimum: 50, target: 60, stretch: 80 });
      for (const value of [-0.5, 100.01]) {
        const error = await failureOf(submit(g.id, { reading: { kind: "value", value } }));
        expect(keysOf(error)).toEqual({ code: "BAD_REQUEST", messageKey: "checkIns.errors.percentRange", fieldErrors: { "reading.value": ["checkIns.errors.percentRange"] } });
      }
      expect(await rowsOf(g.id)).toHaveLength(0);
      expect((await submit(g.id, { reading: { kind: "value", value: 100 } })).progress).toMatchObject({ progressPoints: 150, level: "STRETCH", health: "ACHIEVED" });
      expect((await submit(g.id, { reading: { kind: "value", value: 0 } })).progress).toMatchObject({ progressPoints: 0 });
    });

    it("counts a binary goal's done as the target", async () => {
      const g = await goal({ measureType: "BINARY", unit: "", baseline: null, minimum: null, target: null, stretch: null });
      const notYet = await submit(g.id, { reading: { kind: "binary", done: false } });
      expect(notYet.checkIn.value).toBe(0);
      expect(notYet.progress).toMatchObject({ progressPoints: 0, level: "BELOW_MINIMUM", health: "OFF_TRACK" });
      const done = await submit(g.id, { reading: { kind: "binary", done: true } });
      expect(done.checkIn.value).toBe(1);
      expect(done.progress).toMatchObject({ progressPoints: 100, level: "TARGET", health: "ACHIEVED" });
    });

    it("ticks a milestone goal's steps: the check-in sets doneAt on ticked steps and clears it on the others", async () => {
      const g = await goal(milestoneFields());
      const steps = await db.goalStep.findMany({ where: { goalId: g.id }, orderBy: { position: "asc" } });
      const [s1, s2, s3, s4] = steps;
      const first = await submit(g.id, { reading: { kind: "milestones", doneStepIds: [s2!.id, s1!.id, s1!.id] }, effectiveDate: daysFromToday(-10) });
      expect(first.checkIn.value).toBe(2);
      expect([...first.checkIn.doneStepIds].sort()).toEqual([s1!.id, s2!.id].sort());
      // 2 of the target's 3 steps
      expect(first.progress.progressPoints).toBeCloseTo(200 / 3, 9);
      expect(first.progress.level).toBe("MINIMUM");

      const doneAt = async () =>
        Object.fromEntries((await db.goalStep.findMany({ where: { goalId: g.id } })).map((step) => [step.id, step.doneAt?.toISOString().slice(0, 10) ?? null]));
      expect(await doneAt()).toEqual({ [s1!.id]: daysFromToday(-10), [s2!.id]: daysFromToday(-10), [s3!.id]: null, [s4!.id]: null });

      const second = await submit(g.id, { reading: { kind: "milestones", doneStepIds: [s2!.id, s3!.id, s4!.id] }, effectiveDate: daysFromToday(-2) });
      expect(second.checkIn.value).toBe(3);
      expect(second.progress).toMatchObject({ progressPoints: 100, level: "TARGET", health: "ACHIEVED" });
      // s2 keeps the day it was first done; s1 is no longer done
      expect(await doneAt()).toEqual({ [s1!.id]: null, [s2!.id]: daysFromToday(-10), [s3!.id]: daysFromToday(-2), [s4!.id]: daysFromToday(-2) });

      const detail = await callerFor(db, employee().userId).goal.get({ orgSlug: slug(), goalId: g.id });
      expect(detail.steps.map((step) => step.done)).toEqual([false, true, true, true]);
    });

    it("refuses a reading of the wrong kind with a field error, and an unknown or foreign step", async () => {
      const numberGoal = await goal();
      const milestones = await goal(milestoneFields());
      const otherMilestones = await goal(milestoneFields());
      const binary = await goal({ measureType: "BINARY", unit: "", baseline: null, minimum: null, target: null, stretch: null });
      const wrongKind: [string, CheckInReading][] = [
        [numberGoal.id, { kind: "milestones", doneStepIds: [] }],
        [numberGoal.id, { kind: "binary", done: true }],
        [milestones.id, { kind: "value", value: 2 }],
        [binary.id, { kind: "value", value: 1 }],
      ];
      for (const [goalId, reading] of wrongKind) {
        const error = await failureOf(submit(goalId, { reading }));
        expect(keysOf(error), `${reading.kind} on ${goalId}`).toEqual({
          code: "BAD_REQUEST",
          messageKey: "checkIns.errors.readingKind",
          fieldErrors: { reading: ["checkIns.errors.readingKind"] },
        });
      }
      const foreignStep = await db.goalStep.findFirstOrThrow({ where: { goalId: otherMilestones.id } });
      for (const stepId of [randomUUID(), foreignStep.id]) {
        const error = await failureOf(submit(milestones.id, { reading: { kind: "milestones", doneStepIds: [stepId] } }));
        expect(keysOf(error)).toEqual({
          code: "BAD_REQUEST",
          messageKey: "checkIns.errors.unknownStep",
          fieldErrors: { "reading.doneStepIds": ["checkIns.errors.unknownStep"] },
        });
      }
      for (const g of [numberGoal, milestones, otherMilestones, binary]) expect(await rowsOf(g.id)).toHaveLength(0);
    });

    it("refuses invalid input before looking at the goal: confidence outside 1–10, a bad date, unknown keys", async () => {
      const g = await goal();
      for (const confidence of [0, 11, 5.5]) {
        const error = await failureOf(submit(g.id, { confidence }));
        expect(error.code).toBe("BAD_REQUEST");
        expect(fieldErrorsOf(error).confidence).toEqual(["checkIns.errors.confidence"]);
      }
      const badDate = await failureOf(submit(g.id, { effectiveDate: "2026-02-30" }));
      expect(fieldErrorsOf(badDate).effectiveDate).toEqual(["checkIns.errors.invalidDate"]);
      const smuggled = await failureOf(as(employee()).submit({ ...input(g.id), authorId: w.peer.membershipId } as CheckInInput));
      expect(smuggled.code).toBe("BAD_REQUEST");
      expect(await rowsOf(g.id)).toHaveLength(0);
    });
  });

  describe("refusals", () => {
    it("refuses a date in the future (two days ahead and later) on effectiveDate, storing nothing", async () => {
      const g = await goal();
      for (const days of [2, 30]) {
        const error = await failureOf(submit(g.id, { effectiveDate: daysFromToday(days) }));
        expect(keysOf(error)).toEqual({ code: "BAD_REQUEST", messageKey: "checkIns.errors.futureDate", fieldErrors: { effectiveDate: ["checkIns.errors.futureDate"] } });
      }
      expect(await rowsOf(g.id)).toHaveLength(0);
    });

    it("refuses a date before the goal's start on effectiveDate, storing nothing", async () => {
      const g = await goal();
      const error = await failureOf(submit(g.id, { effectiveDate: daysFromToday(-61) }));
      expect(keysOf(error)).toEqual({ code: "BAD_REQUEST", messageKey: "checkIns.errors.beforeStart", fieldErrors: { effectiveDate: ["checkIns.errors.beforeStart"] } });
      expect(await rowsOf(g.id)).toHaveLength(0);
    });

    it.each(["DRAFT", "PROPOSED", "CLOSED", "CANCELLED"] as const)("refuses a check-in on a %s goal, storing nothing", async (status) => {
      const g = await goal({}, status);
      const error = await failureOf(submit(g.id));
      expect(keysOf(error)).toMatchObject({ code: "BAD_REQUEST", messageKey: "checkIns.errors.notActive" });
      expect(await rowsOf(g.id)).toHaveLength(0);
      const listed = await list(g.id);
      expect(listed.checkIns).toEqual([]);
      expect(listed.progress).toMatchObject({ health: null, canCheckIn: false, nextCheckInDue: null });
    });

    it("refuses a goal that stopped being ACTIVE after earlier check-ins, keeping those", async () => {
      const g = await goal();
      await submit(g.id);
      await db.goal.update({ where: { id: g.id }, data: { status: "CLOSED" } });
      expect(keysOf(await failureOf(submit(g.id)))).toMatchObject({ code: "BAD_REQUEST", messageKey: "checkIns.errors.notActive" });
      expect(await rowsOf(g.id)).toHaveLength(1);
      // a closed goal still shows where it ended
      expect((await list(g.id)).progress).toMatchObject({ current: { value: 25 }, progressPoints: 50, health: null, canCheckIn: false });
    });

    it("answers NOT_FOUND for a goal that does not exist", async () => {
      expect((await failureOf(submit(randomUUID()))).code).toBe("NOT_FOUND");
      expect((await failureOf(list(randomUUID()))).code).toBe("NOT_FOUND");
    });
  });

  describe("idempotency by client key", () => {
    it("stores ten parallel identical submissions once and gives all ten the same answer", async () => {
      const g = await goal();
      const same = input(g.id, { reading: { kind: "value", value: 31 }, confidence: 6, comment: "Samma igen" });
      const answers = await Promise.all(Array.from({ length: 10 }, () => as(employee()).submit({ ...same })));
      const rows = await rowsOf(g.id);
      expect(rows).toHaveLength(1);
      expect(answers[0]!.checkIn.id).toBe(rows[0]!.id);
      for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
      expect(answers[0]!.progress.progressPoints).toBeCloseTo(70, 9);
    });

    it("answers a sequential repeat (also from the manager) with the first answer", async () => {
      const g = await goal();
      const same = input(g.id, { reading: { kind: "value", value: 22 } });
      const first = await as(employee()).submit(same);
      expect(await as(employee()).submit({ ...same })).toEqual(first);
      const fromManager = await as(w.members.MANAGER).submit({ ...same });
      expect(fromManager.checkIn).toEqual(first.checkIn);
      expect(await rowsOf(g.id)).toHaveLength(1);
    });

    it("answers a repeat with the first answer after the goal closed and after its correction took effect", async () => {
      const g = await goal();
      const original = await submit(g.id);
      // a repeated correction finds the check-in it corrects replaced (by the first submission itself)
      const correction = input(g.id, { reading: { kind: "value", value: 26 }, replacesId: original.checkIn.id });
      const first = await as(employee()).submit(correction);
      expect(await as(employee()).submit({ ...correction })).toEqual(first);
      await db.goal.update({ where: { id: g.id }, data: { status: "CLOSED" } });
      const repeat = await as(employee()).submit({ ...correction });
      expect(repeat.checkIn).toEqual(first.checkIn);
      // a new submission on the closed goal is still refused
      expect(keysOf(await failureOf(submit(g.id)))).toMatchObject({ code: "BAD_REQUEST", messageKey: "checkIns.errors.notActive" });
      expect(await rowsOf(g.id)).toHaveLength(2);
    });

    it("answers CONFLICT when the same key comes with a different body, storing nothing more", async () => {
      const g = await goal();
      const other = await goal();
      const first = input(g.id);
      await as(employee()).submit(first);
      const changes: Partial<CheckInInput>[] = [
        { reading: { kind: "value", value: 26 } },
        { confidence: 3 },
        { comment: "Något annat" },
        { effectiveDate: daysFromToday(-1) },
        { goalId: other.id },
      ];
      for (const change of changes) {
        const error = await failureOf(as(employee()).submit({ ...first, ...change }));
        expect(keysOf(error), JSON.stringify(change)).toMatchObject({ code: "CONFLICT", messageKey: "checkIns.errors.keyReused" });
      }
      expect(await rowsOf(g.id)).toHaveLength(1);
      expect(await rowsOf(other.id)).toHaveLength(0);
    });
  });

  describe("corrections", () => {
    it("replaces a check-in: the correction's value is current and the list marks the replaced one", async () => {
      const g = await goal();
      const original = await submit(g.id, { reading: { kind: "value", value: 20 }, effectiveDate: daysFromToday(-7) });
      const correction = await submit(g.id, { reading: { kind: "value", value: 28 }, effectiveDate: daysFromToday(-7), replacesId: original.checkIn.id });
      expect(correction.checkIn.replacesId).toBe(original.checkIn.id);
      expect(correction.progress.current).toEqual({ value: 28, effectiveDate: daysFromToday(-7), confidence: 7 });
      expect(correction.progress.progressPoints).toBeCloseTo(60, 9);

      const listed = await list(g.id);
      expect(listed.checkIns.map((c) => [c.id, c.replacesId, c.replacedById])).toEqual([
        [original.checkIn.id, null, correction.checkIn.id],
        [correction.checkIn.id, original.checkIn.id, null],
      ]);
      expect(listed.progress.current?.value).toBe(28);
      // append-only: the replaced reading is still there, unchanged
      expect((await db.checkIn.findUniqueOrThrow({ where: { id: original.checkIn.id } })).value.toNumber()).toBe(20);
    });

    it("refuses to correct a check-in twice (CONFLICT), even when both corrections arrive together", async () => {
      const g = await goal();
      const original = await submit(g.id);
      await submit(g.id, { reading: { kind: "value", value: 26 }, replacesId: original.checkIn.id });
      const again = await failureOf(submit(g.id, { reading: { kind: "value", value: 27 }, replacesId: original.checkIn.id }));
      expect(keysOf(again)).toMatchObject({ code: "CONFLICT", messageKey: "checkIns.errors.alreadyReplaced" });
      expect(await rowsOf(g.id)).toHaveLength(2);

      const target = await submit(g.id, { reading: { kind: "value", value: 30 } });
      const race = await Promise.allSettled(
        [31, 32, 33].map((value) => submit(g.id, { reading: { kind: "value", value }, replacesId: target.checkIn.id })),
      );
      expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const refused of race.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
        expect(keysOf(refused.reason as TRPCError)).toMatchObject({ code: "CONFLICT", messageKey: "checkIns.errors.alreadyReplaced" });
      }
      expect(await db.checkIn.count({ where: { replacesId: target.checkIn.id } })).toBe(1);
    });

    it("answers NOT_FOUND for a correction of another goal's check-in or of none", async () => {
      const g = await goal();
      const other = await goal();
      const elsewhere = await submit(other.id);
      for (const replacesId of [elsewhere.checkIn.id, randomUUID()]) {
        expect((await failureOf(submit(g.id, { replacesId }))).code).toBe("NOT_FOUND");
      }
      expect(await rowsOf(g.id)).toHaveLength(0);
      expect((await list(other.id)).checkIns[0]!.replacedById).toBeNull();
    });

    it("takes the latest by effective date among those not replaced as current, not the latest entered", async () => {
      const g = await goal();
      const recent = await submit(g.id, { reading: { kind: "value", value: 30 }, effectiveDate: daysFromToday(-5) });
      const backDated = await submit(g.id, { reading: { kind: "value", value: 35 }, effectiveDate: daysFromToday(-20) });
      expect(backDated.progress.current).toMatchObject({ value: 30, effectiveDate: daysFromToday(-5) });

      // correcting the recent one keeps its place when the correction keeps its date…
      const corrected = await submit(g.id, { reading: { kind: "value", value: 29 }, effectiveDate: daysFromToday(-5), replacesId: recent.checkIn.id });
      expect(corrected.progress.current).toMatchObject({ value: 29, effectiveDate: daysFromToday(-5) });
      // …and a correction moved back in time lets the back-dated reading become current
      const movedBack = await submit(g.id, { reading: { kind: "value", value: 29 }, effectiveDate: daysFromToday(-30), replacesId: corrected.checkIn.id });
      expect(movedBack.progress.current).toMatchObject({ value: 35, effectiveDate: daysFromToday(-20) });
      expect((await list(g.id)).progress.current).toMatchObject({ value: 35, effectiveDate: daysFromToday(-20) });
    });

    it("orders check-ins on the same day by when they were entered", async () => {
      const g = await goal();
      await submit(g.id, { reading: { kind: "value", value: 12 } });
      await submit(g.id, { reading: { kind: "value", value: 14 } });
      const listed = await list(g.id);
      expect(listed.checkIns.map((c) => c.value)).toEqual([12, 14]);
      expect(listed.progress.current?.value).toBe(14);
    });
  });

  describe("status", () => {
    it("turns ON_TRACK into AT_RISK at a confidence of 4 or less, and follows the organisation's threshold", async () => {
      const g = await goal();
      expect((await submit(g.id, { confidence: 5 })).progress.health).toBe("ON_TRACK");
      expect((await submit(g.id, { confidence: 4 })).progress.health).toBe("AT_RISK");
      expect((await submit(g.id, { confidence: 1 })).progress.health).toBe("AT_RISK");

      const settings = await db.organization.findUniqueOrThrow({ where: { id: w.organization.id }, select: { settings: true } });
      await db.organization.update({ where: { id: w.organization.id }, data: { settings: { ...(settings.settings as object), lowConfidenceAtOrBelow: 6 } } });
      try {
        expect((await submit(g.id, { confidence: 6 })).progress.health).toBe("AT_RISK");
        expect((await submit(g.id, { confidence: 7 })).progress.health).toBe("ON_TRACK");
      } finally {
        await db.organization.update({ where: { id: w.organization.id }, data: { settings: settings.settings ?? {} } });
      }
    });

    it("works out AT_RISK and OFF_TRACK from the progress expected halfway", async () => {
      const g = await goal();
      // 33 points against 50 expected: within 25 but not 10
      expect((await submit(g.id, { reading: { kind: "value", value: 20 }, confidence: 9 })).progress).toMatchObject({ health: "AT_RISK", expectedPoints: 50 });
      // 10 points
      expect((await submit(g.id, { reading: { kind: "value", value: 13 }, confidence: 9 })).progress.health).toBe("OFF_TRACK");
    });

    it("names an achieved goal ACHIEVED, over low confidence and past the due date, and a late one OVERDUE", async () => {
      const g = await goal();
      expect((await submit(g.id, { reading: { kind: "value", value: 40 }, confidence: 2 })).progress).toMatchObject({ health: "ACHIEVED", level: "TARGET", progressPoints: 100 });
      const stretch = await submit(g.id, { reading: { kind: "value", value: 55 } });
      expect(stretch.progress).toMatchObject({ health: "ACHIEVED", level: "STRETCH" });
      expect(stretch.progress.progressPoints).toBeCloseTo(400 / 3, 9);

      const late = await goal({}, "ACTIVE", { startInDays: -90, dueInDays: -1 });
      expect((await submit(late.id, { reading: { kind: "value", value: 39 } })).progress.health).toBe("OVERDUE");
      expect((await submit(late.id, { reading: { kind: "value", value: 40 } })).progress.health).toBe("ACHIEVED");
    });

    it("flags a goal stale after 1.5 cadences without a check-in (BIWEEKLY: more than 21 days)", async () => {
      const g = await goal();
      expect((await list(g.id)).progress).toMatchObject({ current: null, stale: true, health: "OFF_TRACK", nextCheckInDue: daysFromToday(-46) });
      expect((await submit(g.id, { effectiveDate: daysFromToday(-22) })).progress).toMatchObject({ stale: true, nextCheckInDue: daysFromToday(-8) });
      expect((await submit(g.id, { effectiveDate: daysFromToday(-21) })).progress).toMatchObject({ stale: false, nextCheckInDue: daysFromToday(-7) });

      const fresh = await goal({ cadence: "WEEKLY" }, "ACTIVE", { startInDays: -10 });
      expect((await list(fresh.id)).progress).toMatchObject({ stale: false, cadence: "WEEKLY", nextCheckInDue: daysFromToday(-3) });
      const monthly = await goal({ cadence: null }, "ACTIVE", { startInDays: -46 });
      // no cadence of its own: the organisation's MONTHLY, stale after 45 days
      expect((await list(monthly.id)).progress).toMatchObject({ stale: true, cadence: "MONTHLY" });
    });
  });
});
