"use client";

import { useTranslations } from "next-intl";
import { headlineFigures, RATE_IDS, RATIO_IDS, type Figure } from "../report-figures";
import type { HrReport } from "../reports.schema";
import { useReportFormat } from "./use-report-format";

/** The raw numbers on every figure, so a test can hold the page against the downloaded files. */
function figureData(figure: Figure) {
  return {
    "data-testid": `report-figure-${figure.id}`,
    "data-figure": figure.id,
    "data-value": figure.value ?? "",
    "data-of": figure.of ?? "",
    "data-percent": figure.percent ?? "",
  };
}

/** The three completion rates up front, then every other headline figure. */
export function ReportFigures({ report }: { report: HrReport }) {
  const t = useTranslations("reports.figures");
  const f = useReportFormat();
  const figures = headlineFigures(report);
  const rates = figures.filter((figure) => (RATE_IDS as readonly string[]).includes(figure.id));
  const others = figures.filter((figure) => !(RATE_IDS as readonly string[]).includes(figure.id));

  const isRatio = (figure: Figure) => RATIO_IDS.includes(figure.id);
  const detail = (figure: Figure) =>
    figure.of === 0 ? t("noBase") : t("ofBase", { count: f.count(figure.value ?? 0), of: f.count(figure.of ?? 0) });

  return (
    <section aria-labelledby="report-figures-heading" className="flex flex-col gap-3 print:break-inside-avoid">
      <h2 id="report-figures-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-3">
        {rates.map((figure) => (
          <li key={figure.id} {...figureData(figure)} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:shadow-none">
            <p className="text-sm font-medium text-slate-700">{t(`${figure.id}.label`)}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{f.percent(figure.percent)}</p>
            <p className="mt-1 text-sm text-slate-600">{detail(figure)}</p>
          </li>
        ))}
      </ul>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {others.map((figure) => {
          const ratio = isRatio(figure);
          return (
            <div key={figure.id} {...figureData(figure)} className="rounded-lg border border-slate-200 bg-white px-4 py-3 print:shadow-none">
              <dt className="text-xs font-medium text-slate-600">{t(`${figure.id}.label`)}</dt>
              <dd className="mt-1 text-xl font-semibold tabular-nums text-slate-900">
                {ratio ? f.percent(figure.percent) : figure.id === "medianCheckIns" ? f.decimal(figure.value) : f.count(figure.value ?? 0)}
              </dd>
              {ratio ? <dd className="text-xs text-slate-600">{detail(figure)}</dd> : null}
            </div>
          );
        })}
      </dl>
    </section>
  );
}
