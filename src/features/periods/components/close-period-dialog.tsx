"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/features/people/components/dialog";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError } from "@/lib/trpc/errors";
import { Button } from "@/ui/button";
import { Alert } from "@/ui/card";
import { Skeleton } from "@/ui/page-parts";
import type { OutcomeCounts, Period, PeriodCloseResult } from "../periods.schema";

const LEVELS = ["BELOW_MINIMUM", "MINIMUM", "TARGET", "STRETCH"] as const;

/**
 * Asks before a period is closed: how many active goals close and with which outcomes as their
 * readings stand now, and what stays open. While the close runs it says so; afterwards it shows
 * what was done until the person dismisses it.
 */
export function ClosePeriodDialog({
  orgSlug,
  period,
  onClose,
  onClosed,
}: {
  orgSlug: string;
  /** the period to close; null keeps the dialog shut. Render with `key={period?.id}`. */
  period: Period | null;
  onClose: () => void;
  onClosed: (result: PeriodCloseResult, period: Period) => Promise<void> | void;
}) {
  const t = useTranslations("periods.close");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const [result, setResult] = useState<PeriodCloseResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const preview = useQuery({
    ...trpc.period.closePreview.queryOptions({ orgSlug, periodId: period?.id ?? "" }),
    enabled: period !== null && result === null,
    // what would close changes with every check-in: ask afresh each time the dialog opens
    staleTime: 0,
    gcTime: 0,
  });
  const close = useMutation(trpc.period.close.mutationOptions());

  // the parent keys the dialog by period, so its state starts afresh for each one; a close
  // still running when the dialog is dismissed finishes, and `onClosed` reports it on the page
  const dismiss = onClose;

  async function run() {
    if (!period) return;
    setFailure(null);
    try {
      const answer = await close.mutateAsync({ orgSlug, periodId: period.id });
      setResult(answer);
      await onClosed(answer, period);
    } catch (error) {
      const clientError = toClientError(error);
      setFailure(errorMessage(clientError.messageKey, clientError.params));
    }
  }

  return (
    <Dialog open={period !== null} onClose={dismiss} title={period ? t("title", { name: period.name }) : ""} description={t("lead")}>
      <div className="flex flex-col gap-4" data-testid="period-close-dialog">
        {result ? (
          <CloseResult result={result} />
        ) : close.isPending ? (
          <Running count={preview.data?.toClose ?? 0} />
        ) : preview.isPending ? (
          <Skeleton label={t("loadingPreview")} rows={3} />
        ) : preview.isError ? (
          <Alert>
            {t("previewFailed")}{" "}
            <button type="button" className="font-medium underline" onClick={() => void preview.refetch()}>
              {t("retry")}
            </button>
          </Alert>
        ) : (
          <div className="flex flex-col gap-3" data-testid="period-close-preview">
            {preview.data.closedAt ? <Alert tone="info">{t("alreadyClosedNote")}</Alert> : null}
            <p className="text-sm font-medium text-slate-900" data-testid="period-close-count" data-count={preview.data.toClose}>
              {preview.data.toClose === 0 ? t("nothingToClose") : t("willClose", { count: preview.data.toClose })}
            </p>
            {preview.data.toClose > 0 ? (
              <OutcomeTable caption={t("previewCaption")} counts={preview.data.byOutcome} testId="period-close-outcomes" />
            ) : null}
            <p className="text-sm text-slate-700">{t("unconfirmedNote")}</p>
            {preview.data.leftOpen > 0 ? (
              <p className="text-sm text-slate-700" data-testid="period-close-left-open">
                {t("leftOpen", { count: preview.data.leftOpen })}
              </p>
            ) : null}
          </div>
        )}

        {failure ? <Alert>{failure}</Alert> : null}

        <div className="flex flex-wrap justify-end gap-2">
          {result ? (
            <Button type="button" onClick={dismiss} data-testid="period-close-done">
              {t("done")}
            </Button>
          ) : (
            <>
              <Button type="button" variant="secondary" onClick={dismiss} disabled={close.isPending}>
                {t("keepOpen")}
              </Button>
              <Button
                type="button"
                variant="danger"
                busy={close.isPending}
                disabled={!preview.isSuccess}
                onClick={() => void run()}
                data-testid="period-close-confirm"
              >
                {t("confirm")}
              </Button>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}

/** One transaction: there are no steps to count, so the bar moves until the answer comes. */
function Running({ count }: { count: number }) {
  const t = useTranslations("periods.close");
  const label = count === 0 ? t("runningNone") : t("running", { count });
  return (
    <div className="flex flex-col gap-2" data-testid="period-close-progress">
      <div role="progressbar" aria-label={label} aria-busy="true" className="h-2 w-full overflow-hidden rounded bg-slate-200">
        <div className="h-full w-1/3 animate-pulse rounded bg-brand-600" />
      </div>
      <p className="text-sm text-slate-700" aria-live="polite">
        {label}
      </p>
    </div>
  );
}

function CloseResult({ result }: { result: PeriodCloseResult }) {
  const t = useTranslations("periods.close");
  return (
    <div className="flex flex-col gap-3" data-testid="period-close-result" data-closed={result.closed}>
      <Alert tone="success">
        {result.alreadyClosed && result.closed === 0
          ? t("resultNothing")
          : result.closed === 0
            ? t("resultNone")
            : t("resultClosed", { count: result.closed })}
      </Alert>
      {result.closed > 0 ? <OutcomeTable caption={t("resultCaption")} counts={result.byOutcome} testId="period-close-result-outcomes" /> : null}
      {result.leftOpen > 0 ? <p className="text-sm text-slate-700">{t("leftOpen", { count: result.leftOpen })}</p> : null}
    </div>
  );
}

/** The goals by outcome level, as a table: the numbers are the point, no colour needed. */
function OutcomeTable({ caption, counts, testId }: { caption: string; counts: OutcomeCounts; testId: string }) {
  const t = useTranslations("periods.close");
  const tGoals = useTranslations("goals");
  return (
    <table className="w-full text-left text-sm" data-testid={testId}>
      <caption className="mb-1 text-left text-xs font-medium text-slate-600">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-slate-600">
          <th scope="col" className="py-1 pr-3 font-medium">
            {t("levelColumn")}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            {t("goalsColumn")}
          </th>
        </tr>
      </thead>
      <tbody>
        {LEVELS.map((level) => (
          <tr key={level} className="border-b border-slate-100 last:border-0" data-level={level}>
            <th scope="row" className="py-1 pr-3 font-normal">
              {tGoals(`outcome.${level}`)}
            </th>
            <td className="py-1 text-right tabular-nums">{counts[level]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
