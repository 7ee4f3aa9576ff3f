import { formatDecimal, parseDecimal } from "@/features/goals/components/editor/numbers";
import { isIsoDate } from "@/features/periods/periods.schema";
import { ZCheckInSubmit, type CheckIn, type CheckInSubmit, type CheckInTarget } from "../checkins.schema";

/**
 * The check-in form's state as typed, and the step from it to the API's input. Pure, so the
 * rules (what is required, which key a retry reuses) are tested without a browser.
 */

export type CheckInFormState = {
  /** NUMBER and PERCENT: the value as typed ("12,5") */
  valueText: string;
  /** MILESTONES: the steps ticked */
  doneStepIds: string[];
  /** BINARY: null until chosen */
  done: boolean | null;
  /** null until chosen, so nobody reports a confidence they did not pick */
  confidence: number | null;
  comment: string;
  effectiveDate: string;
};

export type FieldErrors = Record<string, string[]>;

export type CheckInBody = Omit<CheckInSubmit, "clientKey">;

/** Today's calendar date where the person is: they check in for their own day. */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A new check-in starts empty (milestones as the plan has them); a correction starts from the one it replaces. */
export function initialCheckInState(goal: CheckInTarget, replaces: CheckIn | null, today: string, locale: string): CheckInFormState {
  if (replaces) {
    return {
      valueText: goal.measureType === "NUMBER" || goal.measureType === "PERCENT" ? formatDecimal(replaces.value, locale) : "",
      doneStepIds: [...replaces.doneStepIds],
      done: goal.measureType === "BINARY" ? replaces.value >= 1 : null,
      confidence: replaces.confidence,
      comment: replaces.comment ?? "",
      effectiveDate: replaces.effectiveDate,
    };
  }
  return {
    valueText: "",
    doneStepIds: goal.steps.filter((step) => step.done).map((step) => step.id),
    done: null,
    confidence: null,
    comment: "",
    effectiveDate: today,
  };
}

const push = (errors: FieldErrors, field: string, key: string) => {
  (errors[field] ??= []).push(key);
};

/**
 * The API's input from the form, or the errors to show beside the fields (message keys, keyed
 * by the same paths the server uses). `today` is the person's local date: a later date is refused
 * here before the server says the same.
 */
export function checkInBodyOf(
  goal: CheckInTarget,
  state: CheckInFormState,
  replacesId: string | null,
  today: string,
): { ok: true; body: CheckInBody } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let reading: CheckInSubmit["reading"] | null = null;
  switch (goal.measureType) {
    case "NUMBER":
    case "PERCENT": {
      const parsed = parseDecimal(state.valueText);
      if (!parsed.ok) push(errors, "reading.value", "checkIns.errors.number");
      else if (parsed.value === null) push(errors, "reading.value", "goalProgress.form.errors.valueRequired");
      else if (goal.measureType === "PERCENT" && (parsed.value < 0 || parsed.value > 100)) {
        push(errors, "reading.value", "checkIns.errors.percentRange");
      } else reading = { kind: "value", value: parsed.value };
      break;
    }
    case "MILESTONES": {
      const known = new Set(goal.steps.map((step) => step.id));
      reading = { kind: "milestones", doneStepIds: [...new Set(state.doneStepIds)].filter((id) => known.has(id)) };
      break;
    }
    case "BINARY":
      if (state.done === null) push(errors, "reading.done", "goalProgress.form.errors.doneRequired");
      else reading = { kind: "binary", done: state.done };
      break;
  }
  if (state.confidence === null) push(errors, "confidence", "checkIns.errors.confidence");
  const effectiveDate = state.effectiveDate.trim();
  if (!isIsoDate(effectiveDate)) push(errors, "effectiveDate", "checkIns.errors.invalidDate");
  else if (effectiveDate > today) push(errors, "effectiveDate", "checkIns.errors.futureDate");
  else if (effectiveDate < goal.startDate) push(errors, "effectiveDate", "checkIns.errors.beforeStart");

  if (Object.keys(errors).length > 0 || reading === null) return { ok: false, errors };

  const body: CheckInBody = {
    goalId: goal.id,
    reading,
    confidence: state.confidence!,
    comment: state.comment.trim(),
    effectiveDate,
    replacesId,
  };
  // The contract's own checks (length of the comment, ranges) with a stand-in key.
  const checked = ZCheckInSubmit.safeParse({ ...body, clientKey: "check-only" });
  if (!checked.success) {
    for (const issue of checked.error.issues) push(errors, issue.path.map(String).join(".") || "_", issue.message);
    return { ok: false, errors };
  }
  return { ok: true, body };
}

/** What makes two attempts "the same submission": the body, normalised. */
export function contentOf(body: CheckInBody): string {
  const reading = body.reading.kind === "milestones" ? { ...body.reading, doneStepIds: [...body.reading.doneStepIds].sort() } : body.reading;
  return JSON.stringify([body.goalId, reading, body.confidence, body.comment, body.effectiveDate, body.replacesId]);
}

/** The client key of the last attempt and the content it was sent with. */
export type KeyedAttempt = { content: string; clientKey: string } | null;

/**
 * A retry of the same content keeps its key, so the server stores it once however often it
 * arrives; changed content is a new submission with a new key.
 */
export function clientKeyFor(previous: KeyedAttempt, body: CheckInBody, newKey: () => string): { content: string; clientKey: string } {
  const content = contentOf(body);
  if (previous && previous.content === content) return previous;
  return { content, clientKey: newKey() };
}

/** A random UUID, also where `crypto.randomUUID` is missing (pages served over plain http). */
export function newClientKey(): string {
  const cryptoApi = globalThis.crypto;
  if (typeof cryptoApi?.randomUUID === "function") return cryptoApi.randomUUID();
  const bytes = new Uint8Array(16);
  cryptoApi.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
