"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { useErrorMessage } from "@/i18n/use-error-message";
import { Button } from "@/ui/button";
import { Alert } from "@/ui/card";
import type { IssuedInvitation } from "../invitations.schema";

type CopyState = "idle" | "copied" | "failed";

/**
 * The link of an invitation just created or renewed. Only its hash is stored, so this is the
 * one time the admin can copy it; the panel takes focus so nobody misses it.
 */
export function IssuedLinkPanel({ issued, renewed, onDismiss }: { issued: IssuedInvitation; renewed: boolean; onDismiss: () => void }) {
  const t = useTranslations("invitations.issued");
  const errorMessage = useErrorMessage();
  const format = useFormatter();
  const headingId = useId();
  const inputId = useId();
  const panel = useRef<HTMLElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>("idle");

  // the parent keys this panel by link, so a new link starts with a fresh copy state
  useEffect(() => {
    panel.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    panel.current?.focus({ preventScroll: true });
  }, [issued.link]);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(issued.link);
      setCopy("copied");
    } catch {
      // no clipboard API (plain http) or permission refused: select it for the person instead
      input.current?.select();
      setCopy(document.execCommand?.("copy") ? "copied" : "failed");
    }
  }

  const expires = format.dateTime(issued.expiresAt, { dateStyle: "long", timeStyle: "short" });

  return (
    <section
      ref={panel}
      tabIndex={-1}
      aria-labelledby={headingId}
      data-testid="issued-invitation"
      className="rounded-lg border border-emerald-200 bg-emerald-50/60 p-5 shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
    >
      <h2 id={headingId} className="text-base font-semibold text-emerald-950">
        {renewed ? t("renewedTitle") : t("createdTitle")}
      </h2>
      <div className="mt-3 flex flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
          {t("linkLabel", { email: issued.email })}
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            ref={input}
            id={inputId}
            readOnly
            value={issued.link}
            onFocus={(event) => event.currentTarget.select()}
            className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-800 shadow-sm"
          />
          <Button type="button" onClick={() => void copyLink()} className="shrink-0">
            {t("copy")}
          </Button>
        </div>
        <p aria-live="polite" className="min-h-5 text-sm text-emerald-900">
          {copy === "copied" ? t("copied") : copy === "failed" ? t("copyFailed") : ""}
        </p>
      </div>
      <p className="mt-1 text-sm text-slate-700">{t("onlyNow", { date: expires })}</p>
      <div className="mt-3">
        {issued.emailed ? (
          <Alert tone="success">{t("emailed", { email: issued.email })}</Alert>
        ) : issued.warningKey ? (
          <Alert>{errorMessage(issued.warningKey)}</Alert>
        ) : (
          <Alert tone="info">{t("notEmailed", { email: issued.email })}</Alert>
        )}
      </div>
      <div className="mt-4 flex justify-end">
        <Button type="button" variant="secondary" onClick={onDismiss}>
          {t("dismiss")}
        </Button>
      </div>
    </section>
  );
}
