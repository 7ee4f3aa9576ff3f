"use client";

import { useTranslations } from "next-intl";
import { AnswerField, ScaleField } from "./fields";
import type { StepProps } from "./types";

/** A: the five questions about motivation and meaning; acceptance itself is the two signatures. */
export function StepAccepted(props: StepProps) {
  const { form, update, errorsOf } = props;
  const t = useTranslations("goalEditor.a");
  return (
    <div className="flex flex-col gap-6">
      <ScaleField
        label={t("motivation")}
        name="motivation"
        value={form.motivation}
        onChange={(value) => update("motivation", value)}
        errors={errorsOf("motivation")}
      />
      <AnswerField {...props} field="motivationWhy" label={t("motivationWhy")} />
      <ScaleField
        label={t("importance")}
        name="importance"
        value={form.importance}
        onChange={(value) => update("importance", value)}
        errors={errorsOf("importance")}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <AnswerField {...props} field="ifFail" label={t("ifFail")} />
        <AnswerField {...props} field="ifSucceed" label={t("ifSucceed")} />
      </div>
      <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">{t("signNote")}</p>
    </div>
  );
}
