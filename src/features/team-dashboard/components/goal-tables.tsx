"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { HealthBadge, StaleFlag } from "@/features/checkins/components/health-badge";
import { usePointsFormat } from "@/features/checkins/components/use-check-in-format";
import { StatusBadge } from "@/features/goals/components/status-badge";
import { useDayFormat } from "@/features/goals/components/use-goal-format";
import { PersonLink } from "@/features/people/components/person-link";
import type { DashboardGoal } from "../team-dashboard.schema";

const LINK = "text-brand-700 underline-offset-2 hover:underline";
const TH = "px-3 py-2 font-medium";

export const goalHref = (orgSlug: string, goalId: string) => `/o/${orgSlug}/goals/${goalId}`;
export const teamHref = (orgSlug: string, teamId: string) => `/o/${orgSlug}/teams/${teamId}`;

/** Progress as a bar (decoration) and a number (the information); goals not yet active have none. */
function ProgressCell({ goal }: { goal: DashboardGoal }) {
  const points = usePointsFormat();
  if (goal.status === "DRAFT" || goal.status === "PROPOSED") return <span className="text-slate-500">–</span>;
  return (
    <span className="flex items-center justify-end gap-2">
      <span aria-hidden className="hidden h-2 w-16 overflow-hidden rounded-full bg-slate-200 sm:block">
        <span className="block h-full rounded-full bg-brand-600" style={{ width: `${Math.min(100, Math.max(0, goal.progressPoints))}%` }} />
      </span>
      <span className="tabular-nums">{points(goal.progressPoints)}</span>
    </span>
  );
}

/** Where the goal stands: its health while ACTIVE, otherwise its lifecycle status. */
function StandingCell({ goal }: { goal: DashboardGoal }) {
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      {goal.status === "ACTIVE" && goal.health ? <HealthBadge health={goal.health} size="sm" /> : <StatusBadge status={goal.status} />}
      {goal.stale ? <StaleFlag size="sm" /> : null}
    </span>
  );
}

/** A table of the dashboard's goals: team goals or personal goals. */
export function GoalTable({
  orgSlug,
  teamId,
  goals,
  caption,
  testId,
}: {
  orgSlug: string;
  /** the dashboard's team: goals of other (sub-)teams link to those teams' dashboards */
  teamId: string;
  goals: DashboardGoal[];
  caption: string;
  testId: string;
}) {
  const t = useTranslations("teamDashboard.goals");
  const tGoals = useTranslations("goals");
  const day = useDayFormat();
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-700">
          <tr>
            <th scope="col" className={TH}>
              {t("columns.goal")}
            </th>
            <th scope="col" className={TH}>
              {t("columns.owner")}
            </th>
            <th scope="col" className={TH}>
              {t("columns.team")}
            </th>
            <th scope="col" className={TH}>
              {t("columns.status")}
            </th>
            <th scope="col" className={`${TH} text-right`}>
              {t("columns.progress")}
            </th>
            <th scope="col" className={TH}>
              {t("columns.lastCheckIn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {goals.map((goal) => (
            <tr key={goal.id} data-testid="dashboard-goal-row" data-goal-id={goal.id} className="border-t border-slate-100 align-top">
              <th scope="row" className="max-w-xs px-3 py-2 font-normal">
                <Link href={goalHref(orgSlug, goal.id)} className={`${LINK} font-medium break-words`}>
                  {goal.title}
                </Link>
                <span className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-slate-600">
                  {goal.kind === "DEVELOPMENT" ? <span>{tGoals("kind.DEVELOPMENT")}</span> : null}
                  {!goal.accepted && goal.status !== "CLOSED" ? <span>{t("notAccepted")}</span> : null}
                </span>
              </th>
              <td className="px-3 py-2">
                <PersonLink orgSlug={orgSlug} person={goal.owner} />
              </td>
              <td className="px-3 py-2">
                {goal.team.id === teamId ? (
                  goal.team.name
                ) : (
                  <Link href={teamHref(orgSlug, goal.team.id)} className={LINK}>
                    {goal.team.name}
                  </Link>
                )}
              </td>
              <td className="px-3 py-2">
                <StandingCell goal={goal} />
              </td>
              <td className="px-3 py-2 text-right">
                <ProgressCell goal={goal} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-700">{goal.lastCheckIn ? day(goal.lastCheckIn) : t("noCheckIn")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Goals whose next check-in has passed, the longest overdue first. */
export function OverdueTable({ orgSlug, goals, today }: { orgSlug: string; goals: DashboardGoal[]; today: string }) {
  const t = useTranslations("teamDashboard.overdue");
  const day = useDayFormat();
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[32rem] text-left text-sm" data-testid="check-ins-overdue-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-50 text-xs text-slate-700">
          <tr>
            <th scope="col" className={TH}>
              {t("columns.goal")}
            </th>
            <th scope="col" className={TH}>
              {t("columns.owner")}
            </th>
            <th scope="col" className={TH}>
              {t("columns.due")}
            </th>
            <th scope="col" className={TH}>
              {t("columns.flag")}
            </th>
          </tr>
        </thead>
        <tbody>
          {goals.map((goal) => (
            <tr key={goal.id} data-testid="overdue-goal-row" data-goal-id={goal.id} className="border-t border-slate-100 align-top">
              <th scope="row" className="max-w-xs px-3 py-2 font-normal">
                <Link href={goalHref(orgSlug, goal.id)} className={`${LINK} break-words`}>
                  {goal.title}
                </Link>
              </th>
              <td className="px-3 py-2">
                <PersonLink orgSlug={orgSlug} person={goal.owner} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {goal.nextCheckInDue ? (
                  <>
                    {day(goal.nextCheckInDue)}
                    <span className="block text-xs text-slate-600">{t("daysOverdue", { days: daysBetween(goal.nextCheckInDue, today) })}</span>
                  </>
                ) : null}
              </td>
              <td className="px-3 py-2">{goal.stale ? <StaleFlag size="sm" /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
