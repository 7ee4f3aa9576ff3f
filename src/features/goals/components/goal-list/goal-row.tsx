"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { PersonLink } from "@/features/people/components/person-link";
import type { GoalSummary } from "../../goals.schema";
import { StatusBadge } from "../status-badge";
import { useDayFormat } from "../use-goal-format";
import { signatureNote } from "./signature-note";

/**
 * One goal in a list: a card on a phone, a row of the list on a wide screen. `leading` holds
 * the priority and, where the order may change, its handle.
 */
export function GoalRow({
  orgSlug,
  goal,
  showOwner,
  leading,
  className = "",
}: {
  orgSlug: string;
  goal: GoalSummary;
  showOwner: boolean;
  leading?: ReactNode;
  className?: string;
}) {
  const t = useTranslations("goals");
  const day = useDayFormat();
  const note = signatureNote(goal);
  const href = `/o/${orgSlug}/goals/${goal.id}`;

  return (
    <div className={`flex gap-3 p-4 ${className}`}>
      {leading ? <div className="flex shrink-0 items-start gap-1">{leading}</div> : null}
      <div className="grid min-w-0 flex-1 gap-3 md:grid-cols-[minmax(0,1fr)_12rem_10rem] md:gap-4">
        <div className="min-w-0">
          <h3 className="font-medium break-words text-slate-900">
            <Link href={href} className="text-brand-700 underline-offset-2 hover:underline" data-testid="goal-link">
              {goal.title}
            </Link>
          </h3>
          {goal.statement ? <p className="mt-0.5 line-clamp-2 text-sm break-words text-slate-700">{goal.statement}</p> : null}
          <p className="mt-1 flex flex-wrap gap-x-2 gap-y-0.5 text-xs text-slate-600">
            <span>{goal.level === "INDIVIDUAL" ? t(`kind.${goal.kind}`) : t(`level.${goal.level}`)}</span>
            <span aria-hidden>·</span>
            <span>{goal.period.name}</span>
            {goal.parent ? (
              <>
                <span aria-hidden>·</span>
                <span className="min-w-0 break-words">{t("list.linkedTo", { title: goal.parent.title })}</span>
              </>
            ) : goal.level !== "ORGANIZATION" && goal.kind !== "DEVELOPMENT" ? (
              <>
                <span aria-hidden>·</span>
                <span>{t("list.notLinked")}</span>
              </>
            ) : null}
          </p>
        </div>

        <dl className="grid grid-cols-[auto_1fr] content-start gap-x-2 gap-y-0.5 text-sm md:grid-cols-1">
          {showOwner ? (
            <>
              <dt className="text-slate-600 md:sr-only">{t("list.owner")}</dt>
              <dd className="min-w-0 break-words">
                <PersonLink orgSlug={orgSlug} person={goal.owner} />
                {goal.team ? <span className="block text-xs text-slate-600">{goal.team.name}</span> : null}
              </dd>
            </>
          ) : null}
          <dt className="text-slate-600 md:sr-only">{t("list.due")}</dt>
          <dd>
            {goal.dueDate ? (
              <span className="md:text-slate-700">
                <span aria-hidden className="hidden text-slate-500 md:inline">
                  {t("list.dueShort")}{" "}
                </span>
                {day(goal.dueDate)}
              </span>
            ) : (
              <span className="text-slate-500">{t("list.noDue")}</span>
            )}
          </dd>
        </dl>

        <div className="flex flex-wrap items-start gap-x-3 gap-y-1 md:flex-col">
          <StatusBadge status={goal.status} />
          {note ? <span className="text-xs text-slate-600">{t(`list.signatures.${note}`)}</span> : null}
        </div>
      </div>
    </div>
  );
}
