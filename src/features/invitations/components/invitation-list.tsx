"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useDebouncedValue } from "@/ui/use-debounced-value";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError } from "@/lib/trpc/errors";
import { Button, buttonClasses } from "@/ui/button";
import { Alert, Card } from "@/ui/card";
import { TextField } from "@/ui/field";
import { Badge, EmptyState, Skeleton } from "@/ui/page-parts";
import { INVITATION_STATUSES, type InvitationStatus } from "../invitation-status";
import type { InvitationRow, IssuedInvitation } from "../invitations.schema";

const STATUS_TONES = { pending: "info", accepted: "success", expired: "warning", revoked: "neutral" } as const;

type Filter = InvitationStatus | "all";

export function InvitationList({
  orgSlug,
  onRenewed,
  onRevoked,
}: {
  orgSlug: string;
  onRenewed: (issued: IssuedInvitation) => void;
  onRevoked: (id: string) => void;
}) {
  const t = useTranslations("invitations");
  const trpc = useTRPC();
  const [filter, setFilter] = useState<Filter>("all");
  const [search, setSearch] = useState("");
  const debouncedSearch = useDebouncedValue(search.trim());
  const [announcement, setAnnouncement] = useState("");
  const list = useQuery({
    ...trpc.invitation.list.queryOptions({
      orgSlug,
      status: filter === "all" ? undefined : filter,
      search: debouncedSearch || undefined,
    }),
    placeholderData: keepPreviousData,
  });

  const counts = list.data?.counts;
  const all = counts ? counts.pending + counts.accepted + counts.expired + counts.revoked : 0;
  const filters: { value: Filter; label: string }[] = [
    { value: "all", label: t("list.all", { count: all }) },
    ...INVITATION_STATUSES.map((status) => ({ value: status, label: `${t(`status.${status}`)} (${counts?.[status] ?? 0})` })),
  ];

  return (
    <Card title={t("list.title")}>
      <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
        <div role="group" aria-label={t("list.filter")} className="flex flex-wrap gap-1">
          {filters.map((option) => (
            <button
              key={option.value}
              type="button"
              aria-pressed={filter === option.value}
              onClick={() => setFilter(option.value)}
              className={`rounded-md border px-2.5 py-1 text-sm ${filter === option.value ? "border-brand-600 bg-brand-600 font-medium text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
            >
              {option.label}
            </button>
          ))}
        </div>
        <div className="lg:w-72">
          <TextField label={t("list.search")} type="search" value={search} onChange={(event) => setSearch(event.target.value)} autoComplete="off" />
        </div>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {list.isPending ? (
        <Skeleton label={t("list.loading")} rows={4} />
      ) : list.isError ? (
        <div className="flex flex-col items-start gap-3">
          <Alert>{t("list.loadFailed")}</Alert>
          <Button type="button" variant="secondary" onClick={() => void list.refetch()}>
            {t("list.retry")}
          </Button>
        </div>
      ) : list.data.invitations.length === 0 ? (
        all === 0 ? (
          <EmptyState title={t("list.empty")}>{t("list.emptyHint")}</EmptyState>
        ) : (
          <EmptyState title={t("list.emptyFiltered")} />
        )
      ) : (
        <>
          <ul className="divide-y divide-slate-200" aria-busy={list.isFetching || undefined}>
            {list.data.invitations.map((invitation) => (
              <InvitationItem
                key={invitation.id}
                orgSlug={orgSlug}
                invitation={invitation}
                onRenewed={onRenewed}
                onRevoked={(message) => {
                  setAnnouncement(message);
                  onRevoked(invitation.id);
                }}
              />
            ))}
          </ul>
          {list.data.total > list.data.invitations.length ? (
            <p className="mt-3 text-sm text-slate-600">{t("list.truncated", { shown: list.data.invitations.length, total: list.data.total })}</p>
          ) : null}
        </>
      )}
    </Card>
  );
}

function InvitationItem({
  orgSlug,
  invitation,
  onRenewed,
  onRevoked,
}: {
  orgSlug: string;
  invitation: InvitationRow;
  onRenewed: (issued: IssuedInvitation) => void;
  onRevoked: (message: string) => void;
}) {
  const t = useTranslations("invitations");
  const tRoles = useTranslations("roles");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions());
  const renew = useMutation(trpc.invitation.renew.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  const dateTime = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.invitation.list.pathKey() });

  async function onRenew() {
    setError(null);
    try {
      onRenewed(await renew.mutateAsync({ orgSlug, id: invitation.id }));
      await refresh();
    } catch (failure) {
      const clientError = toClientError(failure);
      setError(errorMessage(clientError.messageKey, clientError.params));
    }
  }

  async function onRevoke() {
    setError(null);
    try {
      await revoke.mutateAsync({ orgSlug, id: invitation.id });
      setConfirming(false);
      onRevoked(t("list.revoked", { email: invitation.email }));
      await refresh();
    } catch (failure) {
      const clientError = toClientError(failure);
      setError(errorMessage(clientError.messageKey, clientError.params));
    }
  }

  const when = {
    pending: t("list.expiresOn", { date: dateTime(invitation.expiresAt) }),
    expired: t("list.expiredOn", { date: dateTime(invitation.expiresAt) }),
    accepted: invitation.acceptedAt ? t("list.acceptedOn", { date: dateTime(invitation.acceptedAt) }) : "",
    revoked: invitation.revokedAt ? t("list.revokedOn", { date: dateTime(invitation.revokedAt) }) : "",
  }[invitation.status];

  return (
    <li className="flex flex-col gap-3 py-3 md:flex-row md:items-start md:justify-between" data-testid="invitation-row">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium break-all">{invitation.email}</span>
          <Badge tone={STATUS_TONES[invitation.status]}>{t(`status.${invitation.status}`)}</Badge>
        </div>
        {invitation.name ? <p className="text-sm text-slate-700">{invitation.name}</p> : null}
        <p className="mt-0.5 text-sm text-slate-600">
          {tRoles(invitation.role)} · {invitation.team?.name ?? t("list.noTeam")}
          {invitation.manager ? ` · ${invitation.manager.name}` : ""}
        </p>
        <p className="mt-0.5 text-xs text-slate-500">
          {[
            t("list.createdOn", { date: date(invitation.createdAt) }),
            invitation.source === "IMPORT" ? t("list.imported") : invitation.invitedBy ? t("list.invitedBy", { name: invitation.invitedBy }) : null,
            when,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        {confirming ? (
          <div className="mt-3 flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-sm text-red-900">{t("list.confirmRevoke", { email: invitation.email })}</p>
            <div className="flex shrink-0 gap-2">
              <button
                ref={confirmButton}
                type="button"
                disabled={revoke.isPending}
                aria-busy={revoke.isPending || undefined}
                className={buttonClasses("danger")}
                onClick={() => void onRevoke()}
              >
                {t("list.confirmRevokeAction")}
              </button>
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  setConfirming(false);
                  revokeButton.current?.focus();
                }}
              >
                {tCommon("cancel")}
              </Button>
            </div>
          </div>
        ) : null}
        {error ? (
          <div className="mt-2">
            <Alert>{error}</Alert>
          </div>
        ) : null}
      </div>
      {invitation.status !== "accepted" ? (
        <div className="flex shrink-0 flex-wrap gap-2">
          <Button type="button" variant="secondary" busy={renew.isPending} onClick={() => void onRenew()} aria-label={t("list.renewLabel", { email: invitation.email })}>
            {t("list.renew")}
          </Button>
          {invitation.status === "pending" ? (
            <button
              ref={revokeButton}
              type="button"
              className="inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium text-red-700 transition-colors hover:bg-red-50"
              onClick={() => setConfirming(true)}
              aria-expanded={confirming}
              aria-label={t("list.revokeLabel", { email: invitation.email })}
            >
              {t("list.revoke")}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
