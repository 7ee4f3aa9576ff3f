"use client";

import { useTranslations } from "next-intl";
import { FIGURE_IDS } from "../report-figures";

/** What every number on the page means, in words: the same definitions the report is built on. */
export function ReportDefinitions() {
  const t = useTranslations("reports");
  const entries: { term: string; definition: string; id: string }[] = [
    ...FIGURE_IDS.map((id) => ({ id, term: t(`figures.${id}.label`), definition: t(`figures.${id}.definition`) })),
    { id: "breakdown", term: `${t("breakdown.title.department")} / ${t("breakdown.title.team")}`, definition: t("breakdown.definition") },
    { id: "managers", term: t("managers.heading"), definition: t("managers.definition") },
  ];
  return (
    <section aria-labelledby="report-definitions-heading" data-testid="report-definitions" className="rounded-lg border border-slate-200 bg-white p-5 print:break-before-page print:border-0 print:p-0">
      <h2 id="report-definitions-heading" className="text-lg font-semibold">
        {t("definitions.heading")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("definitions.lead")}</p>
      <dl className="mt-4 grid gap-x-8 gap-y-3 text-sm md:grid-cols-2 print:grid-cols-1">
        {entries.map((entry) => (
          <div key={entry.id} className="print:break-inside-avoid" data-definition={entry.id}>
            <dt className="font-medium text-slate-900">{entry.term}</dt>
            <dd className="text-slate-700">{entry.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
