"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useDayFormat } from "@/features/goals/components/use-goal-format";
import { PersonLink } from "@/features/people/components/person-link";
import { useTRPC } from "@/lib/trpc/client";
import { Button, buttonClasses } from "@/ui/button";
import { Alert } from "@/ui/card";
import { Skeleton } from "@/ui/page-parts";
import type { CheckInResult, CheckInTarget, DueCheckIn, DueCheckIns, GoalProgress } from "../checkins.schema";
import { CheckInForm } from "./check-in-form";
import { barWidth, dueSummaryOf, latenessOf, shownItems, type Kept, type ShownItem } from "./due-items";
import { HealthBadge, StaleFlag } from "./health-badge";
import { usePointsFormat, useReadingFormat } from "./use-check-in-format";

type Props = {
  orgSlug: string;
  /** the server's answer when the page was rendered; null when it failed (the card then asks itself) */
  initial: DueCheckIns | null;
  /** the server's day (UTC), the day the due list was worked out for */
  today: string;
  /** the person has people reporting to them, so the reports' list shows even when it is empty */
  hasReports: boolean;
};

const LINK = "text-brand-700 underline-offset-2 hover:underline";

/**
 * The home page's first card: the signed-in person's goals with a check-in due, each with a quick
 * inline check-in, and for managers their reports' overdue check-ins.
 */
export function DueCheckInsCard({ orgSlug, initial, today, hasReports }: Props) {
  const t = useTranslations("dueCheckIns");
  const trpc = useTRPC();
  const headingId = useId();
  const due = useQuery(trpc.checkIn.due.queryOptions({ orgSlug }, { initialData: initial ?? undefined }));
  const [kept, setKept] = useState<Record<string, Kept>>({});

  const mine = due.data ? shownItems(due.data.mine, kept) : [];

  // Held from the moment the check-in is sent: the form refetches the due list before it reports
  // the answer, and the refetched list no longer has the goal.
  const keep = useCallback((item: DueCheckIn, index: number) => {
    setKept((previous) => (previous[item.goal.id] ? previous : { ...previous, [item.goal.id]: { item, index, result: null } }));
  }, []);
  const saved = useCallback((item: DueCheckIn, index: number, result: CheckInResult) => {
    setKept((previous) => ({ ...previous, [item.goal.id]: { item: previous[item.goal.id]?.item ?? item, index: previous[item.goal.id]?.index ?? index, result } }));
  }, []);

  const showReports = due.data ? hasReports || due.data.reports.length > 0 || due.data.reportsTotal > 0 : false;

  return (
    <section
      aria-labelledby={headingId}
      data-testid="due-check-ins"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>

      {due.data ? (
        <div
          className={`mt-3 grid items-start gap-6 ${
            // the forms need the room; with nothing of one's own due, the two lists share it
            showReports ? (mine.length > 0 ? "lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]" : "lg:grid-cols-2") : ""
          }`}
        >
          <MineList orgSlug={orgSlug} today={today} shown={mine} onSending={keep} onSaved={saved} />
          {showReports ? <ReportsList orgSlug={orgSlug} today={today} reports={due.data.reports} total={due.data.reportsTotal} /> : null}
        </div>
      ) : due.isError ? (
        <div className="mt-3 flex flex-col items-start gap-3">
          <Alert>{t("loadFailed")}</Alert>
          <Button variant="secondary" onClick={() => void due.refetch()} busy={due.isFetching}>
            {t("retry")}
          </Button>
        </div>
      ) : (
        <div className="mt-3">
          <Skeleton label={t("loading")} rows={3} />
        </div>
      )}
    </section>
  );
}

function MineList({
  orgSlug,
  today,
  shown,
  onSending,
  onSaved,
}: {
  orgSlug: string;
  today: string;
  shown: ShownItem[];
  onSending: (item: DueCheckIn, index: number) => void;
  onSaved: (item: DueCheckIn, index: number, result: CheckInResult) => void;
}) {
  const t = useTranslations("dueCheckIns");
  const summary = dueSummaryOf(shown);

  if (shown.length === 0) {
    return (
      <div data-testid="due-empty" className="flex items-start gap-3 rounded-md border border-dashed border-slate-300 bg-slate-50 px-4 py-5">
        <svg viewBox="0 0 20 20" aria-hidden className="mt-0.5 size-5 shrink-0 text-emerald-700">
          <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M6.2 10.3l2.6 2.6 5-5.4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <div className="text-sm">
          <p className="font-medium text-slate-900">{t("upToDate")}</p>
          <p className="mt-1 text-slate-700">{t("upToDateBody")}</p>
          <Link href={`/o/${orgSlug}/goals`} className={`mt-2 inline-block font-medium ${LINK}`}>
            {t("myGoals")}
          </Link>
        </div>
      </div>
    );
  }

  // the first goal still waiting opens with its form, so the most overdue one takes a few keystrokes
  const firstWaiting = shown.findIndex((entry) => entry.saved === null);

  return (
    <div className="flex min-w-0 flex-col gap-3">
      <p className="text-sm text-slate-700" data-testid="due-summary">
        {summary.waiting > 0 ? (
          <>
            {t("waiting", { count: summary.waiting })}
            {summary.overdue > 0 ? `, ${t("waitingOverdue", { count: summary.overdue })}` : ""}.
          </>
        ) : (
          <>
            {t("allDone")}{" "}
            <Link href={`/o/${orgSlug}/goals`} className={`font-medium ${LINK}`}>
              {t("myGoals")}
            </Link>
          </>
        )}
      </p>
      <ul className="flex flex-col gap-3">
        {shown.map((entry, index) => (
          <DueItem
            key={entry.item.goal.id}
            orgSlug={orgSlug}
            today={today}
            entry={entry}
            initiallyOpen={index === firstWaiting}
            onSending={() => onSending(entry.item, index)}
            onSaved={(result) => onSaved(entry.item, index, result)}
          />
        ))}
      </ul>
    </div>
  );
}

const FOCUSABLE = "input:not([disabled]), textarea:not([disabled]), select:not([disabled])";

function DueItem({
  orgSlug,
  today,
  entry,
  initiallyOpen,
  onSending,
  onSaved,
}: {
  orgSlug: string;
  today: string;
  entry: ShownItem;
  initiallyOpen: boolean;
  onSending: () => void;
  onSaved: (result: CheckInResult) => void;
}) {
  const t = useTranslations("dueCheckIns");
  const day = useDayFormat();
  const points = usePointsFormat();
  const titleId = useId();
  const { item, saved } = entry;
  const goal = item.goal;
  const [open, setOpen] = useState(initiallyOpen);
  // where focus goes after the next render: into the form, back to its button, or to the result
  const focusTo = useRef<"form" | "button" | "result" | null>(null);
  const formBox = useRef<HTMLDivElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const resultBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusTo.current === null) return;
    const element =
      focusTo.current === "form" ? formBox.current?.querySelector<HTMLElement>(FOCUSABLE) : focusTo.current === "button" ? openButton.current : resultBox.current;
    if (!element) return;
    element.focus();
    focusTo.current = null;
  });

  const progress = saved?.progress ?? item.progress;
  const lateness = latenessOf(item.dueOn, today);
  const state = saved ? "checked-in" : lateness.kind === "overdue" ? "overdue" : "due";

  return (
    <li
      data-testid="due-item"
      data-goal-id={goal.id}
      data-state={state}
      className={`rounded-md border p-3 sm:p-4 ${saved ? "border-emerald-300 bg-emerald-50/40" : "border-slate-200 bg-white"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-2">
        <h3 id={titleId} className="min-w-0 text-base font-semibold break-words">
          <Link href={`/o/${orgSlug}/goals/${goal.id}`} className={LINK}>
            {goal.title}
          </Link>
        </h3>
        <div className="flex flex-wrap items-center gap-1.5">
          {progress.health ? <HealthBadge health={progress.health} size="sm" /> : null}
          {progress.stale ? <StaleFlag size="sm" /> : null}
        </div>
      </div>

      <p className="mt-1 flex flex-wrap items-center gap-x-1.5 text-sm" data-testid="due-when">
        {saved ? (
          <span className="inline-flex items-center gap-1.5 font-medium text-emerald-900">
            <CheckIcon />
            {saved.progress.nextCheckInDue ? t("checkedIn", { date: day(saved.progress.nextCheckInDue) }) : t("checkedInNoNext")}
          </span>
        ) : lateness.kind === "overdue" ? (
          <>
            <span className="inline-flex items-center gap-1.5 font-medium text-red-800">
              <ClockIcon />
              {t("overdue", { days: lateness.days })}
            </span>
            <span className="text-slate-600">· {t("dueSince", { date: day(item.dueOn) })}</span>
          </>
        ) : (
          <span className="inline-flex items-center gap-1.5 font-medium text-slate-800">
            <ClockIcon />
            {t("dueToday")}
          </span>
        )}
      </p>

      <ProgressLine goal={goal} progress={progress} />

      <div role="status">
        {saved ? (
          <div
            ref={resultBox}
            tabIndex={-1}
            data-testid="due-item-saved"
            className="mt-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
          >
            <p className="font-medium">
              <span aria-hidden>✓ </span>
              {t("saved")}{" "}
              {Math.round(item.progress.progressPoints) === Math.round(saved.progress.progressPoints)
                ? t("progressSame", { progress: points(saved.progress.progressPoints) })
                : t("progressChange", { before: points(item.progress.progressPoints), after: points(saved.progress.progressPoints) })}
            </p>
            <Link href={`/o/${orgSlug}/goals/${goal.id}`} className={`mt-1 inline-block ${LINK}`}>
              {t("openGoal")}
            </Link>
          </div>
        ) : null}
      </div>

      {saved ? null : open ? (
        // a submit bubbles here before the form sends it, so the card can hold the item in place
        <div ref={formBox} onSubmitCapture={onSending} className="mt-3 border-t border-slate-200 pt-3">
          <CheckInForm
            orgSlug={orgSlug}
            goal={goal}
            variant="inline"
            onSaved={(result) => {
              onSaved(result);
              focusTo.current = "result";
            }}
            onCancel={() => {
              setOpen(false);
              focusTo.current = "button";
            }}
          />
        </div>
      ) : (
        <button
          ref={openButton}
          type="button"
          className={buttonClasses("secondary", "mt-3")}
          aria-label={t("checkInOn", { title: goal.title })}
          onClick={() => {
            setOpen(true);
            focusTo.current = "form";
          }}
        >
          {t("checkIn")}
        </button>
      )}
    </li>
  );
}

/** Progress toward the target as a bar (the expected point marked) and in words. */
function ProgressLine({ goal, progress }: { goal: CheckInTarget; progress: GoalProgress }) {
  const t = useTranslations("dueCheckIns");
  const day = useDayFormat();
  const points = usePointsFormat();
  const reading = useReadingFormat();
  const expected = progress.expectedPoints;

  return (
    <div className="mt-3 flex flex-col gap-1.5" data-testid="due-progress" data-progress={Math.round(progress.progressPoints)}>
      <div className="relative h-2.5 rounded-full bg-slate-200" aria-hidden>
        <div
          className="h-full rounded-full bg-brand-600 transition-[width] duration-700 ease-out motion-reduce:transition-none"
          style={{ width: `${barWidth(progress.progressPoints)}%` }}
        />
        {expected !== null ? (
          <span className="absolute -top-1 h-[1.125rem] w-0.5 -translate-x-1/2 rounded bg-slate-800" style={{ left: `${barWidth(expected)}%` }} />
        ) : null}
      </div>
      <div className="flex flex-wrap justify-between gap-x-4 gap-y-0.5 text-sm">
        <span className="font-medium text-slate-900 tabular-nums">
          {expected !== null
            ? t("progressExpected", { progress: points(progress.progressPoints), expected: points(expected) })
            : t("progress", { progress: points(progress.progressPoints) })}
        </span>
        <span className="text-slate-600">
          {progress.current
            ? t("latest", { value: reading(goal, progress.current.value), date: day(progress.current.effectiveDate) })
            : t("noValueYet")}
        </span>
      </div>
    </div>
  );
}

function ReportsList({ orgSlug, today, reports, total }: { orgSlug: string; today: string; reports: DueCheckIn[]; total: number }) {
  const t = useTranslations("dueCheckIns");
  const day = useDayFormat();
  const points = usePointsFormat();
  const headingId = useId();

  return (
    <section aria-labelledby={headingId} data-testid="reports-overdue" className="flex min-w-0 flex-col gap-3 lg:border-l lg:border-slate-200 lg:pl-6">
      <div>
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {t("reportsTitle")}
        </h3>
        {reports.length > 0 ? (
          <p className="mt-0.5 text-sm text-slate-600" data-testid="reports-overdue-count">
            {total > reports.length ? t("reportsShowing", { shown: reports.length, total }) : t("reportsCount", { count: total })}
          </p>
        ) : null}
      </div>
      {reports.length === 0 ? (
        <p className="text-sm text-slate-700">{t("reportsEmpty")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200">
          {reports.map((report) => {
            const lateness = latenessOf(report.dueOn, today);
            return (
              <li key={report.goal.id} data-testid="reports-overdue-item" data-goal-id={report.goal.id} className="flex flex-col gap-1 py-2.5 text-sm first:pt-0">
                <Link href={`/o/${orgSlug}/goals/${report.goal.id}`} className={`font-medium break-words ${LINK}`}>
                  {report.goal.title}
                </Link>
                <span className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-slate-700">
                  <PersonLink orgSlug={orgSlug} person={report.owner} />
                  <span aria-hidden>·</span>
                  <span className="inline-flex items-center gap-1 font-medium text-red-800">
                    <ClockIcon />
                    {lateness.kind === "overdue" ? t("overdue", { days: lateness.days }) : t("dueToday")}
                  </span>
                  <span className="sr-only">({t("dueSince", { date: day(report.dueOn) })})</span>
                </span>
                <span className="flex flex-wrap items-center gap-1.5">
                  {report.progress.health ? <HealthBadge health={report.progress.health} size="sm" /> : null}
                  {report.progress.stale ? <StaleFlag size="sm" /> : null}
                  <span className="text-slate-600 tabular-nums">{t("progress", { progress: points(report.progress.progressPoints) })}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function ClockIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden className="size-4 shrink-0">
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M8 4.8V8l2.2 1.6" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden className="size-4 shrink-0">
      <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
