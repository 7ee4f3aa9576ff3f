"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useDayFormat } from "@/features/goals/components/use-goal-format";
import { PersonLink } from "@/features/people/components/person-link";
import { useTRPC } from "@/lib/trpc/client";
import { Button, buttonClasses } from "@/ui/button";
import { Alert } from "@/ui/card";
import { SelectField } from "@/ui/field";
import { EmptyState } from "@/ui/page-parts";
import type { TeamDashboard } from "../team-dashboard.schema";
import { GoalTable, OverdueTable, teamHref } from "./goal-tables";
import { ProgressTrend } from "./progress-trend";
import { StatusDistribution } from "./status-distribution";
import { TeamDashboardSkeleton } from "./team-dashboard-skeleton";
import { PeopleWithoutGoal, StatCards, SubTeamTable } from "./team-sections";

function Section({ id, title, lead, children, className = "" }: { id: string; title: string; lead?: string; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={id} className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${className}`}>
      <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {lead ? <p className="mt-0.5 mb-3 text-sm text-slate-600">{lead}</p> : <div className="mb-3" />}
      {children}
    </section>
  );
}

/** "Showing 200 of 340." when a list was cut short. */
function More({ shown, total }: { shown: number; total: number }) {
  const t = useTranslations("teamDashboard");
  if (total <= shown) return null;
  return <p className="mt-2 text-sm text-slate-600">{t("more", { shown, total })}</p>;
}

/**
 * A team's dashboard: key figures, how the goals stand, progress month by month, the check-ins
 * overdue, the goals, who lacks an accepted goal and the sub-teams. Starts from the server's
 * answer; choosing another period fetches it here and keeps the address shareable.
 */
export function TeamDashboardView({ orgSlug, initial, initialPeriodId }: { orgSlug: string; initial: TeamDashboard; initialPeriodId: string | null }) {
  const t = useTranslations("teamDashboard");
  const day = useDayFormat();
  const trpc = useTRPC();
  const [periodId, setPeriodId] = useState<string | null>(initialPeriodId);
  const input = { orgSlug, teamId: initial.team.id, periodId };
  const query = useQuery(
    trpc.teamDashboard.get.queryOptions(input, {
      initialData: periodId === initialPeriodId ? initial : undefined,
      placeholderData: keepPreviousData,
    }),
  );

  function choosePeriod(id: string) {
    setPeriodId(id);
    // the address follows the choice without asking the server to render the page again
    const url = new URL(window.location.href);
    url.searchParams.set("period", id);
    window.history.replaceState(null, "", url);
  }

  const view = query.data;
  if (!view) {
    return query.isError ? (
      <div className="flex flex-col items-start gap-3">
        <Alert>{t("loadFailed")}</Alert>
        <Button variant="secondary" onClick={() => void query.refetch()}>
          {t("retry")}
        </Button>
      </div>
    ) : (
      <TeamDashboardSkeleton label={t("loading")} />
    );
  }

  const full = view.access === "full";
  const { team, summary } = view;
  const teamGoals = view.goals.rows.filter((goal) => goal.level === "TEAM");
  const peopleGoals = view.goals.rows.filter((goal) => goal.level !== "TEAM");
  const updating = query.isFetching && query.isPlaceholderData;

  return (
    <div className="flex flex-col gap-5" data-testid="team-dashboard" data-access={view.access} aria-busy={updating || undefined}>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap items-center gap-x-1.5 text-slate-600">
          <li>
            <Link href={`/o/${orgSlug}/org-chart`} className="text-brand-700 underline-offset-2 hover:underline">
              {t("orgChart")}
            </Link>
          </li>
          {team.path.map((ancestor) => (
            <li key={ancestor.id} className="flex items-center gap-x-1.5">
              <span aria-hidden>›</span>
              <Link href={teamHref(orgSlug, ancestor.id)} className="text-brand-700 underline-offset-2 hover:underline">
                {ancestor.name}
              </Link>
            </li>
          ))}
          <li className="flex items-center gap-x-1.5">
            <span aria-hidden>›</span>
            <span aria-current="page">{team.name}</span>
          </li>
        </ol>
      </nav>

      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm font-medium text-brand-700">{t("kicker")}</p>
          <h1 className="text-2xl font-semibold tracking-tight break-words" data-testid="team-dashboard-title">
            {team.name}
            {team.archived ? <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 align-middle text-sm font-normal">{t("archived")}</span> : null}
          </h1>
          <p className="mt-1 text-sm text-slate-700">
            <span className="text-slate-600">{t("leads")}: </span>
            {team.leads.length > 0
              ? team.leads.map((lead, index) => (
                  <span key={lead.membershipId}>
                    {index > 0 ? ", " : null}
                    <PersonLink orgSlug={orgSlug} person={lead} />
                  </span>
                ))
              : t("noLeads")}
          </p>
        </div>
        {view.periods.length > 0 ? (
          <div className="flex flex-col items-start gap-1 sm:items-end">
            <div className="w-56">
              <SelectField
                label={t("period")}
                value={view.period?.id ?? ""}
                onChange={(event) => choosePeriod(event.target.value)}
                data-testid="team-dashboard-period"
              >
                {view.periods.map((period) => (
                  <option key={period.id} value={period.id}>
                    {period.isCurrent ? t("currentPeriod", { name: period.name }) : period.name}
                  </option>
                ))}
              </SelectField>
            </div>
            <p className="text-xs text-slate-600" aria-live="polite">
              {updating ? t("updating") : t("asOf", { date: day(view.today) })}
            </p>
          </div>
        ) : null}
      </header>

      {query.isError ? <Alert>{t("loadFailed")}</Alert> : null}

      {full ? null : (
        <div data-testid="team-dashboard-public-notice">
          <Alert tone="info">{t("publicNotice")}</Alert>
        </div>
      )}

      {view.period === null ? (
        <EmptyState title={t("noPeriod.title")}>{t("noPeriod.body")}</EmptyState>
      ) : (
        <div className={`flex flex-col gap-5 transition-opacity ${updating ? "opacity-60" : ""}`}>
          <StatCards stats={summary} showPeople={full} />

          {summary.goals === 0 ? (
            <div data-testid="team-dashboard-empty">
              <EmptyState title={t("noGoals.title", { team: team.name, period: view.period.name })}>
                <p>{t("noGoals.body")}</p>
                <Link href={`/o/${orgSlug}/goals/new`} className={buttonClasses("secondary", "mt-3")}>
                  {t("noGoals.action")}
                </Link>
              </EmptyState>
            </div>
          ) : (
            <>
              <div className="grid gap-5 xl:grid-cols-2">
                <Section id="status-distribution" title={t("distribution.title")} lead={t("distribution.lead")}>
                  <StatusDistribution stats={summary} />
                </Section>
                <Section id="progress-trend" title={t("trend.title")} lead={t("trend.lead")}>
                  <ProgressTrend trend={view.trend} showPeople={full} />
                </Section>
              </div>

              <Section id="check-ins-overdue" title={t("overdue.title")} lead={t("overdue.lead")}>
                {view.overdue.rows.length > 0 ? (
                  <>
                    <OverdueTable orgSlug={orgSlug} goals={view.overdue.rows} today={view.today} />
                    <More shown={view.overdue.rows.length} total={view.overdue.total} />
                  </>
                ) : (
                  <p className="text-sm text-slate-600">{t("overdue.empty")}</p>
                )}
              </Section>

              <Section id="team-goals" title={t("goals.teamTitle")}>
                {teamGoals.length > 0 ? (
                  <GoalTable orgSlug={orgSlug} teamId={team.id} goals={teamGoals} caption={t("goals.teamCaption")} testId="team-goals-table" />
                ) : (
                  <p className="text-sm text-slate-600">{t("goals.emptyTeam")}</p>
                )}
              </Section>

              {full ? (
                <Section id="people-goals" title={t("goals.peopleTitle")}>
                  {peopleGoals.length > 0 ? (
                    <GoalTable orgSlug={orgSlug} teamId={team.id} goals={peopleGoals} caption={t("goals.peopleCaption")} testId="people-goals-table" />
                  ) : (
                    <p className="text-sm text-slate-600">{t("goals.emptyPeople")}</p>
                  )}
                </Section>
              ) : null}
              <More shown={view.goals.rows.length} total={view.goals.total} />
            </>
          )}

          {full && view.withoutAcceptedGoal ? (
            <Section id="without-accepted-goal" title={t("without.title")} lead={t("without.lead")}>
              {view.withoutAcceptedGoal.rows.length > 0 ? (
                <>
                  <PeopleWithoutGoal orgSlug={orgSlug} teamId={team.id} people={view.withoutAcceptedGoal.rows} />
                  <More shown={view.withoutAcceptedGoal.rows.length} total={view.withoutAcceptedGoal.total} />
                </>
              ) : (
                <p className="text-sm text-slate-600">{t("without.empty")}</p>
              )}
            </Section>
          ) : null}

          {full && view.subTeams && view.subTeams.length > 0 ? (
            <Section id="sub-teams" title={t("subTeams.title")} lead={t("subTeams.lead")}>
              <SubTeamTable orgSlug={orgSlug} rows={view.subTeams} />
            </Section>
          ) : null}
        </div>
      )}
    </div>
  );
}
