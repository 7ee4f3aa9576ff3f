"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import type { BreakdownRow, Completion, HrReport, Ratio } from "../reports.schema";
import { useReportFormat } from "./use-report-format";

const TH = "px-3 py-2 font-medium";
const TD = "px-3 py-1.5";
const NUM = "px-3 py-1.5 text-right tabular-nums";

function TableFrame({ caption, testId, id, children }: { caption: string; testId: string; id?: string; children: ReactNode }) {
  // relative: the cells' screen-reader-only labels are positioned against the frame, so they
  // scroll inside it with the table instead of widening the whole page on a phone
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm print:overflow-visible print:shadow-none">
      <table id={id} data-testid={testId} className="w-full text-left text-sm print:text-xs">
        <caption className="px-3 pt-2 pb-1 text-left text-xs text-slate-600">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

/** "66,7 %" with "4 av 6" beneath: a rate and what it is made of. */
function RateCell({ ratio, testId }: { ratio: Ratio; testId: string }) {
  const t = useTranslations("reports.figures");
  const f = useReportFormat();
  return (
    <td className={NUM} data-testid={testId} data-count={ratio.count} data-of={ratio.of} data-percent={ratio.percent ?? ""}>
      <span className="font-medium">{f.percent(ratio.percent)}</span>
      {ratio.of === 0 ? (
        <span className="sr-only">{t("noBase")}</span>
      ) : (
        <span className="block text-xs text-slate-600">{t("ofBase", { count: f.count(ratio.count), of: f.count(ratio.of) })}</span>
      )}
    </td>
  );
}

function CompletionCells({ goals, completion }: { goals: number; completion: Completion }) {
  const f = useReportFormat();
  return (
    <>
      <td className={NUM} data-testid="report-breakdown-goals">
        {f.count(goals)}
      </td>
      <td className={NUM} data-testid="report-breakdown-due">
        {f.count(completion.due)}
      </td>
      <RateCell ratio={completion.atMinimum} testId="report-breakdown-minimum" />
      <RateCell ratio={completion.atTarget} testId="report-breakdown-target" />
      <RateCell ratio={completion.atStretch} testId="report-breakdown-stretch" />
      <td className={NUM}>{f.count(completion.closed)}</td>
      <td className={NUM}>{f.count(completion.unconfirmed)}</td>
    </>
  );
}

/** Completion per department or team, with the whole selection as the last row: the chart's numbers. */
export function BreakdownTable({ report, id }: { report: HrReport; id: string }) {
  const t = useTranslations("reports");
  const by = report.breakdown.by;
  const groupName = (row: BreakdownRow) =>
    row.team === null ? t("breakdown.noTeam") : row.team.archived ? t("filters.archivedTeam", { name: row.team.name }) : row.team.name;
  return (
    <TableFrame caption={t("breakdown.caption")} testId="report-breakdown-table" id={id}>
      <thead className="bg-slate-50 text-xs text-slate-700">
        <tr>
          <th scope="col" className={TH}>
            {t(`breakdown.group.${by}`)}
          </th>
          {(["goals", "due", "atMinimum", "atTarget", "atStretch", "closed", "unconfirmed"] as const).map((column) => (
            <th key={column} scope="col" className={`${TH} text-right`}>
              {t(`breakdown.columns.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.breakdown.rows.map((row) => (
          <tr key={row.team?.id ?? "none"} className="border-t border-slate-100" data-testid="report-breakdown-row" data-team-id={row.team?.id ?? ""}>
            <th scope="row" className={`${TD} font-normal`}>
              {groupName(row)}
            </th>
            <CompletionCells goals={row.goals} completion={row.completion} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t-2 border-slate-300 bg-slate-50 font-medium" data-testid="report-breakdown-total">
          <th scope="row" className={TD}>
            {t("breakdown.total")}
          </th>
          <CompletionCells goals={report.goals} completion={report.completion} />
        </tr>
      </tfoot>
    </TableFrame>
  );
}

/** Per manager: their reports' goals signed by both and the check-ins of the last 30 and 60 days. */
export function ManagersTable({ report }: { report: HrReport }) {
  const t = useTranslations("reports.managers");
  const f = useReportFormat();
  if (report.managers.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const columns = ["directReports", "allReports", "goalsSigned", "checkIns30", "checkIns60"] as const;
  return (
    <TableFrame caption={t("caption")} testId="report-managers-table">
      <thead className="bg-slate-50 text-xs text-slate-700">
        <tr>
          <th scope="col" className={TH}>
            {t("columns.name")}
          </th>
          <th scope="col" className={TH}>
            {t("columns.team")}
          </th>
          {columns.map((column) => (
            <th key={column} scope="col" className={`${TH} text-right`}>
              {t(`columns.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.managers.map((row) => (
          <tr key={row.membershipId} className="border-t border-slate-100 print:break-inside-avoid" data-testid="report-manager-row" data-membership-id={row.membershipId}>
            <th scope="row" className={`${TD} font-normal`}>
              {row.name}
            </th>
            <td className={TD}>{row.team ?? "–"}</td>
            {columns.map((column) => (
              <td key={column} className={NUM} data-column={column}>
                {f.count(row[column])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}

/** The closed goals whose computed outcome waits for the manager, each linked to its goal page. */
export function UnconfirmedTable({ report, orgSlug }: { report: HrReport; orgSlug: string }) {
  const t = useTranslations("reports.unconfirmed");
  const tGoals = useTranslations("goals");
  const f = useReportFormat();
  const total = report.completion.unconfirmed;
  if (total === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <div className="flex flex-col gap-1">
      <TableFrame caption={t("caption")} testId="report-unconfirmed-table">
        <thead className="bg-slate-50 text-xs text-slate-700">
          <tr>
            {(["goal", "level", "owner", "manager", "outcome", "closedOn"] as const).map((column) => (
              <th key={column} scope="col" className={TH}>
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.unconfirmedGoals.map((goal) => (
            <tr key={goal.id} className="border-t border-slate-100 print:break-inside-avoid" data-testid="report-unconfirmed-row" data-goal-id={goal.id}>
              <th scope="row" className={`${TD} font-normal`}>
                <Link href={`/o/${orgSlug}/goals/${goal.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {goal.title}
                </Link>
              </th>
              <td className={TD}>{tGoals(`level.${goal.level}`)}</td>
              <td className={TD}>{goal.owner.name}</td>
              <td className={TD}>{goal.managerName ?? "–"}</td>
              <td className={TD}>{goal.outcome ? tGoals(`outcome.${goal.outcome}`) : "–"}</td>
              <td className={`${TD} whitespace-nowrap`}>{goal.closedOn ? f.date(goal.closedOn) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </TableFrame>
      {report.unconfirmedGoals.length < total ? (
        <p className="text-xs text-slate-600">{t("more", { shown: report.unconfirmedGoals.length, total })}</p>
      ) : null}
    </div>
  );
}
