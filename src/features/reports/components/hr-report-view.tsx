"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError } from "@/lib/trpc/errors";
import { Button, buttonClasses } from "@/ui/button";
import { Alert } from "@/ui/card";
import { EmptyState, Skeleton } from "@/ui/page-parts";
import { DEFAULT_REPORT_VIEW, filtersOf, isFiltered, parseReportView, periodOf, reportViewQuery, type ExportFormat, type ReportView } from "../report-params";
import type { HrReport } from "../reports.schema";
import { CompletionChart } from "./completion-chart";
import { ReportDefinitions } from "./report-definitions";
import { ReportFigures } from "./report-figures";
import { ReportFilters, type PeriodChoice } from "./report-filters";
import { BreakdownTable, ManagersTable, UnconfirmedTable } from "./report-tables";
import { useReportFormat } from "./use-report-format";

const BREAKDOWN_TABLE_ID = "report-breakdown-table";

function Title() {
  const t = useTranslations("reports");
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 text-slate-600 print:hidden">{t("lead")}</p>
    </div>
  );
}

/** The HR report page: period and filters in the URL, the figures, the chart, the tables and the downloads. */
export function HrReportView({ orgSlug, organizationName, periods }: { orgSlug: string; organizationName: string; periods: PeriodChoice[] }) {
  const t = useTranslations("reports");
  const view = parseReportView(useSearchParams());
  const period = periodOf(view, periods);

  if (!period) {
    return (
      <div className="flex flex-col gap-5" data-testid="report-page">
        <Title />
        <div data-testid="report-no-periods">
          <EmptyState title={t("noPeriods.title")}>
            <p>{t("noPeriods.body")}</p>
            <Link href={`/o/${orgSlug}/admin/periods`} className={buttonClasses("secondary", "mt-3")}>
              {t("noPeriods.action")}
            </Link>
          </EmptyState>
        </div>
      </div>
    );
  }
  return <ReportForPeriod orgSlug={orgSlug} organizationName={organizationName} periods={periods} view={view} periodId={period.id} />;
}

function ReportForPeriod({
  orgSlug,
  organizationName,
  periods,
  view,
  periodId,
}: {
  orgSlug: string;
  organizationName: string;
  periods: PeriodChoice[];
  view: ReportView;
  periodId: string;
}) {
  const t = useTranslations("reports");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const report = useQuery(trpc.report.hr.queryOptions({ orgSlug, periodId, filters: filtersOf(view) }, { placeholderData: keepPreviousData }));

  const setView = (patch: Partial<ReportView>) => router.replace(`${pathname}${reportViewQuery({ ...view, ...patch })}`, { scroll: false });
  const clearFilters = () => setView({ ...DEFAULT_REPORT_VIEW, period: view.period });
  const filtered = isFiltered(view);
  // the files carry the period shown, so they hold the page's numbers even if the current period changes meanwhile
  const exportHref = (format: ExportFormat) => `/o/${orgSlug}/reports/export${reportViewQuery({ ...view, period: periodId }, { format })}`;
  const data = report.data;

  return (
    <div className="flex flex-col gap-6" data-testid="report-page" data-period-id={periodId}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <Title />
        <div role="group" aria-label={t("actions.label")} className="flex flex-wrap gap-2 print:hidden">
          <a href={exportHref("csv")} download data-testid="report-download-csv" className={buttonClasses("secondary")}>
            <DownloadIcon />
            {t("actions.csv")}
          </a>
          <a href={exportHref("xlsx")} download data-testid="report-download-xlsx" className={buttonClasses("secondary")}>
            <DownloadIcon />
            {t("actions.xlsx")}
          </a>
          <Button type="button" variant="ghost" data-testid="report-print" onClick={() => window.print()}>
            {t("actions.print")}
          </Button>
        </div>
      </div>

      <ReportFilters
        view={view}
        periodId={periodId}
        periods={periods}
        teams={data?.teams ?? null}
        filtered={filtered}
        onChange={setView}
        onClear={clearFilters}
      />

      {report.isError && !data ? (
        <div data-testid="report-error" className="flex flex-col gap-3">
          <Alert>
            <span>{t("loadFailed")} </span>
            <span>{errorMessage(toClientError(report.error).messageKey, toClientError(report.error).params)} </span>
            <button type="button" className="font-medium underline" onClick={() => void report.refetch()}>
              {t("retry")}
            </button>
          </Alert>
          {filtered ? (
            <div>
              <Button type="button" variant="secondary" onClick={clearFilters}>
                {t("filters.clear")}
              </Button>
            </div>
          ) : null}
        </div>
      ) : !data ? (
        <div data-testid="report-loading">
          <Skeleton label={t("loading")} rows={8} />
        </div>
      ) : (
        <div
          aria-busy={report.isFetching || undefined}
          data-testid="report-content"
          className={`flex flex-col gap-8 ${report.isPlaceholderData ? "opacity-60 transition-opacity" : ""}`}
        >
          <SelectionSummary report={data} organizationName={organizationName} />
          {data.goals === 0 ? (
            <div data-testid="report-empty">
              <EmptyState title={t("empty.title")}>
                <p>{filtered ? t("empty.filtered") : t("empty.period")}</p>
                {filtered ? (
                  <Button type="button" variant="secondary" className="mt-3" onClick={clearFilters}>
                    {t("filters.clear")}
                  </Button>
                ) : (
                  <Link href={`/o/${orgSlug}/goals`} className={buttonClasses("secondary", "mt-3")}>
                    {t("empty.goalsLink")}
                  </Link>
                )}
              </EmptyState>
            </div>
          ) : (
            <ReportBody report={data} orgSlug={orgSlug} />
          )}
          <ReportDefinitions />
        </div>
      )}
    </div>
  );
}

function DownloadIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className="size-4">
      <path d="M10 3v10m0 0l-4-4m4 4l4-4M4 16h12" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** What the numbers cover: the period, the day they were worked out, the filters (also on paper). */
function SelectionSummary({ report, organizationName }: { report: HrReport; organizationName: string }) {
  const t = useTranslations("reports");
  const tGoals = useTranslations("goals");
  const tRoles = useTranslations("roles");
  const f = useReportFormat();
  const name = (id: string | null) => (id === null ? null : (report.teams.find((team) => team.id === id)?.name ?? null));
  const filters = report.filters;
  const chosen = [
    { label: t("filters.department"), value: name(filters.departmentTeamId) ?? t("filters.allDepartments") },
    { label: t("filters.team"), value: name(filters.teamId) ?? t("filters.allTeams") },
    { label: t("filters.kind"), value: filters.kind ? tGoals(`kind.${filters.kind}`) : t("filters.allKinds") },
    { label: t("filters.level"), value: filters.level ? tGoals(`level.${filters.level}`) : t("filters.allLevels") },
    { label: t("filters.role"), value: filters.role ? tRoles(filters.role) : t("filters.allRoles") },
  ];
  return (
    <div className="flex flex-col gap-1 text-sm text-slate-700" data-testid="report-summary">
      <p className="hidden font-medium print:block">{organizationName}</p>
      <p>
        {t("filters.summary", {
          period: report.period.name,
          start: f.date(report.period.startDate),
          end: f.date(report.period.endDate),
          today: f.date(report.today),
          cutoff: f.date(report.cutoff),
        })}{" "}
        {report.period.closedOn ? t("filters.periodClosed", { date: f.date(report.period.closedOn) }) : null}
      </p>
      <dl className="hidden flex-wrap gap-x-4 print:flex">
        {chosen.map((entry) => (
          <div key={entry.label} className="flex gap-1">
            <dt>{entry.label}:</dt>
            <dd className="font-medium">{entry.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function ReportBody({ report, orgSlug }: { report: HrReport; orgSlug: string }) {
  const t = useTranslations("reports");
  return (
    <>
      <ReportFigures report={report} />

      <section aria-labelledby="report-completion-heading" className="flex flex-col gap-3">
        <h2 id="report-completion-heading" className="text-lg font-semibold">
          {t("chart.title")}
        </h2>
        <CompletionChart report={report} tableId={BREAKDOWN_TABLE_ID} />
        <h3 className="text-base font-semibold">{t(`breakdown.title.${report.breakdown.by}`)}</h3>
        <BreakdownTable report={report} id={BREAKDOWN_TABLE_ID} />
      </section>

      <section aria-labelledby="report-managers-heading" className="flex flex-col gap-3">
        <h2 id="report-managers-heading" className="text-lg font-semibold">
          {t("managers.heading")}
        </h2>
        <ManagersTable report={report} />
      </section>

      <section aria-labelledby="report-unconfirmed-heading" className="flex flex-col gap-3">
        <h2 id="report-unconfirmed-heading" className="text-lg font-semibold">
          {t("unconfirmed.heading")}
        </h2>
        <UnconfirmedTable report={report} orgSlug={orgSlug} />
      </section>
    </>
  );
}
