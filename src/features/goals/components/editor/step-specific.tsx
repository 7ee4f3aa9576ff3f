"use client";

import { useTranslations } from "next-intl";
import { GOAL_STATEMENT_MAX } from "@/features/goals/goals.schema";
import { TextField } from "@/ui/field";
import { useDayFormat } from "../use-goal-format";
import { AnswerField, TextAreaField } from "./fields";
import type { StatementParts } from "./statement";
import type { StepProps } from "./types";

type Props = StepProps & {
  parts: StatementParts;
  onPartsChange: (parts: StatementParts) => void;
  /** the statement is still what the builder composes */
  linked: boolean;
  onStatementChange: (statement: string) => void;
  onUseFormula: () => void;
};

/** S: what will be done, the effect expected, the formula builder and (development goals) what is learned. */
export function StepSpecific({ parts, onPartsChange, linked, onStatementChange, onUseFormula, ...props }: Props) {
  const { form, errorsOf } = props;
  const t = useTranslations("goalEditor.s");
  const day = useDayFormat();
  const setPart = (part: keyof StatementParts) => (event: { target: { value: string } }) => onPartsChange({ ...parts, [part]: event.target.value });
  const dueDate = form.dueDate ? day(form.dueDate, "long") : null;

  return (
    <div className="flex flex-col gap-6">
      <AnswerField {...props} field="action" label={t("action")} hint={t("actionHint")} />
      <AnswerField {...props} field="expectedEffect" label={t("expectedEffect")} hint={t("expectedEffectHint")} />

      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("formula")}</legend>
        <p className="-mt-2 text-sm text-slate-700">{t("formulaLead")}</p>
        <TextField
          label={t("builderAction")}
          placeholder={t("builderActionPlaceholder")}
          value={parts.action}
          onChange={setPart("action")}
          autoComplete="off"
        />
        <div className="grid gap-3 sm:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] sm:items-start">
          <TextField
            label={t("builderResult")}
            placeholder={t("builderResultPlaceholder")}
            value={parts.result}
            onChange={setPart("result")}
            autoComplete="off"
          />
          <div className="flex flex-col gap-1">
            <TextField
              label={t("builderDeadline")}
              placeholder={t("builderDeadlinePlaceholder")}
              value={parts.deadline}
              onChange={setPart("deadline")}
              autoComplete="off"
            />
            {dueDate && parts.deadline !== dueDate ? (
              <button
                type="button"
                className="self-start rounded text-left text-xs font-medium text-brand-700 underline-offset-2 hover:underline"
                onClick={() => onPartsChange({ ...parts, deadline: dueDate })}
              >
                {t("useDueDate", { date: dueDate })}
              </button>
            ) : null}
          </div>
        </div>
        <p aria-hidden className="text-xs text-slate-600">
          ‹{t("builderAction")}› {t("toAchieve")} ‹{t("builderResult")}› {t("by")} ‹{t("builderDeadline")}›
        </p>
        <TextAreaField
          label={t("statement")}
          hint={t("statementHint")}
          name="statement"
          rows={2}
          maxLength={GOAL_STATEMENT_MAX + 50}
          value={form.statement}
          onChange={(event) => onStatementChange(event.target.value)}
          errors={errorsOf("statement")}
        />
        {!linked ? (
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <span>{t("detached")}</span>
            <button type="button" className="rounded font-medium text-brand-700 underline-offset-2 hover:underline" onClick={onUseFormula}>
              {t("useFormula")}
            </button>
          </div>
        ) : null}
      </fieldset>

      {form.level === "INDIVIDUAL" && form.kind === "DEVELOPMENT" ? (
        <AnswerField {...props} field="learning" label={t("learning")} hint={t("learningHint")} />
      ) : null}
    </div>
  );
}
