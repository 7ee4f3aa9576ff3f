"use client";

import { useTranslations } from "next-intl";
import type { CoachFinding, CoachSeverity, GoalAssessment, LetterAssessment } from "@/features/goals/coach";
import { countsByStep, groupFindings, LETTER_STEP, type StepFindingCounts } from "./coach-view";
import { EDITOR_STEPS, LETTERS, STEP_LETTER, type EditorStepId } from "./steps";

const STATE_TONE: Record<LetterAssessment["state"], string> = {
  good: "border-emerald-300 bg-emerald-50 text-emerald-900",
  weak: "border-amber-300 bg-amber-50 text-amber-900",
  missing: "border-slate-300 bg-white text-slate-600",
};

const BAR_TONE: Record<LetterAssessment["state"], string> = {
  good: "bg-emerald-600",
  weak: "bg-amber-500",
  missing: "bg-slate-300",
};

/** A shape per state, so the chips read without colour. */
function StateIcon({ state }: { state: LetterAssessment["state"] }) {
  const common = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;
  return (
    <svg viewBox="0 0 16 16" aria-hidden className="size-3.5 shrink-0">
      {state === "good" ? <path d="M3.5 8.5l3 3 6-7" {...common} /> : null}
      {state === "weak" ? <path d="M8 3.5v5.5M8 12v.5" {...common} /> : null}
      {state === "missing" ? <circle cx="8" cy="8" r="5" {...common} strokeDasharray="2.5 2" /> : null}
    </svg>
  );
}

const SEVERITY_TONE: Record<CoachSeverity, string> = {
  blocker: "bg-red-100 text-red-800",
  warning: "bg-amber-100 text-amber-900",
  tip: "bg-sky-100 text-sky-900",
};

export function CoachPanel({
  assessment,
  step,
  stale,
  onGoTo,
}: {
  assessment: GoalAssessment;
  step: EditorStepId;
  /** the form changed after this assessment; a new one follows in a moment */
  stale: boolean;
  onGoTo: (step: EditorStepId) => void;
}) {
  const t = useTranslations("goalEditor");
  const { here, elsewhere } = groupFindings(assessment.findings, step);
  const currentLetter = STEP_LETTER[step];

  return (
    <aside aria-labelledby="coach-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="coach-panel" data-stale={stale}>
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="coach-title" className="text-base font-semibold text-slate-900">
          {t("coach.title")}
        </h2>
        <span className={`text-xs text-slate-500 transition-opacity ${stale ? "opacity-100" : "opacity-0"}`} aria-hidden>
          {t("coach.updating")}
        </span>
      </div>
      <p className="mt-0.5 text-xs text-slate-600">{t("coach.lead")}</p>

      <ul aria-label={t("coach.letters")} className="mt-3 grid grid-cols-5 gap-1.5">
        {LETTERS.map((letter) => {
          const assessed = assessment.letters[letter];
          const name = t(`steps.${LETTER_STEP[letter]}.name`);
          return (
            <li key={letter}>
              <button
                type="button"
                onClick={() => onGoTo(LETTER_STEP[letter])}
                aria-label={t("coach.letterLabel", { letter, name, state: t(`coach.state.${assessed.state}`) })}
                aria-current={currentLetter === letter ? "true" : undefined}
                data-testid={`coach-letter-${letter}`}
                data-state={assessed.state}
                className={`flex w-full flex-col items-center gap-1 rounded-md border px-1 py-1.5 ${STATE_TONE[assessed.state]} ${currentLetter === letter ? "ring-2 ring-brand-600 ring-offset-1" : ""}`}
              >
                <span className="flex items-center gap-0.5 text-sm font-bold">
                  {letter}
                  <StateIcon state={assessed.state} />
                </span>
                <span aria-hidden className="h-1 w-full overflow-hidden rounded-full bg-slate-200">
                  <span className={`block h-full ${BAR_TONE[assessed.state]}`} style={{ width: `${Math.round(assessed.score)}%` }} />
                </span>
              </button>
            </li>
          );
        })}
      </ul>

      <div className="mt-4 flex flex-col gap-4">
        <FindingGroup
          title={step === "summary" ? t("coach.allFindings") : t("coach.thisStep")}
          findings={here}
          empty={step === "summary" || assessment.findings.length === 0 ? t("coach.nothingAtAll") : t("coach.nothingHere")}
          testId="coach-here"
        />
        {elsewhere.length > 0 ? <OtherSteps counts={countsByStep(elsewhere, step, EDITOR_STEPS)} onGoTo={onGoTo} /> : null}
      </div>
    </aside>
  );
}

/** The other steps in one line each: how much the coach has to say there, and a way to go there. */
function OtherSteps({ counts, onGoTo }: { counts: StepFindingCounts[]; onGoTo: (step: EditorStepId) => void }) {
  const t = useTranslations("goalEditor");
  return (
    <section className="flex flex-col gap-2" data-testid="coach-elsewhere">
      <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t("coach.otherSteps")}</h3>
      <ul className="flex flex-col gap-1.5">
        {counts.map((entry) => {
          const name = t(`steps.${entry.step}.name`);
          const letter = STEP_LETTER[entry.step];
          const parts = (["blocker", "warning", "tip"] as const)
            .filter((severity) => entry[severity] > 0)
            .map((severity) => t(`coach.count.${severity}`, { count: entry[severity] }));
          return (
            <li key={entry.step}>
              <button
                type="button"
                onClick={() => onGoTo(entry.step)}
                className="flex w-full items-start gap-2 rounded-md border border-slate-200 px-2 py-1.5 text-left text-sm hover:bg-slate-50"
                data-testid={`coach-other-${entry.step}`}
              >
                <span
                  aria-hidden
                  className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-[11px] font-bold ${entry.blocker > 0 ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-700"}`}
                >
                  {letter ?? "·"}
                </span>
                <span className="flex min-w-0 flex-col">
                  <span className="font-medium text-slate-900">{name}</span>
                  <span className="text-xs text-slate-600">{parts.join(" · ")}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function FindingGroup({
  title,
  findings,
  empty,
  testId,
}: {
  title: string;
  findings: CoachFinding[];
  empty: string;
  testId: string;
}) {
  const t = useTranslations("goalEditor");
  return (
    <section className="flex flex-col gap-2" data-testid={testId}>
      <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{title}</h3>
      {findings.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-2.5">
          {findings.map((finding) => (
            <li key={`${finding.letter}-${finding.code}-${finding.field ?? ""}`} className="flex flex-col gap-1 text-sm" data-testid="coach-finding" data-code={finding.code}>
              <span className={`self-start rounded px-1.5 py-0.5 text-xs font-medium ${SEVERITY_TONE[finding.severity]}`}>{t(`coach.severity.${finding.severity}`)}</span>
              <span className="text-slate-800">{finding.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
