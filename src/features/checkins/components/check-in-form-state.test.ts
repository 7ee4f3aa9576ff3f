import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { CheckIn, CheckInTarget } from "../checkins.schema";
import { checkInBodyOf, clientKeyFor, contentOf, initialCheckInState, localToday, newClientKey, type CheckInFormState } from "./check-in-form-state";

const STEP_A = "0b6f3c1e-1111-4c2a-9e57-5d7d0c1b0a01";
const STEP_B = "0b6f3c1e-2222-4c2a-9e57-5d7d0c1b0a02";

const goal = (patch: Partial<CheckInTarget> = {}): CheckInTarget => ({
  id: "7f1f0d8e-6a0a-4f43-9d6b-0b5a3f7f2c11",
  title: "Faster answers",
  level: "INDIVIDUAL",
  measureType: "NUMBER",
  unit: "h",
  decimals: 1,
  baseline: 24,
  minimum: 12,
  target: 8,
  stretch: 4,
  startDate: "2027-01-01",
  dueDate: "2027-06-30",
  steps: [
    { id: STEP_A, title: "Draft", dueDate: null, done: true },
    { id: STEP_B, title: "Pilot", dueDate: null, done: false },
  ],
  ...patch,
});

const filled = (patch: Partial<CheckInFormState> = {}): CheckInFormState => ({
  valueText: "12,5",
  doneStepIds: [],
  done: null,
  confidence: 7,
  comment: "  going well ",
  effectiveDate: "2027-02-01",
  ...patch,
});

const TODAY = "2027-03-01";

describe("initialCheckInState", () => {
  it("starts a new check-in empty, dated today, with the milestones as the plan has them", () => {
    const state = initialCheckInState(goal({ measureType: "MILESTONES" }), null, TODAY, "sv");
    expect(state).toEqual({ valueText: "", doneStepIds: [STEP_A], done: null, confidence: null, comment: "", effectiveDate: TODAY });
  });

  it("starts a correction from the check-in it replaces, in the reader's decimal sign", () => {
    const replaces: CheckIn = {
      id: "c1",
      effectiveDate: "2027-02-10",
      value: 12.5,
      doneStepIds: [],
      confidence: 6,
      comment: "typo",
      author: { membershipId: "m", name: "Elin" },
      createdAt: new Date(),
      replacesId: null,
      replacedById: null,
    };
    expect(initialCheckInState(goal(), replaces, TODAY, "sv")).toMatchObject({ valueText: "12,5", confidence: 6, comment: "typo", effectiveDate: "2027-02-10" });
    expect(initialCheckInState(goal(), replaces, TODAY, "en").valueText).toBe("12.5");
    expect(initialCheckInState(goal({ measureType: "BINARY" }), { ...replaces, value: 1 }, TODAY, "en").done).toBe(true);
  });
});

describe("checkInBodyOf", () => {
  it("turns a typed value into the API's reading, with the comment trimmed", () => {
    const result = checkInBodyOf(goal(), filled(), null, TODAY);
    expect(result).toEqual({
      ok: true,
      body: {
        goalId: goal().id,
        reading: { kind: "value", value: 12.5 },
        confidence: 7,
        comment: "going well",
        effectiveDate: "2027-02-01",
        replacesId: null,
      },
    });
  });

  it("names every missing or wrong field with the server's paths", () => {
    const result = checkInBodyOf(goal(), filled({ valueText: "", confidence: null, effectiveDate: "2027-03-02" }), null, TODAY);
    expect(result).toEqual({
      ok: false,
      errors: {
        "reading.value": ["goalProgress.form.errors.valueRequired"],
        confidence: ["checkIns.errors.confidence"],
        effectiveDate: ["checkIns.errors.futureDate"],
      },
    });
  });

  it("refuses what the server refuses: bad numbers, percentages out of range, dates before the start", () => {
    expect(checkInBodyOf(goal(), filled({ valueText: "12,5,1" }), null, TODAY)).toMatchObject({ ok: false, errors: { "reading.value": ["checkIns.errors.number"] } });
    expect(checkInBodyOf(goal({ measureType: "PERCENT" }), filled({ valueText: "101" }), null, TODAY)).toMatchObject({
      ok: false,
      errors: { "reading.value": ["checkIns.errors.percentRange"] },
    });
    expect(checkInBodyOf(goal(), filled({ effectiveDate: "2026-12-31" }), null, TODAY)).toMatchObject({ ok: false, errors: { effectiveDate: ["checkIns.errors.beforeStart"] } });
    expect(checkInBodyOf(goal(), filled({ effectiveDate: "2027-02-30" }), null, TODAY)).toMatchObject({ ok: false, errors: { effectiveDate: ["checkIns.errors.invalidDate"] } });
    expect(checkInBodyOf(goal(), filled({ comment: "x".repeat(1001) }), null, TODAY)).toMatchObject({ ok: false, errors: { comment: ["checkIns.errors.tooLong"] } });
  });

  it("sends ticked milestones of this goal only, and done / not done for binary goals", () => {
    const milestones = checkInBodyOf(goal({ measureType: "MILESTONES" }), filled({ doneStepIds: [STEP_B, "gone", STEP_B] }), null, TODAY);
    expect(milestones.ok && milestones.body.reading).toEqual({ kind: "milestones", doneStepIds: [STEP_B] });
    expect(checkInBodyOf(goal({ measureType: "BINARY" }), filled(), null, TODAY)).toMatchObject({ ok: false, errors: { "reading.done": ["goalProgress.form.errors.doneRequired"] } });
    const binary = checkInBodyOf(goal({ measureType: "BINARY" }), filled({ done: false }), STEP_A, TODAY);
    expect(binary.ok && binary.body).toMatchObject({ reading: { kind: "binary", done: false }, replacesId: STEP_A });
  });
});

describe("client keys", () => {
  const body = (comment: string) => {
    const result = checkInBodyOf(goal(), filled({ comment }), null, TODAY);
    if (!result.ok) throw new Error("invalid");
    return result.body;
  };

  test.prop([fc.string(), fc.string()])("a retry of the same content keeps its key; other content gets a new one", (first, second) => {
    let issued = 0;
    const next = () => `key-${++issued}`;
    const attempt = clientKeyFor(null, body(first), next);
    const retry = clientKeyFor(attempt, body(first), next);
    expect(retry.clientKey).toBe(attempt.clientKey);
    const changed = clientKeyFor(attempt, body(second), next);
    expect(changed.clientKey === attempt.clientKey).toBe(contentOf(body(first)) === contentOf(body(second)));
  });

  it("treats milestone ticks in another order as the same content", () => {
    const of = (ids: string[]) => {
      const result = checkInBodyOf(goal({ measureType: "MILESTONES" }), filled({ doneStepIds: ids }), null, TODAY);
      if (!result.ok) throw new Error("invalid");
      return contentOf(result.body);
    };
    expect(of([STEP_A, STEP_B])).toBe(of([STEP_B, STEP_A]));
  });

  it("makes UUIDs the contract accepts, also without crypto.randomUUID", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newClientKey()).toMatch(uuid);
    // an own property hides the prototype's method until it is deleted again
    Object.defineProperty(globalThis.crypto, "randomUUID", { value: undefined, configurable: true });
    try {
      expect(newClientKey()).toMatch(uuid);
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof globalThis.crypto.randomUUID).toBe("function");
  });
});

describe("localToday", () => {
  it("is the calendar day on the person's clock", () => {
    expect(localToday(new Date(2027, 0, 5, 23, 59))).toBe("2027-01-05");
  });
});
