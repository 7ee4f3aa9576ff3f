import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

type FieldFrameProps = { label: string; hint?: ReactNode; errors?: string[]; children: (ids: FieldIds) => ReactNode };
type FieldIds = { inputId: string; describedBy: string | undefined; invalid: boolean };

/**
 * Label, control, hint and the errors beside the field, wired for screen readers. The frame
 * may shrink below its control's natural width (min-w-0): a select is as wide as its longest
 * option, and in a grid or flex row that would push a phone's page sideways.
 */
function FieldFrame({ label, hint, errors = [], children }: FieldFrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ inputId: id, describedBy, invalid: errors.length > 0 })}
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
    </div>
  );
}

const CONTROL =
  "w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 aria-[invalid=true]:border-red-600 border-slate-300";

export function TextField({
  label,
  hint,
  errors,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: ReactNode; errors?: string[] }) {
  return (
    <FieldFrame label={label} hint={hint} errors={errors}>
      {({ inputId, describedBy, invalid }) => (
        <input {...input} id={inputId} aria-describedby={describedBy} aria-invalid={invalid} className={CONTROL} />
      )}
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  errors,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; hint?: ReactNode; errors?: string[] }) {
  return (
    <FieldFrame label={label} hint={hint} errors={errors}>
      {({ inputId, describedBy, invalid }) => (
        <select {...select} id={inputId} aria-describedby={describedBy} aria-invalid={invalid} className={CONTROL}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
