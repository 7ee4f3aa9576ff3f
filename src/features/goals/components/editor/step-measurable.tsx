"use client";

import { useTranslations } from "next-intl";
import { DATA_SOURCES, MEASURE_TYPES } from "@/features/goals/goals.schema";
import { SelectField, TextField } from "@/ui/field";
import { AnswerField, ChoiceField } from "./fields";
import { levelSuffix, type LevelField } from "./form";
import type { StepProps } from "./types";

const HINTS: Record<LevelField, "baselineHint" | "minimumHint" | "targetHint" | "stretchHint"> = {
  baseline: "baselineHint",
  minimum: "minimumHint",
  target: "targetHint",
  stretch: "stretchHint",
};

/** M: how the goal is measured, its four levels, where the numbers come from and how it is followed. */
export function StepMeasurable(props: StepProps) {
  const { form, update, errorsOf } = props;
  const t = useTranslations("goalEditor.m");
  const tGoals = useTranslations("goals");
  const type = form.measureType;
  const stepCount = form.steps.filter((step) => step.title.trim() !== "").length;
  const levelFields: LevelField[] = type === "MILESTONES" ? ["minimum", "target", "stretch"] : ["baseline", "minimum", "target", "stretch"];
  const suffix = levelSuffix(form).trim();

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="measure-how" className="flex flex-col gap-4">
        <h3 id="measure-how" className="text-base font-semibold text-slate-900">
          {t("howKnow")}
        </h3>
        <ChoiceField
          legend={t("measureType")}
          name="measureType"
          value={type}
          onChange={(value) => update("measureType", value)}
          columns={2}
          options={MEASURE_TYPES.map((value) => ({ value, label: tGoals(`measureType.${value}`), description: t(`measureTypes.${value}`) }))}
          errors={errorsOf("measureType")}
        />

        {type === "NUMBER" ? (
          <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
            <TextField
              label={t("unit")}
              hint={t("unitHint")}
              name="unit"
              value={form.unit}
              maxLength={40}
              onChange={(event) => update("unit", event.target.value)}
              autoComplete="off"
              errors={errorsOf("unit")}
            />
            <TextField
              label={t("decimals")}
              hint={t("decimalsHint")}
              name="decimals"
              type="number"
              inputMode="numeric"
              min={0}
              max={4}
              step={1}
              value={form.decimals}
              onChange={(event) => update("decimals", event.target.value)}
              errors={errorsOf("decimals")}
            />
          </div>
        ) : null}

        {type === "BINARY" ? (
          <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">{t("binaryNote")}</p>
        ) : type ? (
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-1 text-sm font-medium text-slate-800">{t("levels")}</legend>
            {type === "MILESTONES" ? (
              <p className="text-sm text-slate-700">{stepCount === 0 ? t("milestonesNoteEmpty") : t("milestonesNote", { count: stepCount })}</p>
            ) : type === "PERCENT" ? (
              <p className="text-sm text-slate-700">{t("percentNote")}</p>
            ) : null}
            <div className={`grid gap-3 sm:grid-cols-2 ${levelFields.length === 4 ? "lg:grid-cols-4" : "lg:grid-cols-3"}`}>
              {levelFields.map((field) => (
                <div key={field} className="flex flex-col">
                  <TextField
                    label={suffix ? `${t(field)} (${suffix})` : t(field)}
                    hint={t(HINTS[field])}
                    name={field}
                    inputMode={type === "MILESTONES" ? "numeric" : "decimal"}
                    value={form[field]}
                    onChange={(event) => update(field, event.target.value)}
                    autoComplete="off"
                    errors={errorsOf(field)}
                  />
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}
      </section>

      <section aria-labelledby="measure-follow" className="flex flex-col gap-4">
        <h3 id="measure-follow" className="text-base font-semibold text-slate-900">
          {t("followLegend")}
        </h3>
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label={t("dataSource")}
            hint={t("dataSourceHint")}
            name="dataSource"
            value={form.dataSource}
            onChange={(event) => update("dataSource", event.target.value as typeof form.dataSource)}
            errors={errorsOf("dataSource")}
          >
            <option value="">{t("dataSourceNone")}</option>
            {DATA_SOURCES.map((source) => (
              <option key={source} value={source}>
                {tGoals(`dataSource.${source}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("dataSourceNote")}
            hint={t("dataSourceNoteHint")}
            name="dataSourceNote"
            value={form.dataSourceNote}
            onChange={(event) => update("dataSourceNote", event.target.value)}
            autoComplete="off"
            errors={errorsOf("dataSourceNote")}
          />
        </div>
        <AnswerField {...props} field="followUp" label={t("followUp")} hint={t("followUpHint")} />
      </section>
    </div>
  );
}
