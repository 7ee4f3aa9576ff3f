import { useTranslations } from "next-intl";
import Link from "next/link";
import { Card } from "@/ui/card";
import { isOpen } from "../goal-access";
import type { GoalSummary } from "../goals.schema";
import { StatusBadge } from "./status-badge";

const SHOWN = 5;

/** The home page's view of my goals: the open ones by priority, and the way to the list. */
export function MyGoalsCard({ orgSlug, goals, periodName }: { orgSlug: string; goals: GoalSummary[] | null; periodName: string | null }) {
  const t = useTranslations("goals.home");
  if (goals === null) {
    return (
      <Card title={t("title")}>
        <p className="text-sm text-slate-700">{t("loadFailed")}</p>
        <Link href={`/o/${orgSlug}/goals`} className="mt-2 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("all")}
        </Link>
      </Card>
    );
  }
  const open = goals.filter((goal) => isOpen(goal.status)).sort((a, b) => a.priority - b.priority);
  const waiting = open.filter((goal) => goal.status === "PROPOSED").length;

  return (
    <Card title={t("title")}>
      {open.length === 0 ? (
        <div className="text-sm">
          <p className="text-slate-700">{periodName ? t("emptyInPeriod", { period: periodName }) : t("empty")}</p>
          <p className="mt-1 text-slate-600">{t("emptyHint")}</p>
          <Link href={`/o/${orgSlug}/goals/new`} className="mt-3 inline-block font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("write")}
          </Link>
        </div>
      ) : (
        <div className="flex flex-col gap-3 text-sm">
          <p className="text-slate-600">
            {t("summary", { count: open.length })}
            {waiting > 0 ? ` · ${t("waiting", { count: waiting })}` : ""}
          </p>
          <ol className="flex flex-col gap-2" data-testid="home-goals">
            {open.slice(0, SHOWN).map((goal, index) => (
              <li key={goal.id} className="flex items-start gap-2">
                <span className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700 tabular-nums">
                  {index + 1}
                </span>
                <span className="min-w-0 flex-1">
                  <Link href={`/o/${orgSlug}/goals/${goal.id}`} className="break-words text-brand-700 underline-offset-2 hover:underline">
                    {goal.title}
                  </Link>
                </span>
                <StatusBadge status={goal.status} />
              </li>
            ))}
          </ol>
          <Link href={`/o/${orgSlug}/goals`} className="self-start font-medium text-brand-700 underline-offset-2 hover:underline">
            {open.length > SHOWN ? t("allMore", { count: open.length - SHOWN }) : t("all")}
          </Link>
        </div>
      )}
    </Card>
  );
}
