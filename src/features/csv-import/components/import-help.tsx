"use client";

import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/ui/button";
import { downloadCsv, exampleCsv } from "../csv-files";
import { HEADER_ALIASES, IMPORT_FIELDS, REQUIRED_FIELDS } from "../parse";

const RULES = ["keys", "empty", "roles", "teams", "invites", "managers"] as const;

/** The accepted columns (Swedish and English names), the rules in short, and an example file. */
export function ImportHelp() {
  const t = useTranslations("csvImport.help");
  const locale = useLocale();

  return (
    <section aria-labelledby="import-help-title" className="rounded-lg border border-slate-200 bg-slate-50 p-5 text-sm">
      <h2 id="import-help-title" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 text-slate-700">{t("lead")}</p>
      <table className="mt-3 w-full text-left">
        <thead className="text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">
              {t("column")}
            </th>
            <th scope="col" className="py-1 font-medium">
              {t("headers")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 align-top">
          {IMPORT_FIELDS.map((field) => {
            const names = [...new Set([...HEADER_ALIASES[field].sv, ...HEADER_ALIASES[field].en])];
            return (
              <tr key={field}>
                <th scope="row" className="py-1.5 pr-2 font-medium text-slate-900">
                  {t(`columns.${field}`)}
                  <span className="block text-xs font-normal text-slate-500">{REQUIRED_FIELDS.includes(field) ? t("required") : t("optional")}</span>
                </th>
                <td className="py-1.5 text-slate-700">
                  {names.map((name, index) => (
                    <span key={name}>
                      <code className="rounded bg-white px-1 text-xs whitespace-nowrap">{name}</code>
                      {index < names.length - 1 ? " " : ""}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ul className="mt-3 flex list-disc flex-col gap-1 pl-5 text-slate-700">
        {RULES.map((rule) => (
          <li key={rule}>{t(`rules.${rule}`)}</li>
        ))}
      </ul>
      <Button type="button" variant="secondary" className="mt-4" onClick={() => downloadCsv(t("exampleName"), exampleCsv(locale))}>
        {t("example")}
      </Button>
    </section>
  );
}
