"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import type { GoalAssessment } from "@/features/goals/coach";
import type { GoalStatus } from "@/features/goals/goals.schema";
import { Button, buttonClasses } from "@/ui/button";
import { useDayFormat } from "../use-goal-format";
import { stepOfFinding } from "./coach-view";
import { levelSuffix, type EditorForm } from "./form";
import type { EditorStepId } from "./steps";
import type { EditorPeriod } from "./types";

type Props = {
  form: EditorForm;
  assessment: GoalAssessment;
  period: EditorPeriod | null;
  parentTitle: string | null;
  status: GoalStatus | null;
  /** the caller may propose (owner or manager); true for a goal not yet saved */
  canPropose: boolean;
  dirty: boolean;
  proposing: boolean;
  onPropose: () => void;
  onGoTo: (step: EditorStepId) => void;
  goalHref: string | null;
};

/** The statement, SMARTA at a glance, what still blocks activation, and the proposal. */
export function StepSummary({ form, assessment, period, parentTitle, status, canPropose, dirty, proposing, onPropose, onGoTo, goalHref }: Props) {
  const t = useTranslations("goalEditor");
  const tGoals = useTranslations("goals");
  const day = useDayFormat();
  const empty = <span className="text-slate-500 italic">{t("summary.empty")}</span>;
  const text = (value: string) => (value.trim() ? <span className="break-words whitespace-pre-line">{value.trim()}</span> : empty);
  const scale = (value: number | null) => (value === null ? empty : t("summary.outOfTen", { value }));
  const suffix = levelSuffix(form);
  const level = (value: string) => (value.trim() ? `${value.trim()}${suffix}` : "–");
  const blockers = assessment.blockers;
  const draft = status === null || status === "DRAFT";
  const planSteps = form.steps.filter((step) => step.title.trim()).length;

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="summary-statement">
        <h3 id="summary-statement" className="text-sm font-medium text-slate-600">
          {t("summary.statement")}
        </h3>
        {form.statement.trim() ? (
          <p className="mt-1 text-lg font-medium break-words text-slate-900" data-testid="summary-statement">
            {form.statement.trim()}
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t("summary.noStatement")}</p>
        )}
      </section>

      <section aria-labelledby="summary-smarta" className="flex flex-col gap-3">
        <h3 id="summary-smarta" className="text-base font-semibold text-slate-900">
          {t("summary.smarta")}
        </h3>
        <div className="grid gap-3 md:grid-cols-2">
          <LetterCard letter="S" name={t("steps.s.name")} onEdit={() => onGoTo("s")}>
            <Row label={t("summary.action")}>{text(form.action)}</Row>
            <Row label={t("summary.effect")}>{text(form.expectedEffect)}</Row>
            {form.level === "INDIVIDUAL" && form.kind === "DEVELOPMENT" ? <Row label={t("summary.learning")}>{text(form.learning)}</Row> : null}
          </LetterCard>
          <LetterCard letter="M" name={t("steps.m.name")} onEdit={() => onGoTo("m")}>
            <Row label={t("summary.measure")}>{form.measureType ? tGoals(`measureType.${form.measureType}`) : empty}</Row>
            {form.measureType && form.measureType !== "BINARY" ? (
              <Row label={t("summary.levels")}>
                {t("summary.levelsLine", {
                  baseline: form.measureType === "MILESTONES" ? "0" : level(form.baseline),
                  minimum: level(form.minimum),
                  target: level(form.target),
                  stretch: level(form.stretch),
                })}
              </Row>
            ) : null}
            <Row label={t("summary.source")}>
              {form.dataSource ? (
                <>
                  {tGoals(`dataSource.${form.dataSource}`)}
                  {form.dataSourceNote.trim() ? ` – ${form.dataSourceNote.trim()}` : ""}
                </>
              ) : (
                text(form.dataSourceNote)
              )}
            </Row>
          </LetterCard>
          <LetterCard letter="A" name={t("steps.a.name")} onEdit={() => onGoTo("a")}>
            <Row label={t("summary.motivation")}>{scale(form.motivation)}</Row>
            <Row label={t("summary.importance")}>{scale(form.importance)}</Row>
          </LetterCard>
          <LetterCard letter="R" name={t("steps.r.name")} onEdit={() => onGoTo("r")}>
            <Row label={t("summary.likelihood")}>{scale(form.likelihood)}</Row>
            <Row label={t("summary.risks")}>{text(form.risks)}</Row>
          </LetterCard>
          <LetterCard letter="T" name={t("steps.t.name")} onEdit={() => onGoTo("t")}>
            <Row label={t("summary.dates")}>
              {form.startDate || form.dueDate
                ? t("summary.datesLine", { start: form.startDate ? day(form.startDate) : "–", due: form.dueDate ? day(form.dueDate) : "–" })
                : empty}
            </Row>
            <Row label={t("summary.cadence")}>{form.cadence ? tGoals(`cadence.${form.cadence}`) : t("t.cadenceDefault")}</Row>
            <Row label={t("summary.plan")}>{planSteps === 0 ? t("summary.noPlan") : t("summary.planSteps", { count: planSteps })}</Row>
          </LetterCard>
          {form.level === "ORGANIZATION" ? null : (
            <LetterCard letter="↑" name={t("summary.link")} onEdit={() => onGoTo("goal")} list={false}>
              <p className="text-sm break-words text-slate-800">{parentTitle ?? empty}</p>
              {parentTitle && form.contribution.trim() ? <p className="mt-1 text-sm text-slate-600">{form.contribution.trim()}</p> : null}
              {period ? <p className="mt-1 text-xs text-slate-500">{period.name}</p> : null}
            </LetterCard>
          )}
        </div>
      </section>

      <section aria-labelledby="summary-blockers" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
        <h3 id="summary-blockers" className="text-base font-semibold text-slate-900">
          {t("summary.blockersTitle")}
        </h3>
        <ul className="flex flex-col gap-2" data-testid="activation-blockers">
          {blockers.map((blocker) => (
            <li key={`${blocker.letter}-${blocker.code}-${blocker.field ?? ""}`} className="flex items-start gap-2 text-sm" data-testid="blocker">
              <span aria-hidden className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full bg-red-100 text-xs font-bold text-red-800">
                !
              </span>
              <span className="flex min-w-0 flex-col gap-0.5">
                <span className="text-slate-900">{blocker.message}</span>
                <button
                  type="button"
                  className="self-start rounded text-xs font-medium text-brand-700 underline-offset-2 hover:underline"
                  onClick={() => onGoTo(stepOfFinding(blocker))}
                >
                  {t("coach.goTo", { name: t(`steps.${stepOfFinding(blocker)}.name`) })}
                </button>
              </span>
            </li>
          ))}
          {blockers.length === 0 ? (
            <li className="flex items-start gap-2 text-sm text-emerald-900" data-testid="no-blockers">
              <span aria-hidden className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full bg-emerald-100 text-xs font-bold">
                ✓
              </span>
              {t("summary.blockersNone")}
            </li>
          ) : null}
          {status === "ACTIVE" ? null : (
            <li className="flex items-start gap-2 text-sm text-slate-800" data-testid="blocker-signatures">
              <span aria-hidden className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full bg-slate-200 text-xs font-bold text-slate-700">
                ✍
              </span>
              {t("summary.signatures")}
            </li>
          )}
        </ul>

        {draft ? (
          canPropose ? (
            <div className="flex flex-col gap-2 border-t border-slate-200 pt-3">
              {dirty ? <p className="text-sm text-slate-600">{t("summary.unsavedNote")}</p> : null}
              <div className="flex flex-wrap items-center gap-3">
                <Button type="button" onClick={onPropose} busy={proposing} disabled={blockers.length > 0} aria-describedby={blockers.length > 0 ? "propose-blocked" : undefined}>
                  {proposing ? t("summary.proposing") : t("summary.propose")}
                </Button>
                {blockers.length > 0 ? (
                  <span id="propose-blocked" className="text-sm text-slate-600">
                    {t("summary.proposeBlocked")}
                  </span>
                ) : null}
              </div>
            </div>
          ) : (
            <p className="border-t border-slate-200 pt-3 text-sm text-slate-700">{t("summary.cannotPropose")}</p>
          )
        ) : (
          <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3 text-sm text-slate-700">
            <span>{status === "ACTIVE" ? t("summary.alreadyActive") : t("summary.alreadyProposed")}</span>
            {goalHref ? (
              <Link href={goalHref} className={buttonClasses("secondary")}>
                {t("toGoalPage")}
              </Link>
            ) : null}
          </div>
        )}
      </section>
    </div>
  );
}

function LetterCard({
  letter,
  name,
  onEdit,
  children,
  list = true,
}: {
  letter: string;
  name: string;
  onEdit: () => void;
  children: ReactNode;
  /** the children are Rows of a description list */
  list?: boolean;
}) {
  const t = useTranslations("goalEditor.summary");
  return (
    <section className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3">
      <header className="flex items-center justify-between gap-2">
        <h4 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          <span aria-hidden className="flex size-6 items-center justify-center rounded-full bg-brand-600 text-xs font-bold text-white">
            {letter}
          </span>
          {name}
        </h4>
        <button type="button" onClick={onEdit} className="rounded px-1 text-xs font-medium text-brand-700 underline-offset-2 hover:underline" aria-label={t("editStep", { name })}>
          {t("edit")}
        </button>
      </header>
      {list ? <dl className="flex flex-col gap-1.5 text-sm">{children}</dl> : <div className="text-sm">{children}</div>}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}
