"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { Button } from "@/ui/button";
import { Alert } from "@/ui/card";
import { Badge } from "@/ui/page-parts";
import { SelectField } from "@/ui/field";
import { useFormErrors } from "@/ui/use-form-errors";
import { OUTCOME_LEVELS, type GoalDetail, type OutcomeLevel } from "../../goals.schema";
import { errorCodeOf, FailureAlert, ReasonField, useGoalRefresh, useReadableError } from "./goal-page-shared";

/**
 * A closed goal's outcome: the level, whether the manager has confirmed it (a period's close
 * computes it from the last reading and leaves it unconfirmed), the reason of an adjustment,
 * and for the owner's manager chain or ADMIN the form that confirms or adjusts it.
 */
export function OutcomePanel({ orgSlug, detail }: { orgSlug: string; detail: GoalDetail }) {
  const t = useTranslations("goals.outcomeReview");
  const tGoals = useTranslations("goals");
  const format = useFormatter();
  const outcome = detail.outcome;
  if (detail.status !== "CLOSED" || outcome === null) return null;
  const confirmed = detail.outcomeConfirmedAt !== null;
  const when = (value: Date) => format.dateTime(value, { dateStyle: "medium" });

  return (
    <section
      aria-labelledby="goal-outcome-heading"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
      data-testid="goal-outcome"
      data-confirmed={confirmed ? "true" : "false"}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="goal-outcome-heading" className="text-base font-semibold text-slate-900">
          {t("title")}
        </h2>
        {/* the word says it; the colour only repeats it */}
        <Badge tone={confirmed ? "success" : "warning"}>
          <span data-testid="goal-outcome-state">{confirmed ? t("confirmed") : t("unconfirmed")}</span>
        </Badge>
      </div>
      <p className="text-lg font-medium text-slate-900" data-testid="goal-outcome-level" data-level={outcome}>
        {tGoals(`outcome.${outcome}`)}
      </p>
      <p className="text-sm text-slate-700">
        {detail.closedAt ? t("closedOn", { date: when(detail.closedAt) }) : null}{" "}
        {confirmed
          ? detail.outcomeConfirmedBy
            ? t("confirmedBy", { name: detail.outcomeConfirmedBy.name, date: when(detail.outcomeConfirmedAt!) })
            : t("confirmedOn", { date: when(detail.outcomeConfirmedAt!) })
          : t("computedNote")}
      </p>
      {detail.statusReason.trim() ? (
        <p className="text-sm break-words text-slate-700" data-testid="goal-outcome-reason-text">
          <span className="font-medium">{t("reasonLabel")} </span>
          {detail.statusReason}
        </p>
      ) : null}
      {detail.can.confirmOutcome ? <ConfirmOutcomeForm orgSlug={orgSlug} detail={detail} current={outcome} confirmed={confirmed} /> : null}
    </section>
  );
}

function ConfirmOutcomeForm({
  orgSlug,
  detail,
  current,
  confirmed,
}: {
  orgSlug: string;
  detail: GoalDetail;
  current: OutcomeLevel;
  confirmed: boolean;
}) {
  const t = useTranslations("goals.outcomeReview");
  const tGoals = useTranslations("goals");
  const trpc = useTRPC();
  const refresh = useGoalRefresh();
  const readable = useReadableError();
  const form = useFormErrors();
  const [outcome, setOutcome] = useState<OutcomeLevel>(current);
  const [reason, setReason] = useState("");
  const [conflict, setConflict] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const confirm = useMutation(trpc.goal.confirmOutcome.mutationOptions());
  const adjusts = outcome !== current;
  // a confirmed outcome can still be adjusted; confirming it again would change nothing
  const nothingToDo = confirmed && !adjusts;

  async function submit(event: FormEvent) {
    event.preventDefault();
    form.clear();
    setConflict(false);
    setDone(null);
    if (adjusts && reason.trim() === "") {
      form.showInvalid({ issues: [{ path: ["reason"], message: "goals.errors.adjustReasonRequired" }] });
      return;
    }
    try {
      await confirm.mutateAsync({ orgSlug, goalId: detail.id, version: detail.version, outcome, reason });
      await refresh();
      setReason("");
      setDone(adjusts ? t("adjusted", { outcome: tGoals(`outcome.${outcome}`) }) : t("confirmedNow"));
    } catch (error) {
      form.showFailure(readable(error));
      setConflict(errorCodeOf(error) === "CONFLICT");
    }
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      className="flex flex-col gap-3 border-t border-slate-200 pt-3"
      noValidate
      aria-labelledby="goal-outcome-form-heading"
      data-testid="goal-outcome-form"
    >
      <h3 id="goal-outcome-form-heading" className="text-sm font-semibold text-slate-900">
        {confirmed ? t("adjustTitle") : t("confirmTitle")}
      </h3>
      <p className="text-sm text-slate-600">{confirmed ? t("adjustLead") : t("confirmLead")}</p>
      <SelectField
        label={t("level")}
        value={outcome}
        onChange={(event) => {
          setOutcome(event.target.value as OutcomeLevel);
          setDone(null);
        }}
        errors={form.errorsOf("outcome")}
        data-testid="goal-outcome-select"
      >
        {OUTCOME_LEVELS.map((level) => (
          <option key={level} value={level}>
            {level === current ? t("currentOption", { outcome: tGoals(`outcome.${level}`) }) : tGoals(`outcome.${level}`)}
          </option>
        ))}
      </SelectField>
      <div data-testid="goal-outcome-reason">
        <ReasonField
          label={adjusts ? t("reasonRequired") : t("reasonOptional")}
          hint={t("reasonHint")}
          value={reason}
          onChange={setReason}
          errors={form.errorsOf("reason")}
        />
      </div>
      {form.formError ? <FailureAlert message={form.formError} onReload={conflict ? () => void refresh() : undefined} /> : null}
      <div aria-live="polite" className="empty:hidden">
        {done ? <Alert tone="success">{done}</Alert> : null}
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="submit" busy={confirm.isPending} disabled={nothingToDo} data-testid="goal-outcome-submit">
          {adjusts ? t("adjust") : t("confirm")}
        </Button>
      </div>
    </form>
  );
}
