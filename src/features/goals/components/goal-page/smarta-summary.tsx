"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { GoalDetail } from "../../goals.schema";
import { useDayFormat } from "../use-goal-format";
import { MeasureLevels } from "./measure-levels";

type Letter = "S" | "M" | "A" | "R" | "T";
type TextField =
  | "action"
  | "expectedEffect"
  | "learning"
  | "dataSourceNote"
  | "followUp"
  | "motivationWhy"
  | "ifFail"
  | "ifSucceed"
  | "likelihoodWhy"
  | "risks"
  | "support"
  | "adjustments"
  | "simplifications"
  | "deprioritised"
  | "helpers";

const LETTERS: Letter[] = ["S", "M", "A", "R", "T"];

function Answer({ label, children, empty }: { label: string; children: ReactNode; empty: boolean }) {
  const t = useTranslations("goals.page");
  return (
    <div className="sm:grid sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] sm:gap-4">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="mt-0.5 text-sm break-words whitespace-pre-line sm:mt-0">
        {empty ? <span className="text-slate-500 italic">{t("notAnswered")}</span> : children}
      </dd>
    </div>
  );
}

/**
 * Every answer of the SMARTA conversation, letter by letter, as the goal holds them now.
 * Empty answers say so, so the page shows what is still to be talked through.
 */
export function SmartaSummary({ detail }: { detail: GoalDetail }) {
  const t = useTranslations("goals");
  const day = useDayFormat();
  const { fields } = detail;

  const text = (field: TextField) => (
    <Answer key={field} label={t(`page.questions.${field}`)} empty={fields[field].trim() === ""}>
      {fields[field]}
    </Answer>
  );
  const scale = (field: "motivation" | "importance" | "likelihood") => (
    <Answer key={field} label={t(`page.questions.${field}`)} empty={fields[field] === null}>
      {t("page.scale", { value: fields[field] ?? 0 })}
    </Answer>
  );
  const date = (field: "startDate" | "dueDate") => (
    <Answer key={field} label={t(`page.questions.${field}`)} empty={fields[field] === null}>
      {fields[field] ? day(fields[field], "long") : null}
    </Answer>
  );

  const answers: Record<Letter, ReactNode[]> = {
    S: [
      text("action"),
      text("expectedEffect"),
      ...(fields.kind === "DEVELOPMENT" || fields.learning.trim() !== "" ? [text("learning")] : []),
    ],
    M: [
      <Answer key="dataSource" label={t("page.questions.dataSource")} empty={fields.dataSource === null}>
        {fields.dataSource ? t(`dataSource.${fields.dataSource}`) : null}
      </Answer>,
      text("dataSourceNote"),
      text("followUp"),
    ],
    A: [scale("motivation"), text("motivationWhy"), scale("importance"), text("ifFail"), text("ifSucceed")],
    R: [
      scale("likelihood"),
      text("likelihoodWhy"),
      text("risks"),
      text("support"),
      text("adjustments"),
      text("simplifications"),
      text("deprioritised"),
      text("helpers"),
    ],
    T: [
      date("startDate"),
      date("dueDate"),
      <Answer key="cadence" label={t("page.questions.cadence")} empty={fields.cadence === null}>
        {fields.cadence ? t(`cadence.${fields.cadence}`) : null}
      </Answer>,
    ],
  };

  return (
    <div className="flex flex-col divide-y divide-slate-100">
      {LETTERS.map((letter) => (
        <section key={letter} aria-labelledby={`smarta-${letter}`} className="py-4 first:pt-0 last:pb-0" data-testid={`smarta-${letter}`}>
          <h3 id={`smarta-${letter}`} className="mb-3 flex items-baseline gap-2">
            <span aria-hidden className="flex size-7 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white">
              {letter}
            </span>
            <span className="font-semibold">{t(`page.letters.${letter}.title`)}</span>
            <span className="hidden text-sm text-slate-600 sm:inline">{t(`page.letters.${letter}.lead`)}</span>
          </h3>
          {letter === "M" ? (
            <div className="mb-4 rounded-md border border-slate-200 p-3 sm:p-4">
              <MeasureLevels detail={detail} />
            </div>
          ) : null}
          <dl className="flex flex-col gap-3">{answers[letter]}</dl>
        </section>
      ))}
    </div>
  );
}
