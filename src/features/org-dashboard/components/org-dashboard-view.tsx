"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { usePointsFormat } from "@/features/checkins/components/use-check-in-format";
import { StatusBadge } from "@/features/goals/components/status-badge";
import { useTRPC } from "@/lib/trpc/client";
import { Alert } from "@/ui/card";
import { SelectField } from "@/ui/field";
import { SectionHeader, Skeleton } from "@/ui/page-parts";
import type { Alignment, DashboardChildren, OrgDashboardOverview } from "../org-dashboard.schema";
import { CascadeTree } from "./cascade-tree";
import { DepartmentComparison } from "./department-comparison";
import { MonthlyTrend } from "./monthly-trend";

type Period = { id: string; name: string; isCurrent: boolean };

function Section({ id, title, description, children, testId }: { id: string; title: string; description?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <section aria-labelledby={id} data-testid={testId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div id={id}>
        <SectionHeader title={title} description={description} />
      </div>
      {children}
    </section>
  );
}

function KeyFigure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
      {hint ? <dd className="mt-0.5 text-xs text-slate-600">{hint}</dd> : null}
    </div>
  );
}

/**
 * The organisation dashboard for one period: key figures, the cascade tree (loaded a level at
 * a time), the department comparison, the monthly trend and the organisation goals nothing
 * links to. Performance goals only: development goals are private.
 */
export function OrgDashboardView({
  orgSlug,
  periods,
  initialPeriodId,
  initialOverview,
  initialRoots,
  canCreateOrganizationGoals,
  canManageTeams,
}: {
  orgSlug: string;
  periods: Period[];
  initialPeriodId: string;
  initialOverview: OrgDashboardOverview;
  initialRoots: DashboardChildren;
  canCreateOrganizationGoals: boolean;
  canManageTeams: boolean;
}) {
  const t = useTranslations("orgDashboard");
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const percent = usePointsFormat();
  const format = useFormatter();
  const requested = searchParams.get("period");
  const periodId = requested && periods.some((period) => period.id === requested) ? requested : initialPeriodId;
  const initial = periodId === initialPeriodId;

  const overview = useQuery(
    trpc.orgDashboard.overview.queryOptions({ orgSlug, periodId }, { initialData: initial ? initialOverview : undefined, placeholderData: keepPreviousData }),
  );

  function choosePeriod(id: string) {
    const params = new URLSearchParams(searchParams.toString());
    params.set("period", id);
    // the numbers are fetched here; the address only remembers the choice
    window.history.replaceState(null, "", `?${params.toString()}`);
  }

  const data = overview.data;
  const organization = data?.comparison.organization;

  return (
    <div className="flex flex-col gap-6" data-testid="org-dashboard">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 max-w-3xl text-slate-600">{t("lead")}</p>
        </div>
        <div className="w-full sm:w-60" data-testid="dashboard-period">
          <SelectField label={t("period")} value={periodId} onChange={(event) => choosePeriod(event.target.value)}>
            {periods.map((item) => (
              <option key={item.id} value={item.id}>
                {item.isCurrent ? t("currentPeriod", { name: item.name }) : item.name}
              </option>
            ))}
          </SelectField>
        </div>
      </div>

      {overview.isError && !data ? (
        <Alert>
          <span>{t("loadFailed")} </span>
          <button type="button" className="font-medium underline" onClick={() => void overview.refetch()}>
            {t("retry")}
          </button>
        </Alert>
      ) : !data || !organization ? (
        <Skeleton label={t("loading")} rows={4} />
      ) : (
        <div aria-busy={overview.isFetching || undefined} className={overview.isPlaceholderData ? "opacity-60 transition-opacity" : ""}>
          <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <KeyFigure
              label={t("figures.aligned")}
              value={data.alignment.sharePoints === null ? t("figures.none") : percent(data.alignment.sharePoints)}
              hint={t("figures.alignedHint", { aligned: data.alignment.aligned, total: data.alignment.total })}
              testId="dashboard-aligned-share"
            />
            <KeyFigure
              label={t("figures.goals")}
              value={format.number(organization.goals)}
              hint={t("figures.goalsHint", { active: organization.active, closed: organization.closed })}
              testId="dashboard-goal-count"
            />
            <KeyFigure
              label={t("figures.mean")}
              value={organization.meanProgressPoints === null ? t("figures.none") : percent(organization.meanProgressPoints)}
              hint={t("figures.meanHint")}
              testId="dashboard-mean-progress"
            />
            <KeyFigure
              label={t("figures.checkIns")}
              value={format.number(organization.checkIns30d)}
              hint={t("figures.checkInsHint", { stale: organization.stale })}
              testId="dashboard-check-ins-30d"
            />
          </dl>
        </div>
      )}

      <Section id="dashboard-tree-heading" testId="dashboard-tree-section" title={t("tree.title")} description={t("tree.lead")}>
        <CascadeTree
          key={periodId}
          orgSlug={orgSlug}
          periodId={periodId}
          initialRoots={initial ? initialRoots : undefined}
          canCreateOrganizationGoals={canCreateOrganizationGoals}
        />
      </Section>

      {data ? (
        <>
          <Section id="dashboard-departments-heading" testId="dashboard-departments" title={t("departments.title")} description={t("departments.lead")}>
            <DepartmentComparison orgSlug={orgSlug} comparison={data.comparison} canManageTeams={canManageTeams} />
          </Section>
          <Section id="dashboard-trend-heading" testId="dashboard-trend" title={t("trend.title")} description={t("trend.lead", { period: data.period.name })}>
            <MonthlyTrend trend={data.trend} />
          </Section>
          <Section id="dashboard-orphans-heading" testId="dashboard-alignment" title={t("orphans.title")} description={t("orphans.lead")}>
            <Orphans orgSlug={orgSlug} alignment={data.alignment} />
          </Section>
          <p className="text-xs text-slate-600">{t("footnote", { today: format.dateTime(new Date(`${data.today}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) })}</p>
        </>
      ) : null}
    </div>
  );
}

function Orphans({ orgSlug, alignment }: { orgSlug: string; alignment: Alignment }) {
  const t = useTranslations("orgDashboard.orphans");
  if (alignment.orphanCount === 0) {
    return (
      <p className="text-sm text-slate-700" data-testid="dashboard-orphans-none">
        {t("none")}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <ul className="flex flex-col divide-y divide-slate-100" data-testid="dashboard-orphans">
        {alignment.orphans.map((goal) => (
          <li key={goal.id} data-testid="dashboard-orphan" data-goal-id={goal.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="flex min-w-0 flex-wrap items-center gap-2">
              <Link href={`/o/${orgSlug}/goals/${goal.id}`} className="font-medium break-words text-brand-700 underline-offset-2 hover:underline">
                {goal.title}
              </Link>
              {goal.status !== "ACTIVE" ? <StatusBadge status={goal.status} /> : null}
            </span>
            <Link href={`/o/${orgSlug}/people/${goal.owner.membershipId}`} className="text-sm text-slate-600 underline-offset-2 hover:underline">
              {goal.owner.name}
            </Link>
          </li>
        ))}
      </ul>
      {alignment.orphanCount > alignment.orphans.length ? (
        <p className="text-xs text-slate-600">{t("more", { shown: alignment.orphans.length, total: alignment.orphanCount })}</p>
      ) : null}
      <p className="text-sm text-slate-700">{t("advice")}</p>
    </div>
  );
}
