"use client";

import { useTranslations } from "next-intl";
import { useId, type ReactNode, type TextareaHTMLAttributes } from "react";
import type { TextFieldName } from "./form";
import type { StepProps } from "./types";

/**
 * Form parts the editor needs beyond src/ui/field: a multi-line answer to a question, a
 * 1–10 scale, and a group of options with a one-line explanation each. Same look and the
 * same wiring of hints and errors for screen readers.
 */

const CONTROL =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 aria-[invalid=true]:border-red-600";

function describedBy(...ids: (string | undefined)[]) {
  return ids.filter(Boolean).join(" ") || undefined;
}

/** The errors (first) and the hint below a control, with the ids the control points to. */
function Below({ errorId, errors, hintId, hint }: { errorId?: string; errors: string[]; hintId?: string; hint?: ReactNode }) {
  return (
    <>
      {errorId ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
      {hintId ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </>
  );
}

export function TextAreaField({
  label,
  hint,
  errors = [],
  rows = 3,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: ReactNode; errors?: string[] }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        {...textarea}
        id={id}
        rows={rows}
        aria-describedby={describedBy(errorId, hintId)}
        aria-invalid={errors.length > 0}
        className={`${CONTROL} field-sizing-content min-h-[4.5rem] resize-y`}
      />
      <Below errorId={errorId} errors={errors} hintId={hintId} hint={hint} />
    </div>
  );
}

/** A 1–10 answer as ten radio buttons (arrow keys move between them), with a way back to "no answer". */
export function ScaleField({
  label,
  name,
  value,
  onChange,
  hint,
  errors = [],
}: {
  label: string;
  name: string;
  value: number | null;
  onChange: (value: number | null) => void;
  hint?: ReactNode;
  errors?: string[];
}) {
  const t = useTranslations("goalEditor.scale");
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy(errorId, hintId)} aria-invalid={errors.length > 0 || undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{label}</legend>
      <div className="flex flex-wrap items-center gap-2">
        <div className="grid grid-cols-5 gap-1.5 sm:grid-cols-10">
          {Array.from({ length: 10 }, (_, index) => index + 1).map((option) => (
            <label
              key={option}
              className="relative flex size-10 cursor-pointer items-center justify-center rounded-md border border-slate-300 bg-white text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-600 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 has-[:focus-visible]:ring-offset-2"
            >
              <input
                type="radio"
                name={name}
                value={option}
                checked={value === option}
                onChange={() => onChange(option)}
                aria-label={t("value", { value: option })}
                className="absolute inset-0 m-0 cursor-pointer appearance-none opacity-0"
              />
              <span aria-hidden>{option}</span>
            </label>
          ))}
        </div>
        {value !== null ? (
          <button type="button" onClick={() => onChange(null)} className="rounded px-2 py-1 text-sm text-slate-700 underline-offset-2 hover:underline">
            {t("clear")}
          </button>
        ) : null}
      </div>
      <Below
        errorId={errorId}
        errors={errors}
        hintId={hintId}
        hint={
          <>
            {t("low")} · {t("high")}
            {hint ? <> · {hint}</> : null}
          </>
        }
      />
    </fieldset>
  );
}

/** One choice among a few, each with a line that explains it. */
export function ChoiceField<Value extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  hint,
  errors = [],
  columns = 1,
}: {
  legend: string;
  name: string;
  value: Value | "";
  options: readonly { value: Value; label: string; description?: string }[];
  onChange: (value: Value) => void;
  hint?: ReactNode;
  errors?: string[];
  columns?: 1 | 2 | 3 | 4;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const grid = { 1: "", 2: "sm:grid-cols-2", 3: "sm:grid-cols-3", 4: "sm:grid-cols-2 lg:grid-cols-4" }[columns];
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy(errorId, hintId)} aria-invalid={errors.length > 0 || undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      <div className={`grid gap-2 ${grid}`}>
        {options.map((option) => (
          <label
            key={option.value}
            className="flex cursor-pointer gap-3 rounded-md border border-slate-300 bg-white p-3 text-sm shadow-sm hover:bg-slate-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:ring-1 has-[:checked]:ring-brand-600 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="mt-0.5 size-4 shrink-0 accent-brand-600"
            />
            <span className="flex min-w-0 flex-col gap-0.5">
              <span className="font-medium text-slate-900">{option.label}</span>
              {option.description ? <span className="text-slate-600">{option.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <Below errorId={errorId} errors={errors} hintId={hintId} hint={hint} />
    </fieldset>
  );
}

/** A free-text answer to one question of a step, bound to its form field and its errors. */
export function AnswerField({
  field,
  label,
  hint,
  rows,
  form,
  update,
  errorsOf,
}: StepProps & { field: TextFieldName; label: string; hint?: ReactNode; rows?: number }) {
  return (
    <TextAreaField
      label={label}
      hint={hint}
      name={field}
      rows={rows}
      value={form[field]}
      onChange={(event) => update(field, event.target.value)}
      errors={errorsOf(field)}
    />
  );
}
