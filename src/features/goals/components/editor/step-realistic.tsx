"use client";

import { useTranslations } from "next-intl";
import { AnswerField, ScaleField } from "./fields";
import { levelSuffix } from "./form";
import type { StepProps } from "./types";

type Props = StepProps & { onEditLevels: () => void };

/** R: likelihood and why, risks, support, adjustments, the levels set under M, simplifications, priorities, helpers. */
export function StepRealistic({ onEditLevels, ...props }: Props) {
  const { form, update, errorsOf } = props;
  const t = useTranslations("goalEditor.r");
  const suffix = levelSuffix(form);
  const level = (value: string) => (value.trim() ? `${value.trim()}${suffix}` : t("notSet"));
  const levelsSet = form.minimum.trim() !== "" || form.stretch.trim() !== "";

  return (
    <div className="flex flex-col gap-6">
      <ScaleField
        label={t("likelihood")}
        name="likelihood"
        value={form.likelihood}
        hint={t("likelihoodHint")}
        onChange={(value) => update("likelihood", value)}
        errors={errorsOf("likelihood")}
      />
      <AnswerField {...props} field="likelihoodWhy" label={t("likelihoodWhy")} />
      <div className="grid gap-4 md:grid-cols-2">
        <AnswerField {...props} field="risks" label={t("risks")} />
        <AnswerField {...props} field="support" label={t("support")} />
      </div>
      <AnswerField {...props} field="adjustments" label={t("adjustments")} />

      <section aria-labelledby="realistic-levels" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
        <h3 id="realistic-levels" className="font-medium text-slate-900">
          {t("levelsTitle")}
        </h3>
        <p className="mt-1 text-slate-700">
          {form.measureType === "BINARY"
            ? t("levelsBinary")
            : levelsSet
              ? t("levelsText", { minimum: level(form.minimum), stretch: level(form.stretch) })
              : t("levelsMissing")}
        </p>
        {form.measureType === "BINARY" ? null : (
          <button type="button" className="mt-1 rounded font-medium text-brand-700 underline-offset-2 hover:underline" onClick={onEditLevels}>
            {t("levelsEdit")}
          </button>
        )}
      </section>

      <AnswerField {...props} field="simplifications" label={t("simplifications")} hint={t("simplificationsHint")} />
      <div className="grid gap-4 md:grid-cols-2">
        <AnswerField {...props} field="deprioritised" label={t("deprioritised")} />
        <AnswerField {...props} field="helpers" label={t("helpers")} />
      </div>
    </div>
  );
}
