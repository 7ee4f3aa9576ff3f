"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { PersonLink } from "@/features/people/components/person-link";
import { GoalProgressSection } from "@/features/checkins/components/goal-progress-section";
import { useTRPC } from "@/lib/trpc/client";
import { Alert } from "@/ui/card";
import type { GoalDetail } from "../../goals.schema";
import { StatusBadge } from "../status-badge";
import { useDayFormat } from "../use-goal-format";
import { ActionPlan } from "./action-plan";
import { AlignmentPanel } from "./alignment-panel";
import { CoachBlockers } from "./coach-blockers";
import { GoalActions } from "./goal-actions";
import { GoalHistory } from "./goal-history";
import { OutcomePanel } from "./outcome-panel";
import { SignaturesPanel } from "./signatures-panel";
import { SmartaSummary } from "./smarta-summary";

function Panel({ id, title, children, className = "" }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${className}`}>
      <h2 id={id} className="mb-3 text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The goal page: the statement first, then the SMARTA answers, the levels, the action plan,
 * where the goal sits in the tree, the signatures, what the caller may do, and the history.
 * Starts from the server's answer and stays fresh after every action.
 */
export function GoalView({ orgSlug, initial }: { orgSlug: string; initial: GoalDetail }) {
  const t = useTranslations("goals");
  const day = useDayFormat();
  const trpc = useTRPC();
  const query = useQuery(trpc.goal.get.queryOptions({ orgSlug, goalId: initial.id }, { initialData: initial }));
  const detail = query.data;
  const { fields } = detail;
  const showCoach = detail.status === "DRAFT" || detail.status === "PROPOSED";

  return (
    <article className="flex flex-col gap-5" aria-labelledby="goal-title">
      <nav aria-label={t("page.breadcrumb")} className="text-sm">
        <Link href={`/o/${orgSlug}/goals`} className="text-brand-700 underline-offset-2 hover:underline">
          <span aria-hidden>← </span>
          {t("page.backToList")}
        </Link>
      </nav>

      <header className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge status={detail.status} />
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{t(`level.${detail.level}`)}</span>
          {detail.level === "INDIVIDUAL" ? (
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{t(`kind.${fields.kind}`)}</span>
          ) : null}
          <span className="text-slate-600">{detail.period.name}</span>
        </div>
        <h1 id="goal-title" className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">
          {fields.title}
        </h1>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          <span>
            <span className="text-slate-600">{t("page.owner")}: </span>
            <PersonLink orgSlug={orgSlug} person={detail.owner} />
          </span>
          {detail.team ? (
            <span>
              <span className="text-slate-600">{t("page.team")}: </span>
              {detail.team.name}
            </span>
          ) : null}
          <span>
            <span className="text-slate-600">{t("page.timeFrame")}: </span>
            {fields.startDate && fields.dueDate
              ? t("page.dateRange", { start: day(fields.startDate), end: day(fields.dueDate) })
              : fields.dueDate
                ? t("page.dueOnly", { end: day(fields.dueDate) })
                : t("page.noDates")}
          </span>
        </p>
      </header>

      <section aria-labelledby="statement-heading" className="rounded-lg border-l-4 border-brand-600 bg-brand-50 px-4 py-4 sm:px-6">
        <h2 id="statement-heading" className="text-xs font-semibold tracking-wide text-brand-800 uppercase">
          {t("page.statement")}
        </h2>
        {fields.statement.trim() ? (
          <p className="mt-1 text-lg leading-relaxed font-medium break-words text-slate-900 sm:text-xl" data-testid="goal-statement">
            {fields.statement}
          </p>
        ) : (
          <p className="mt-1 text-slate-600 italic">{t("page.noStatement")}</p>
        )}
      </section>

      {detail.statusReason.trim() && (detail.status === "DRAFT" || detail.status === "CANCELLED") ? (
        <Alert tone="info">
          <span className="font-medium">{detail.status === "CANCELLED" ? t("page.cancelledBecause") : t("page.postponedBecause")} </span>
          {detail.statusReason}
        </Alert>
      ) : null}
      <OutcomePanel orgSlug={orgSlug} detail={detail} />

      <GoalActions orgSlug={orgSlug} detail={detail} />

      {showCoach ? <CoachBlockers orgSlug={orgSlug} detail={detail} /> : null}

      <GoalProgressSection orgSlug={orgSlug} detail={detail} />

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-5">
          <Panel id="smarta-heading" title={t("page.smartaTitle")}>
            <SmartaSummary detail={detail} />
          </Panel>
          <Panel id="steps-heading" title={t("page.steps.title")}>
            <ActionPlan steps={detail.steps} />
          </Panel>
        </div>
        <div className="flex min-w-0 flex-col gap-5">
          <Panel id="alignment-heading" title={t("page.alignment.title")}>
            <AlignmentPanel orgSlug={orgSlug} detail={detail} />
          </Panel>
          <Panel id="signatures-heading" title={t("page.signatures.title")}>
            <SignaturesPanel orgSlug={orgSlug} detail={detail} />
          </Panel>
        </div>
      </div>

      <Panel id="history-heading" title={t("historyView.title")}>
        <GoalHistory orgSlug={orgSlug} goalId={detail.id} />
      </Panel>
    </article>
  );
}
