"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { coachGoalOf } from "../../coach-input";
import { assessGoal } from "../../coach";
import type { GoalDetail } from "../../goals.schema";

/**
 * What the goal coach says still stands between this goal and activation, as on the
 * server: the same assessment of the same fields. Shown for drafts and proposals.
 */
export function CoachBlockers({ orgSlug, detail }: { orgSlug: string; detail: GoalDetail }) {
  const t = useTranslations("goals.page.coach");
  const locale = useLocale();
  const assessment = useMemo(
    () => assessGoal(coachGoalOf(detail.level, detail.fields, detail.steps, detail.period, detail.coachContext), locale),
    [detail, locale],
  );
  const { blockers } = assessment;
  const warnings = assessment.findings.filter((finding) => finding.severity === "warning");

  return (
    <section
      aria-labelledby="coach-heading"
      data-testid="coach-blockers"
      className={`rounded-lg border p-4 ${blockers.length > 0 ? "border-amber-300 bg-amber-50" : "border-emerald-300 bg-emerald-50"}`}
    >
      <h2 id="coach-heading" className="flex items-center gap-2 font-semibold">
        <svg viewBox="0 0 20 20" aria-hidden className="size-5 shrink-0">
          {blockers.length > 0 ? (
            <>
              <path d="M10 3l8 14H2L10 3z" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
              <path d="M10 8v4M10 14.5v.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </>
          ) : (
            <>
              <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="1.8" />
              <path d="M6 10.5l2.5 2.5 5.5-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
            </>
          )}
        </svg>
        {blockers.length > 0 ? t("blockedTitle", { count: blockers.length }) : t("readyTitle")}
      </h2>
      {blockers.length > 0 ? (
        <ul className="mt-2 flex flex-col gap-1.5 text-sm">
          {blockers.map((finding, index) => (
            <li key={`${finding.code}-${index}`} className="flex items-start gap-2">
              <span className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded bg-amber-200 text-xs font-bold text-amber-950">
                <span className="sr-only">{t("letter")} </span>
                {finding.letter}
              </span>
              <span className="min-w-0 break-words">{finding.message}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm">{detail.status === "DRAFT" ? t("readyBodyDraft") : t("readyBody")}</p>
      )}
      {warnings.length > 0 ? <p className="mt-2 text-sm text-slate-700">{t("warnings", { count: warnings.length })}</p> : null}
      {detail.can.edit && (blockers.length > 0 || warnings.length > 0) ? (
        <Link href={`/o/${orgSlug}/goals/${detail.id}/edit`} className="mt-2 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("openEditor")}
        </Link>
      ) : null}
    </section>
  );
}
