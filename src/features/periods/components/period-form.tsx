"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useFormErrors } from "@/ui/use-form-errors";
import { Button } from "@/ui/button";
import { Alert } from "@/ui/card";
import { TextField } from "@/ui/field";
import { PERIOD_NAME_MAX, ZPeriodFields, type PeriodFields } from "../periods.schema";

/**
 * The fields of one period, for creating one and for editing one in place. Checks in the
 * browser first, then shows the server's answer beside the same fields.
 */
export function PeriodForm({
  label,
  initial,
  submitLabel,
  busyLabel,
  onSubmit,
  onCancel,
  autoFocus = false,
}: {
  label: string;
  initial: PeriodFields;
  submitLabel: string;
  busyLabel: string;
  onSubmit: (values: PeriodFields) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const t = useTranslations("periods");
  const [values, setValues] = useState<PeriodFields>(initial);
  const { errorsOf, formError, clear, showInvalid, showFailure } = useFormErrors();
  const [busy, setBusy] = useState(false);

  const set = (field: keyof PeriodFields) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clear();
    const parsed = ZPeriodFields.safeParse(values);
    if (!parsed.success) {
      showInvalid(parsed.error);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(parsed.data);
      if (!onCancel) setValues(initial);
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form aria-label={label} onSubmit={submit} noValidate className="flex flex-col gap-3">
      <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <TextField
          label={t("name")}
          name="name"
          value={values.name}
          onChange={set("name")}
          maxLength={PERIOD_NAME_MAX + 10}
          autoComplete="off"
          autoFocus={autoFocus}
          required
          hint={onCancel ? undefined : t("nameHint")}
          errors={errorsOf("name")}
        />
        <TextField label={t("startDate")} name="startDate" type="date" value={values.startDate} onChange={set("startDate")} required errors={errorsOf("startDate")} />
        <TextField label={t("endDate")} name="endDate" type="date" value={values.endDate} onChange={set("endDate")} required errors={errorsOf("endDate")} />
      </div>
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={busy}>
          {busy ? busyLabel : submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
