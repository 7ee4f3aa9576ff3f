"use client";

import { useTranslations } from "next-intl";
import type { GoalDetail } from "../../goals.schema";
import { useDayFormat } from "../use-goal-format";

/** The steps the goal is broken into, each with its own date and whether it is done. */
export function ActionPlan({ steps }: { steps: GoalDetail["steps"] }) {
  const t = useTranslations("goals.page.steps");
  const day = useDayFormat();
  if (steps.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const done = steps.filter((step) => step.done).length;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-600">{t("progress", { done, total: steps.length })}</p>
      <ol className="flex flex-col divide-y divide-slate-100" data-testid="action-plan">
        {steps.map((step, index) => (
          <li key={step.id} className="flex items-start gap-3 py-2 text-sm">
            <span
              className={`flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
                step.done ? "bg-emerald-600 text-white" : "border border-slate-300 text-slate-600"
              }`}
              aria-hidden
            >
              {step.done ? "✓" : index + 1}
            </span>
            <span className="min-w-0 flex-1">
              <span className={`break-words ${step.done ? "text-slate-600" : ""}`}>{step.title}</span>
              <span className="block text-xs text-slate-600">
                {step.dueDate ? t("due", { date: day(step.dueDate) }) : t("noDue")}
                {" · "}
                {step.done ? t("done") : t("notDone")}
              </span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
