"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { useDayFormat } from "@/features/goals/components/use-goal-format";
import type { GoalDetail } from "@/features/goals/goals.schema";
import { useTRPC } from "@/lib/trpc/client";
import { buttonClasses } from "@/ui/button";
import { Alert } from "@/ui/card";
import { Skeleton } from "@/ui/page-parts";
import { chartDataOf, confidencePointsOf, type ChartData } from "../chart-data";
import type { CheckInList, CheckInTarget, GoalProgress } from "../checkins.schema";
import { localToday } from "./check-in-form-state";
import { CheckInForm } from "./check-in-form";
import { CheckInHistory, focusFirstField } from "./check-in-history";
import { CheckInTable } from "./check-in-table";
import { checkInTargetOf } from "./check-in-target";
import { ConfidenceChart } from "./confidence-chart";
import { HealthBadge, StaleFlag } from "./health-badge";
import { ProgressChart, useChartDates } from "./progress-chart";
import { usePointsFormat, useReadingFormat } from "./use-check-in-format";

/**
 * The goal page's progress: where the goal stands (status, level, progress against what is
 * expected by now, the latest value, the next check-in), the roll-up of the goals linked under
 * it, the chart and its table, the check-ins, and the form for a new one.
 */
export function GoalProgressSection({ orgSlug, detail }: { orgSlug: string; detail: GoalDetail }) {
  const t = useTranslations("goalProgress.section");
  const trpc = useTRPC();
  const goal = useMemo(() => checkInTargetOf(detail), [detail]);
  const query = useQuery(trpc.checkIn.list.queryOptions({ orgSlug, goalId: detail.id }));

  let body: ReactNode;
  if (query.isPending) body = <Skeleton label={t("loading")} rows={4} />;
  else if (query.isError) {
    body = (
      <Alert>
        <span>{t("loadFailed")} </span>
        <button type="button" className="font-medium underline" onClick={() => void query.refetch()}>
          {t("retry")}
        </button>
      </Alert>
    );
  } else if (goal === null) body = <p className="text-sm text-slate-600">{t("noMeasure")}</p>;
  else if (query.data.checkIns.length === 0 && detail.status !== "ACTIVE") {
    body = <p className="text-sm text-slate-600">{detail.status === "DRAFT" || detail.status === "PROPOSED" ? t("notStarted") : t("noCheckInsClosed")}</p>;
  } else body = <ProgressBody orgSlug={orgSlug} detail={detail} goal={goal} list={query.data} />;

  return (
    <section aria-labelledby="progress-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5" data-testid="goal-progress">
      <h2 id="progress-heading" className="mb-3 text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      {body}
    </section>
  );
}

function ProgressBody({ orgSlug, detail, goal, list }: { orgSlug: string; detail: GoalDetail; goal: CheckInTarget; list: CheckInList }) {
  const t = useTranslations("goalProgress.section");
  const tHistory = useTranslations("goalProgress.history");
  const { progress } = list;
  const [formOpen, setFormOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const today = localToday(new Date());
  const data = useMemo(() => chartDataOf(goal, list.checkIns, today), [goal, list.checkIns, today]);

  function saved(correction: boolean) {
    setFormOpen(false);
    setNotice(correction ? t("correctionNotice") : t("savedNotice"));
  }

  return (
    <div className="flex flex-col gap-5">
      <Standing detail={detail} goal={goal} progress={progress} />

      {progress.canCheckIn ? (
        formOpen ? (
          <div className="rounded-md border border-brand-200 bg-brand-50/40 p-3 sm:p-4" ref={focusFirstField}>
            <h3 className="mb-3 text-sm font-semibold text-slate-900">{t("newCheckInTitle")}</h3>
            <CheckInForm
              orgSlug={orgSlug}
              goal={goal}
              variant="full"
              onSaved={() => saved(false)}
              onCancel={() => {
                setFormOpen(false);
                requestAnimationFrame(() => newButton.current?.focus());
              }}
            />
          </div>
        ) : (
          <div>
            <button
              type="button"
              ref={newButton}
              className={buttonClasses("primary")}
              onClick={() => {
                setNotice(null);
                setFormOpen(true);
              }}
            >
              <span aria-hidden>+</span>
              {t("newCheckIn")}
            </button>
          </div>
        )
      ) : null}
      <div role="status" className="empty:hidden" data-testid="progress-notice">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
      </div>

      <Charts goal={goal} data={data} progress={progress} />

      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">{tHistory("title")}</h3>
        <CheckInHistory orgSlug={orgSlug} goal={goal} checkIns={list.checkIns} canCheckIn={progress.canCheckIn} onSaved={() => saved(true)} />
      </div>
    </div>
  );
}

/** The numbers that say where the goal stands. */
function Standing({ detail, goal, progress }: { detail: GoalDetail; goal: CheckInTarget; progress: GoalProgress }) {
  const t = useTranslations("goalProgress.section");
  const tOutcome = useTranslations("goals.outcome");
  const day = useDayFormat();
  const points = usePointsFormat();
  const reading = useReadingFormat();
  const today = localToday(new Date());
  const showRollup = detail.level !== "INDIVIDUAL";

  return (
    <div className={`grid gap-4 ${showRollup ? "md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" : ""}`}>
      <div className="flex flex-col gap-3">
        {progress.health || progress.stale ? (
          <div className="flex flex-wrap items-center gap-2">
            {progress.health ? <HealthBadge health={progress.health} /> : null}
            {progress.stale ? <StaleFlag /> : null}
          </div>
        ) : null}
        <div>
          <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">{t("ownMeasure")}</p>
          <p className="mt-0.5 text-lg font-semibold text-slate-900" data-testid="goal-progress-points">
            {progress.expectedPoints !== null
              ? t("progressExpected", { progress: points(progress.progressPoints), expected: points(progress.expectedPoints) })
              : t("progress", { progress: points(progress.progressPoints) })}
          </p>
          <ProgressBar progressPoints={progress.progressPoints} expectedPoints={progress.expectedPoints} />
        </div>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">{t("current")}</dt>
            <dd className="font-medium text-slate-900" data-testid="goal-current-value">
              {progress.current
                ? t("currentOn", { value: reading(goal, progress.current.value), date: day(progress.current.effectiveDate) })
                : t("noCheckInYet")}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("level")}</dt>
            <dd className="font-medium text-slate-900" data-testid="goal-level">
              {tOutcome(progress.level)}
            </dd>
          </div>
          {progress.nextCheckInDue ? (
            <div>
              <dt className="text-slate-600">{t("nextDue")}</dt>
              <dd className="font-medium text-slate-900" data-testid="goal-next-check-in">
                {progress.nextCheckInDue < today ? t("nextDueOverdue", { date: day(progress.nextCheckInDue) }) : day(progress.nextCheckInDue)}
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
      {showRollup ? (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="goal-rollup">
          <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">{t("rollupTitle")}</p>
          {progress.rollup ? (
            <>
              <p className="mt-0.5 text-base font-semibold text-slate-900">
                {t("rollup", { progress: points(progress.rollup.progressPoints), count: progress.rollup.goalCount })}
              </p>
              <ProgressBar progressPoints={Math.min(100, progress.rollup.progressPoints)} expectedPoints={null} />
              <p className="mt-2 text-xs text-slate-600">{t("rollupHint")}</p>
            </>
          ) : (
            <p className="mt-1 text-sm text-slate-700">{t("rollupNone")}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}

/** Progress as a bar, with a notch where the goal should be by now (the text above says the same). */
function ProgressBar({ progressPoints, expectedPoints }: { progressPoints: number; expectedPoints: number | null }) {
  const scale = Math.max(100, progressPoints);
  const at = (value: number) => `${Math.min(100, Math.max(0, (value / scale) * 100))}%`;
  return (
    <div aria-hidden className="relative mt-2 h-2.5 w-full max-w-md rounded-full bg-slate-200">
      <div className="h-full rounded-full bg-brand-600" style={{ width: at(progressPoints) }} />
      {scale > 100 ? <span className="absolute top-[-3px] h-[16px] w-px bg-slate-700" style={{ left: at(100) }} /> : null}
      {expectedPoints !== null ? (
        <span className="absolute top-[-4px] h-[18px] w-0.5 -translate-x-1/2 rounded bg-slate-900 ring-2 ring-white" style={{ left: at(expectedPoints) }} />
      ) : null}
    </div>
  );
}

function Charts({ goal, data, progress }: { goal: CheckInTarget; data: ChartData; progress: GoalProgress }) {
  const t = useTranslations("goalProgress.chart");
  const reading = useReadingFormat();
  const dates = useChartDates();
  const day = useDayFormat();
  const confidencePoints = useMemo(() => (progress.canSeePrivate ? confidencePointsOf(data) : []), [data, progress.canSeePrivate]);

  if (data.points.length === 0) {
    return (
      <div className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600" data-testid="progress-chart-empty">
        {t("empty")}
      </div>
    );
  }

  const first = data.points[0]!;
  const last = data.points[data.points.length - 1]!;
  const summary =
    goal.measureType === "BINARY"
      ? t("summaryBinary", { count: data.points.length, first: dates.full(first.time), last: dates.full(last.time), latest: reading(goal, last.value!), due: day(goal.dueDate) })
      : t("summary", {
          count: data.points.length,
          first: dates.full(first.time),
          last: dates.full(last.time),
          latest: reading(goal, last.value!),
          minimum: reading(goal, goal.minimum),
          target: reading(goal, goal.target),
          stretch: reading(goal, goal.stretch),
          baseline: reading(goal, goal.measureType === "MILESTONES" ? 0 : goal.baseline),
          start: day(goal.startDate),
          due: day(goal.dueDate),
        });

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("title")}</h3>
        <ProgressChart measure={goal} data={data} summary={summary} />
      </div>
      {confidencePoints.length > 0 ? (
        <ConfidenceChart
          data={data}
          points={confidencePoints}
          summary={t("confidenceSummary", {
            count: confidencePoints.length,
            first: dates.full(confidencePoints[0]!.time),
            last: dates.full(confidencePoints[confidencePoints.length - 1]!.time),
            latest: confidencePoints[confidencePoints.length - 1]!.confidence!,
          })}
        />
      ) : null}
      <CheckInTable measure={goal} data={data} showConfidence={progress.canSeePrivate} />
    </div>
  );
}
