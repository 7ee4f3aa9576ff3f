"use client";

import { useTranslations } from "next-intl";
import type { ChartData } from "../chart-data";
import type { CheckInTarget } from "../checkins.schema";
import { useChartDates } from "./progress-chart";
import { useReadingFormat } from "./use-check-in-format";

type Measure = Pick<CheckInTarget, "title" | "measureType" | "unit" | "decimals">;

/** The charts' numbers as a table, for screen readers and anyone who wants the exact values. */
export function CheckInTable({ measure, data, showConfidence }: { measure: Measure; data: ChartData; showConfidence: boolean }) {
  const t = useTranslations("goalProgress.chart");
  const tOutcome = useTranslations("goals.outcome");
  const reading = useReadingFormat();
  const dates = useChartDates();
  const binary = measure.measureType === "BINARY";
  const round = (value: number) => Number(value.toFixed(Math.min(4, Math.max(0, measure.decimals))));

  return (
    <details className="group rounded-md border border-slate-200 bg-white">
      <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-slate-50">{t("showTable")}</summary>
      <div className="relative overflow-x-auto border-t border-slate-200">
        <table className="w-full text-left text-sm" data-testid="check-in-table">
          <caption className="px-3 pt-2 pb-1 text-left text-xs text-slate-600">{t("tableCaption", { title: measure.title })}</caption>
          <thead className="bg-slate-50 text-xs text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("columns.date")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("columns.value")}
              </th>
              {binary ? null : (
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("columns.ideal")}
                </th>
              )}
              <th scope="col" className="px-3 py-2 font-medium">
                {t("columns.level")}
              </th>
              {showConfidence ? (
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("columns.confidence")}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {data.points.map((row) => (
              <tr key={row.date} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-1.5 font-normal whitespace-nowrap">
                  {dates.full(row.time)}
                </th>
                <td className="px-3 py-1.5 text-right tabular-nums">{reading(measure, row.value!)}</td>
                {binary ? null : <td className="px-3 py-1.5 text-right text-slate-600 tabular-nums">{row.ideal === null ? "–" : reading(measure, round(row.ideal))}</td>}
                <td className="px-3 py-1.5">{row.level ? tOutcome(row.level) : "–"}</td>
                {showConfidence ? <td className="px-3 py-1.5 text-right tabular-nums">{row.confidence ?? "–"}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
