"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { useDayFormat } from "@/features/goals/components/use-goal-format";
import { Button, buttonClasses } from "@/ui/button";
import type { CheckIn, CheckInResult, CheckInTarget } from "../checkins.schema";
import { CheckInForm } from "./check-in-form";
import { useReadingFormat } from "./use-check-in-format";

/** Moves the keyboard into a form as it opens. */
export function focusFirstField(element: HTMLElement | null) {
  if (element) requestAnimationFrame(() => element.querySelector<HTMLElement>("input:not([type=hidden]), textarea")?.focus());
}

/** How many check-ins show before "show all". */
const SHOWN = 5;

/** Newest first: by the day the value applies to, then by when it was entered. */
export function newestFirst(checkIns: readonly CheckIn[]): CheckIn[] {
  return [...checkIns].sort((a, b) =>
    a.effectiveDate !== b.effectiveDate ? (a.effectiveDate < b.effectiveDate ? 1 : -1) : b.createdAt.getTime() - a.createdAt.getTime(),
  );
}

/**
 * Every check-in of the goal, newest first, corrections included: a corrected one stays,
 * marked and naming its correction. Whoever may check in can correct a current one.
 */
export function CheckInHistory({
  orgSlug,
  goal,
  checkIns,
  canCheckIn,
  onSaved,
}: {
  orgSlug: string;
  goal: CheckInTarget;
  checkIns: readonly CheckIn[];
  canCheckIn: boolean;
  onSaved: (result: CheckInResult) => void;
}) {
  const t = useTranslations("goalProgress.history");
  const day = useDayFormat();
  const format = useFormatter();
  const reading = useReadingFormat();
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const triggers = useRef(new Map<string, HTMLButtonElement>());
  const sorted = useMemo(() => newestFirst(checkIns), [checkIns]);
  const byId = useMemo(() => new Map(checkIns.map((checkIn) => [checkIn.id, checkIn])), [checkIns]);

  if (sorted.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const shown = showAll ? sorted : sorted.slice(0, SHOWN);

  return (
    <div className="flex flex-col gap-3">
      <ol className="flex flex-col divide-y divide-slate-100" data-testid="check-in-history">
        {shown.map((checkIn) => {
          const replacedBy = checkIn.replacedById ? byId.get(checkIn.replacedById) : undefined;
          const replaces = checkIn.replacesId ? byId.get(checkIn.replacesId) : undefined;
          const corrected = checkIn.replacedById !== null;
          return (
            <li key={checkIn.id} className="py-3 first:pt-0 last:pb-0" data-testid="check-in-entry" data-corrected={corrected || undefined}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                    <span className={`text-base font-semibold tabular-nums ${corrected ? "text-slate-500 line-through" : "text-slate-900"}`}>
                      {reading(goal, checkIn.value)}
                    </span>
                    <span className="text-slate-700">{day(checkIn.effectiveDate)}</span>
                    {corrected ? (
                      <span className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{t("corrected")}</span>
                    ) : null}
                  </p>
                  <p className="mt-0.5 text-xs text-slate-600">
                    {t("by", { name: checkIn.author.name })}
                    {" · "}
                    <time dateTime={checkIn.createdAt.toISOString()}>{format.dateTime(checkIn.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                    {checkIn.confidence !== null ? <> · {t("confidence", { value: checkIn.confidence })}</> : null}
                  </p>
                  {replacedBy ? (
                    <p className="mt-1 text-xs text-slate-700">{t("correctedBy", { date: day(replacedBy.effectiveDate), name: replacedBy.author.name })}</p>
                  ) : null}
                  {replaces ? <p className="mt-1 text-xs text-slate-700">{t("replaces", { date: day(replaces.effectiveDate) })}</p> : null}
                  {checkIn.comment ? <p className="mt-1 text-sm break-words whitespace-pre-line text-slate-800">{checkIn.comment}</p> : null}
                </div>
                {canCheckIn && !corrected && correcting !== checkIn.id ? (
                  <button
                    type="button"
                    className={buttonClasses("secondary", "px-3 py-1")}
                    aria-label={t("correctLabel", { date: day(checkIn.effectiveDate) })}
                    ref={(element) => {
                      if (element) triggers.current.set(checkIn.id, element);
                      else triggers.current.delete(checkIn.id);
                    }}
                    onClick={() => setCorrecting(checkIn.id)}
                  >
                    {t("correct")}
                  </button>
                ) : null}
              </div>
              {correcting === checkIn.id ? (
                <div className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-3 sm:p-4" ref={focusFirstField}>
                  <CheckInForm
                    orgSlug={orgSlug}
                    goal={goal}
                    variant="full"
                    replaces={checkIn}
                    onSaved={(result) => {
                      setCorrecting(null);
                      onSaved(result);
                    }}
                    onCancel={() => {
                      setCorrecting(null);
                      requestAnimationFrame(() => triggers.current.get(checkIn.id)?.focus());
                    }}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {sorted.length > SHOWN ? (
        <Button type="button" variant="ghost" className="self-start px-2 py-1" aria-expanded={showAll} onClick={() => setShowAll((value) => !value)}>
          {showAll ? t("showFewer") : t("showAll", { count: sorted.length })}
        </Button>
      ) : null}
    </div>
  );
}
