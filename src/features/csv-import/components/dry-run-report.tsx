"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Badge } from "@/ui/page-parts";
import type { DryRunResult, RowView } from "../csv-import.schema";

const PAGE_SIZE = 100;

type Filter = "all" | RowView["action"];

const ACTION_TONE = { invite: "info", update: "warning", unchanged: "neutral", error: "danger" } as const;

/** The dry run's per-row table: what happens to each row, and every error in red beside it. */
export function DryRunTable({ result }: { result: DryRunResult }) {
  const t = useTranslations("csvImport");
  const hasErrors = result.summary.error > 0;
  const [filter, setFilter] = useState<Filter>(hasErrors ? "error" : "all");
  const [page, setPage] = useState(0);

  const rows = useMemo(() => (filter === "all" ? result.rows : result.rows.filter((row) => row.action === filter)), [filter, result.rows]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  const filters: { value: Filter; label: string; count: number }[] = [
    { value: "all", label: t("table.all", { count: result.summary.rows }), count: result.summary.rows },
    { value: "error", label: t("table.filterError", { count: result.summary.error }), count: result.summary.error },
    { value: "invite", label: t("table.filterInvite", { count: result.summary.invite }), count: result.summary.invite },
    { value: "update", label: t("table.filterUpdate", { count: result.summary.update }), count: result.summary.update },
    { value: "unchanged", label: t("table.filterUnchanged", { count: result.summary.unchanged }), count: result.summary.unchanged },
  ];

  return (
    <div className="flex flex-col gap-3">
      <div role="group" aria-label={t("table.filter")} className="flex flex-wrap gap-2">
        {filters
          .filter((option) => option.value === "all" || option.count > 0)
          .map((option) => (
            <button
              key={option.value}
              type="button"
              aria-pressed={filter === option.value}
              onClick={() => {
                setFilter(option.value);
                setPage(0);
              }}
              className={`rounded-full border px-3 py-1 text-sm ${
                filter === option.value ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
              }`}
            >
              {option.label}
            </button>
          ))}
      </div>

      {shown.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">{t("table.emptyFilter")}</p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          {/* a table from the small breakpoint up; below it each row stacks as a small card */}
          <table className="block w-full text-left text-sm sm:table">
            <caption className="sr-only">{t("table.caption")}</caption>
            <thead className="hidden bg-slate-50 text-xs text-slate-600 uppercase sm:table-header-group">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("table.row")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("table.person")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("table.action")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("table.details")}
                </th>
              </tr>
            </thead>
            <tbody className="block divide-y divide-slate-100 sm:table-row-group">
              {shown.map((row) => (
                <RowLine key={row.rowNumber} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 ? (
        <nav aria-label={t("table.pagination")} className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <span className="text-slate-600">
            {t("table.page", { from: page * PAGE_SIZE + 1, to: Math.min(rows.length, (page + 1) * PAGE_SIZE), total: rows.length })}
          </span>
          <span className="flex gap-2">
            <button type="button" className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-50" disabled={page === 0} onClick={() => setPage(page - 1)}>
              {t("table.previous")}
            </button>
            <button
              type="button"
              className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-50"
              disabled={page >= pages - 1}
              onClick={() => setPage(page + 1)}
            >
              {t("table.next")}
            </button>
          </span>
        </nav>
      ) : null}
    </div>
  );
}

function RowLine({ row }: { row: RowView }) {
  const t = useTranslations("csvImport");
  const tRoles = useTranslations("roles");
  const value = (field: RowView["changes"][number]["field"], text: string | null) => {
    if (text === null) return t("table.none");
    return field === "role" ? tRoles(text as "ADMIN") : text;
  };
  const failed = row.errors.length > 0;
  return (
    <tr
      data-testid={`import-row-${row.rowNumber}`}
      className={`grid grid-cols-[2.5rem_minmax(0,1fr)_auto] gap-x-2 px-3 py-2 sm:table-row sm:p-0 ${failed ? "bg-red-50/60" : ""}`}
    >
      <td className="pt-0.5 align-top font-mono text-xs text-slate-600 tabular-nums sm:px-3 sm:py-2">{row.rowNumber}</td>
      <td className="min-w-0 align-top sm:min-w-40 sm:px-3 sm:py-2">
        <div className="font-medium text-slate-900">{row.name || "–"}</div>
        <div className="text-xs break-all text-slate-600">{row.email || "–"}</div>
      </td>
      <td className="align-top sm:px-3 sm:py-2">
        <Badge tone={ACTION_TONE[row.action]}>{t(`actions.${row.action}`)}</Badge>
      </td>
      <td className="col-span-3 mt-1 pl-[3rem] align-top sm:mt-0 sm:min-w-56 sm:px-3 sm:py-2">
        {row.errors.length > 0 ? (
          <ul className="flex flex-col gap-0.5 text-red-700">
            {row.errors.map((error, index) => (
              <li key={index} className="flex gap-1">
                <span aria-hidden>⚠</span>
                <span>{t(`issues.${error.code}`, error.params)}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {row.changes.length > 0 ? (
          <ul className={`flex flex-col gap-0.5 ${failed ? "mt-1 text-slate-500" : "text-slate-800"}`}>
            {row.changes.map((change) => (
              <li key={change.field}>
                {change.from === null && row.action !== "update"
                  ? t("table.set", { field: t(`fields.${change.field}`), to: value(change.field, change.to) })
                  : t("table.change", { field: t(`fields.${change.field}`), from: value(change.field, change.from), to: value(change.field, change.to) })}
              </li>
            ))}
          </ul>
        ) : row.errors.length === 0 ? (
          <p className="text-slate-500">{t("table.noChange")}</p>
        ) : null}
        {row.notes.length > 0 ? (
          <ul className="mt-1 flex flex-col gap-0.5 text-xs text-slate-600">
            {row.notes.map((note, index) => (
              <li key={index}>{t(`notes.${note.code}`, note.params)}</li>
            ))}
          </ul>
        ) : null}
      </td>
    </tr>
  );
}
