"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { useDayFormat } from "@/features/goals/components/use-goal-format";
import { useMeasureValue } from "@/features/goals/components/goal-page/measure-levels";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError } from "@/lib/trpc/errors";
import { Button } from "@/ui/button";
import { Alert } from "@/ui/card";
import { CHECK_IN_COMMENT_MAX, type CheckIn, type CheckInResult, type CheckInTarget } from "../checkins.schema";
import {
  checkInBodyOf,
  clientKeyFor,
  initialCheckInState,
  localToday,
  newClientKey,
  type CheckInFormState,
  type FieldErrors,
  type KeyedAttempt,
} from "./check-in-form-state";

type Props = {
  orgSlug: string;
  goal: CheckInTarget;
  /** inline: value, confidence and a one-line comment for today, compact (home page) */
  variant: "full" | "inline";
  /** full variant: correcting an earlier check-in, prefilled from it */
  replaces?: CheckIn | null;
  onSaved?: (result: CheckInResult) => void;
  onCancel?: () => void;
};

const CONTROL =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 aria-[invalid=true]:border-red-600";

function FieldErrorText({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {errors.join(" ")}
    </p>
  );
}

const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

/**
 * A check-in of one goal: the reading its measure asks for, a confidence 1–10, a comment and
 * (full variant) the day the value applies to. A retry of the same content reuses its client key,
 * so a double click or a retry after a lost answer is stored once.
 */
export function CheckInForm({ orgSlug, goal, variant, replaces = null, onSaved, onCancel }: Props) {
  const t = useTranslations("goalProgress.form");
  const locale = useLocale();
  const day = useDayFormat();
  const measureValue = useMeasureValue();
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const inline = variant === "inline";

  const [state, setState] = useState<CheckInFormState>(() => initialCheckInState(goal, replaces, localToday(new Date()), locale));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const attempt = useRef<KeyedAttempt>(null);
  const submit = useMutation(trpc.checkIn.submit.mutationOptions());

  const errorsOf = (field: string) => fieldErrors[field]?.map((key) => errorMessage(key));
  const change = (patch: Partial<CheckInFormState>) => {
    setState((previous) => ({ ...previous, ...patch }));
    setSaved(null);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submit.isPending) return;
    setSaved(null);
    setFormError(null);
    const today = localToday(new Date());
    const result = checkInBodyOf(goal, inline ? { ...state, effectiveDate: today } : state, replaces?.id ?? null, today);
    if (!result.ok) {
      setFieldErrors(result.errors);
      focusFirstInvalid(event.currentTarget);
      return;
    }
    setFieldErrors({});
    const keyed = clientKeyFor(attempt.current, result.body, newClientKey);
    attempt.current = keyed;
    try {
      const answer = await submit.mutateAsync({ orgSlug, ...result.body, clientKey: keyed.clientKey });
      attempt.current = null;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.checkIn.list.queryKey({ orgSlug, goalId: goal.id }) }),
        queryClient.invalidateQueries({ queryKey: trpc.checkIn.due.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.goal.get.queryKey({ orgSlug, goalId: goal.id }) }),
      ]);
      setSaved(replaces ? t("correctionSaved") : t("saved"));
      if (!replaces) setState(initialCheckInState(goalAfter(goal, answer), null, today, locale));
      onSaved?.(answer);
    } catch (error) {
      const clientError = toClientError(error);
      const fields = clientError.fieldErrors;
      if (Object.keys(fields).length > 0) {
        setFieldErrors(fields);
        // a field error the form shows nowhere still has to be read
        const shown = Object.keys(fields).some((field) => SHOWN_FIELDS.has(field));
        if (!shown) setFormError(Object.values(fields).flat().map((key) => errorMessage(key)).join(" "));
      } else {
        setFormError(errorMessage(clientError.messageKey, clientError.params));
      }
    }
  }

  const busy = submit.isPending;
  const submitLabel = busy ? t("saving") : replaces ? t("submitCorrection") : t("submit");

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={replaces ? t("correctLabel", { title: goal.title }) : t("label", { title: goal.title })}
      className={inline ? "flex flex-col gap-3" : "flex flex-col gap-4"}
      data-testid={inline ? "check-in-form-inline" : "check-in-form"}
    >
      {replaces ? <p className="text-sm text-slate-700">{t("correcting", { date: day(replaces.effectiveDate) })}</p> : null}

      <div className={inline ? "grid gap-3 sm:grid-cols-[minmax(8rem,12rem)_minmax(0,1fr)]" : "flex flex-col gap-4"}>
        <ReadingInput
          id={`${id}-reading`}
          goal={goal}
          state={state}
          change={change}
          errorsOf={errorsOf}
          hint={measureHint(goal, measureValue, t)}
          compact={inline}
        />
        <ConfidenceInput id={`${id}-confidence`} value={state.confidence} onChange={(confidence) => change({ confidence })} errors={errorsOf("confidence")} />
      </div>

      {inline ? (
        <TextInput
          id={`${id}-comment`}
          label={t("commentInline")}
          value={state.comment}
          onChange={(comment) => change({ comment })}
          errors={errorsOf("comment")}
          maxLength={CHECK_IN_COMMENT_MAX}
        />
      ) : (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-comment`} className="text-sm font-medium text-slate-800">
            {t("comment")}
          </label>
          <textarea
            id={`${id}-comment`}
            value={state.comment}
            onChange={(event) => change({ comment: event.target.value })}
            rows={3}
            maxLength={CHECK_IN_COMMENT_MAX}
            aria-invalid={Boolean(errorsOf("comment"))}
            aria-describedby={describedBy(errorsOf("comment") && `${id}-comment-error`, `${id}-comment-hint`)}
            className={CONTROL}
          />
          <FieldErrorText id={`${id}-comment-error`} errors={errorsOf("comment")} />
          <p id={`${id}-comment-hint`} className="text-xs text-slate-600">
            {t("privateHint")}
          </p>
        </div>
      )}

      {inline ? null : (
        <div className="flex max-w-xs flex-col gap-1">
          <label htmlFor={`${id}-date`} className="text-sm font-medium text-slate-800">
            {t("effectiveDate")}
          </label>
          <input
            id={`${id}-date`}
            type="date"
            value={state.effectiveDate}
            min={goal.startDate}
            max={localToday(new Date())}
            onChange={(event) => change({ effectiveDate: event.target.value })}
            aria-invalid={Boolean(errorsOf("effectiveDate"))}
            aria-describedby={describedBy(errorsOf("effectiveDate") && `${id}-date-error`, `${id}-date-hint`)}
            className={CONTROL}
          />
          <FieldErrorText id={`${id}-date-error`} errors={errorsOf("effectiveDate")} />
          <p id={`${id}-date-hint`} className="text-xs text-slate-600">
            {t("effectiveDateHint")}
          </p>
        </div>
      )}

      {formError ? <Alert>{formError}</Alert> : null}

      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" busy={busy} className={inline ? "px-3" : ""}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
            {t("cancel")}
          </Button>
        ) : null}
        <p role="status" className="text-sm font-medium text-emerald-800" data-testid="check-in-saved">
          {saved ? (
            <>
              <span aria-hidden>✓ </span>
              {saved}
            </>
          ) : null}
        </p>
      </div>
    </form>
  );
}

const SHOWN_FIELDS = new Set(["reading", "reading.value", "reading.done", "reading.doneStepIds", "confidence", "comment", "effectiveDate"]);

/** After a check-in the milestones ticked are the plan's new state. */
function goalAfter(goal: CheckInTarget, result: CheckInResult): CheckInTarget {
  if (goal.measureType !== "MILESTONES") return goal;
  const done = new Set(result.checkIn.doneStepIds);
  return { ...goal, steps: goal.steps.map((step) => ({ ...step, done: done.has(step.id) })) };
}

function focusFirstInvalid(form: HTMLFormElement) {
  // after React has rendered the errors
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]')?.focus());
}

type Translate = ReturnType<typeof useTranslations<"goalProgress.form">>;

function measureHint(goal: CheckInTarget, measureValue: ReturnType<typeof useMeasureValue>, t: Translate): string | null {
  if (goal.measureType === "BINARY" || goal.measureType === "MILESTONES") return null;
  return t("valueHint", { baseline: measureValue(goal, goal.baseline), target: measureValue(goal, goal.target) });
}

function ReadingInput({
  id,
  goal,
  state,
  change,
  errorsOf,
  hint,
  compact,
}: {
  id: string;
  goal: CheckInTarget;
  state: CheckInFormState;
  change: (patch: Partial<CheckInFormState>) => void;
  errorsOf: (field: string) => string[] | undefined;
  hint: string | null;
  compact: boolean;
}) {
  const t = useTranslations("goalProgress.form");
  switch (goal.measureType) {
    case "NUMBER":
    case "PERCENT": {
      const unit = goal.measureType === "PERCENT" ? "%" : goal.unit;
      const errors = errorsOf("reading.value") ?? errorsOf("reading");
      return (
        <div className="flex flex-col gap-1">
          <label htmlFor={id} className="text-sm font-medium text-slate-800">
            {unit ? t("valueWithUnit", { unit }) : t("value")}
          </label>
          <div className="flex items-center gap-2">
            <input
              id={id}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={state.valueText}
              onChange={(event) => change({ valueText: event.target.value })}
              aria-invalid={Boolean(errors)}
              aria-describedby={describedBy(errors && `${id}-error`, hint && `${id}-hint`)}
              className={`${CONTROL} ${compact ? "" : "max-w-[12rem]"} tabular-nums`}
            />
            {unit ? (
              <span aria-hidden className="text-sm text-slate-600">
                {unit}
              </span>
            ) : null}
          </div>
          <FieldErrorText id={`${id}-error`} errors={errors} />
          {hint ? (
            <p id={`${id}-hint`} className="text-xs text-slate-600">
              {hint}
            </p>
          ) : null}
        </div>
      );
    }
    case "MILESTONES": {
      const errors = errorsOf("reading.doneStepIds") ?? errorsOf("reading");
      const done = new Set(state.doneStepIds);
      return (
        <Fieldset legend={t("milestones")} errorId={`${id}-error`} errors={errors}>
          {goal.steps.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noSteps")}</p>
          ) : (
            <ul className={`flex flex-col gap-1.5 ${compact ? "max-h-48 overflow-y-auto" : ""}`}>
              {goal.steps.map((step) => (
                <li key={step.id}>
                  <label className="flex items-start gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      className="mt-0.5 size-4 shrink-0 accent-brand-600"
                      checked={done.has(step.id)}
                      onChange={(event) =>
                        change({
                          doneStepIds: event.target.checked ? [...state.doneStepIds, step.id] : state.doneStepIds.filter((stepId) => stepId !== step.id),
                        })
                      }
                    />
                    <span className="break-words">{step.title}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </Fieldset>
      );
    }
    case "BINARY": {
      const errors = errorsOf("reading.done") ?? errorsOf("reading");
      return (
        <Fieldset legend={t("binary")} errorId={`${id}-error`} errors={errors}>
          <div className="flex flex-wrap gap-2">
            {([true, false] as const).map((value) => (
              <label
                key={String(value)}
                className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600"
              >
                <input
                  type="radio"
                  name={`${id}-done`}
                  className="accent-brand-600"
                  checked={state.done === value}
                  onChange={() => change({ done: value })}
                  data-invalid={errors ? "true" : undefined}
                />
                {value ? t("done") : t("notDone")}
              </label>
            ))}
          </div>
        </Fieldset>
      );
    }
  }
}

function Fieldset({ legend, hint, errorId, errors, children }: { legend: string; hint?: ReactNode; errorId: string; errors?: string[]; children: ReactNode }) {
  const hintId = `${errorId}-hint`;
  return (
    <fieldset className="flex min-w-0 flex-col gap-1.5" aria-describedby={describedBy(errors && errorId, hint ? hintId : null)}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {children}
      <FieldErrorText id={errorId} errors={errors} />
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}

const CONFIDENCE_VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** Confidence as ten radio buttons in a row; a digit picks one (0 for 10), the arrows move. */
function ConfidenceInput({ id, value, onChange, errors }: { id: string; value: number | null; onChange: (value: number) => void; errors?: string[] }) {
  const t = useTranslations("goalProgress.form");
  const group = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!/^[0-9]$/.test(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const picked = event.key === "0" ? 10 : Number(event.key);
    onChange(picked);
    group.current?.querySelector<HTMLInputElement>(`input[value="${picked}"]`)?.focus();
  }

  return (
    <Fieldset legend={t("confidence")} hint={t("confidenceHint")} errorId={`${id}-error`} errors={errors}>
      <div ref={group} onKeyDown={onKeyDown} className="grid max-w-md grid-cols-10 gap-0.5 sm:gap-1" data-testid="confidence-input">
        {CONFIDENCE_VALUES.map((option) => (
          <label
            key={option}
            className="relative flex h-9 cursor-pointer items-center justify-center rounded-md border border-slate-300 bg-white text-sm font-medium tabular-nums text-slate-800 select-none hover:bg-slate-50 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-600 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 has-[:focus-visible]:ring-offset-1"
          >
            <input
              type="radio"
              name={`${id}-value`}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
              data-invalid={errors ? "true" : undefined}
              aria-label={t("confidenceOption", { value: option })}
              className="absolute inset-0 cursor-pointer opacity-0"
            />
            <span aria-hidden>{option}</span>
          </label>
        ))}
      </div>
    </Fieldset>
  );
}

function TextInput({
  id,
  label,
  value,
  onChange,
  errors,
  maxLength,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  maxLength: number;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={value}
        maxLength={maxLength}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(errors)}
        aria-describedby={errors ? `${id}-error` : undefined}
        className={CONTROL}
      />
      <FieldErrorText id={`${id}-error`} errors={errors} />
    </div>
  );
}
