"use client";

import { useTranslations } from "next-intl";
import { EDITOR_STEPS, STEP_LETTER, type EditorStepId } from "./steps";

function StepMark({ step }: { step: EditorStepId }) {
  const letter = STEP_LETTER[step];
  if (letter) return <>{letter}</>;
  const common = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;
  // the goal: a target; the summary: a list with a tick
  return step === "goal" ? (
    <svg viewBox="0 0 16 16" className="size-4">
      <circle cx="8" cy="8" r="6" {...common} />
      <circle cx="8" cy="8" r="2.5" {...common} />
    </svg>
  ) : (
    <svg viewBox="0 0 16 16" className="size-4">
      <path d="M2.5 8.5l3 3 8-8" {...common} />
    </svg>
  );
}

/** The editor's steps as buttons: the current one marked for screen readers, steps with errors flagged. */
export function Stepper({
  current,
  withErrors,
  onSelect,
}: {
  current: EditorStepId;
  withErrors: ReadonlySet<EditorStepId>;
  onSelect: (step: EditorStepId) => void;
}) {
  const t = useTranslations("goalEditor");
  const index = EDITOR_STEPS.indexOf(current);
  return (
    <nav aria-label={t("stepper.label")} className="flex flex-col gap-2">
      <ol className="grid grid-cols-7 gap-1 sm:gap-2">
        {EDITOR_STEPS.map((step, position) => {
          const isCurrent = step === current;
          const hasErrors = withErrors.has(step);
          const name = t(`steps.${step}.name`);
          return (
            <li key={step} className="min-w-0">
              <button
                type="button"
                onClick={() => onSelect(step)}
                aria-current={isCurrent ? "step" : undefined}
                data-testid={`step-${step}`}
                data-errors={hasErrors || undefined}
                className={`group relative flex w-full flex-col items-center gap-1 rounded-md px-0.5 py-1.5 text-xs transition-colors hover:bg-slate-100 ${
                  isCurrent ? "text-brand-700" : position < index ? "text-slate-700" : "text-slate-500"
                }`}
              >
                <span
                  aria-hidden
                  className={`flex size-8 items-center justify-center rounded-full border-2 text-sm font-bold ${
                    isCurrent
                      ? "border-brand-600 bg-brand-600 text-white"
                      : hasErrors
                        ? "border-red-600 bg-white text-red-700"
                        : "border-slate-300 bg-white"
                  }`}
                >
                  <StepMark step={step} />
                </span>
                <span className="hidden max-w-full truncate font-medium sm:block">{name}</span>
                <span className="sr-only sm:hidden">{name}</span>
                {hasErrors ? (
                  <>
                    <span aria-hidden className="absolute top-0.5 right-1 flex size-4 items-center justify-center rounded-full bg-red-600 text-[10px] font-bold text-white">
                      !
                    </span>
                    <span className="sr-only">, {t("stepper.hasErrors")}</span>
                  </>
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="text-center text-sm font-medium text-slate-700 sm:hidden" aria-hidden>
        {t("stepper.position", { current: index + 1, total: EDITOR_STEPS.length, name: t(`steps.${current}.name`) })}
      </p>
    </nav>
  );
}
