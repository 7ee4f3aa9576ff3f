"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError } from "@/lib/trpc/errors";
import { Button } from "@/ui/button";
import { Alert, Card } from "@/ui/card";
import { Badge, EmptyState, SectionHeader, Skeleton } from "@/ui/page-parts";
import { dateToIsoDate, type Period, type PeriodCloseResult } from "../periods.schema";
import { ClosePeriodDialog } from "./close-period-dialog";
import { PeriodForm } from "./period-form";

const EMPTY_FORM = { name: "", startDate: "", endDate: "" };

export function PeriodsAdmin({ orgSlug, canClose }: { orgSlug: string; canClose: boolean }) {
  const t = useTranslations("periods");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const periods = useQuery(trpc.period.list.queryOptions({ orgSlug }));
  const create = useMutation(trpc.period.create.mutationOptions());
  const update = useMutation(trpc.period.update.mutationOptions());
  const setCurrent = useMutation(trpc.period.setCurrent.mutationOptions());
  const [editingId, setEditingId] = useState<string | null>(null);
  const [closing, setClosing] = useState<Period | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.period.pathKey() });
  // calendar days: shown as stored, whatever the viewer's time zone
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });

  async function makeCurrent(period: Period) {
    setNotice(null);
    try {
      await setCurrent.mutateAsync({ orgSlug, periodId: period.id });
      setNotice({ tone: "success", text: t("madeCurrent", { name: period.name }) });
    } catch (error) {
      const clientError = toClientError(error);
      setNotice({ tone: "error", text: errorMessage(clientError.messageKey, clientError.params) });
    } finally {
      await refresh();
    }
  }

  async function closed(result: PeriodCloseResult, period: Period) {
    setNotice({
      tone: "success",
      text: result.alreadyClosed && result.closed === 0 ? t("close.noticeNothing", { name: period.name }) : t("close.notice", { name: period.name, count: result.closed }),
    });
    await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() })]);
  }

  return (
    <div className="flex flex-col gap-6">
      <SectionHeader title={t("title")} description={t("lead")} />

      <Card title={t("newTitle")}>
        <PeriodForm
          label={t("newTitle")}
          initial={EMPTY_FORM}
          submitLabel={t("create")}
          busyLabel={t("creating")}
          onSubmit={async (values) => {
            setNotice(null);
            const created = await create.mutateAsync({ orgSlug, ...values });
            setNotice({ tone: "success", text: t("created", { name: created.name }) });
            await refresh();
          }}
        />
      </Card>

      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}

      <section aria-labelledby="periods-list-title" className="flex flex-col gap-3">
        <h2 id="periods-list-title" className="text-base font-semibold">
          {t("listTitle")}
        </h2>
        {periods.isPending ? (
          <Skeleton label={t("loading")} rows={3} />
        ) : periods.isError ? (
          <Alert>
            {t("loadFailed")}{" "}
            <button type="button" className="font-medium underline" onClick={() => void periods.refetch()}>
              {t("retry")}
            </button>
          </Alert>
        ) : periods.data.length === 0 ? (
          <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
            {periods.data.map((period) => (
              <li key={period.id} className="p-4" data-testid="period-row">
                {editingId === period.id ? (
                  <PeriodForm
                    label={t("editTitle", { name: period.name })}
                    initial={{ name: period.name, startDate: dateToIsoDate(period.startDate), endDate: dateToIsoDate(period.endDate) }}
                    submitLabel={t("save")}
                    busyLabel={t("saving")}
                    autoFocus
                    onCancel={() => setEditingId(null)}
                    onSubmit={async (values) => {
                      setNotice(null);
                      const saved = await update.mutateAsync({ orgSlug, periodId: period.id, ...values });
                      setEditingId(null);
                      setNotice({ tone: "success", text: t("updated", { name: saved.name }) });
                      await refresh();
                    }}
                  />
                ) : (
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <div className="min-w-0">
                      <p className="flex flex-wrap items-center gap-2">
                        <span className="font-medium break-words">{period.name}</span>
                        {period.isCurrent ? <Badge tone="success">{t("current")}</Badge> : null}
                        {period.closedAt ? (
                          <span data-testid="period-closed-badge">
                            <Badge tone="neutral">{t("closedBadge")}</Badge>
                          </span>
                        ) : null}
                      </p>
                      <p className="text-sm text-slate-600">{t("range", { start: day(period.startDate), end: day(period.endDate) })}</p>
                      {period.closedAt ? (
                        <p className="text-sm text-slate-600">{t("closedOn", { date: format.dateTime(period.closedAt, { dateStyle: "medium" }) })}</p>
                      ) : null}
                    </div>
                    <div className="flex flex-wrap gap-2">
                      <Button
                        type="button"
                        variant="secondary"
                        aria-label={t("editLabel", { name: period.name })}
                        onClick={() => {
                          setNotice(null);
                          setEditingId(period.id);
                        }}
                      >
                        {t("edit")}
                      </Button>
                      {period.isCurrent ? null : (
                        <Button
                          type="button"
                          variant="secondary"
                          aria-label={t("makeCurrentLabel", { name: period.name })}
                          busy={setCurrent.isPending && setCurrent.variables?.periodId === period.id}
                          disabled={setCurrent.isPending}
                          onClick={() => void makeCurrent(period)}
                        >
                          {t("makeCurrent")}
                        </Button>
                      )}
                      {canClose && period.closedAt === null ? (
                        <Button
                          type="button"
                          variant="secondary"
                          aria-label={t("close.buttonLabel", { name: period.name })}
                          data-testid="period-close-button"
                          onClick={() => {
                            setNotice(null);
                            setClosing(period);
                          }}
                        >
                          {t("close.button")}
                        </Button>
                      ) : null}
                    </div>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <ClosePeriodDialog key={closing?.id ?? "none"} orgSlug={orgSlug} period={closing} onClose={() => setClosing(null)} onClosed={closed} />
    </div>
  );
}
