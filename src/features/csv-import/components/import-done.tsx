"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/ui/button";
import { Alert, Card } from "@/ui/card";
import { Badge } from "@/ui/page-parts";
import type { RunResult } from "../csv-import.schema";
import { downloadCsv, linksCsv } from "../csv-files";

const FIRST_LINKS = 50;

const COUNT_KEYS = ["invited", "renewed", "updatedMembers", "updatedInvitations", "teamsCreated", "unchanged"] as const;

/** The import's outcome and the invitation links, shown this once, to copy or download. */
export function ImportDone({ result, onAgain }: { result: RunResult; onAgain: () => void }) {
  const t = useTranslations("csvImport.done");
  const tRoles = useTranslations("roles");
  const format = useFormatter();
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const [showAll, setShowAll] = useState(false);
  const [copied, setCopied] = useState<{ email: string; ok: boolean } | null>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const links = result.invitations.map((link) => ({ ...link, absolute: new URL(link.link, window.location.origin).toString() }));
  const expiresAt = result.invitations[0]?.expiresAt;
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long", timeStyle: "short" });

  function download() {
    const header = { name: t("csvName"), email: t("csvEmail"), role: t("csvRole"), link: t("csvLink"), expires: t("csvExpires") };
    const rows = links.map((link) => ({ name: link.name, email: link.email, role: tRoles(link.role), link: link.absolute, expires: date(link.expiresAt) }));
    downloadCsv(t("downloadName"), linksCsv(header, rows, locale));
  }

  async function copy(email: string, link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied({ email, ok: true });
    } catch {
      setCopied({ email, ok: false });
    }
  }

  const visible = showAll ? links : links.slice(0, FIRST_LINKS);

  return (
    <div className="flex flex-col gap-4" data-testid="import-done">
      <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-5">
        <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold text-emerald-950 outline-none">
          {t("title")}
        </h2>
        <ul aria-label={t("countsLabel")} className="mt-2 flex flex-wrap gap-2" data-testid="import-counts">
          {COUNT_KEYS.filter((key) => result.counts[key] > 0).map((key) => (
            <li key={key} className="rounded-full bg-white px-3 py-1 text-sm font-medium text-emerald-900 ring-1 ring-emerald-200">
              {t(`counts.${key}`, { count: result.counts[key] })}
            </li>
          ))}
        </ul>
      </div>

      {links.length === 0 ? (
        <Alert tone="info">{t("noLinks")}</Alert>
      ) : (
        <Card title={t("linksTitle", { count: links.length })}>
          <p className="text-sm text-slate-700">{t("linksLead", { date: expiresAt ? date(expiresAt) : "" })}</p>
          <div className="mt-3">
            <Button type="button" onClick={download}>
              {t("download")}
            </Button>
          </div>
          <p aria-live="polite" className="mt-2 min-h-5 text-sm text-emerald-800">
            {copied ? (copied.ok ? t("copied", { email: copied.email }) : t("copyFailed")) : ""}
          </p>
          <ul className="mt-1 divide-y divide-slate-100" data-testid="import-links">
            {visible.map((link) => (
              <li key={link.email} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center">
                <div className="min-w-0 sm:w-72 sm:shrink-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{link.name}</span>
                    <Badge>{tRoles(link.role)}</Badge>
                  </div>
                  <div className="text-xs break-all text-slate-600">{link.email}</div>
                </div>
                <input
                  readOnly
                  aria-label={t("linkColumn")}
                  value={link.absolute}
                  onFocus={(event) => event.currentTarget.select()}
                  className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs text-slate-800"
                />
                <Button type="button" variant="secondary" className="shrink-0" aria-label={t("copyLabel", { email: link.email })} onClick={() => void copy(link.email, link.absolute)}>
                  {t("copy")}
                </Button>
              </li>
            ))}
          </ul>
          {links.length > visible.length ? (
            <Button type="button" variant="ghost" onClick={() => setShowAll(true)}>
              {t("showAll", { count: links.length })}
            </Button>
          ) : null}
        </Card>
      )}

      <div>
        <Button type="button" variant="secondary" onClick={onAgain}>
          {t("again")}
        </Button>
      </div>
    </div>
  );
}
