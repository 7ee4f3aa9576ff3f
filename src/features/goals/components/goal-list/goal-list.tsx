"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError } from "@/lib/trpc/errors";
import { Button, buttonClasses } from "@/ui/button";
import { Alert } from "@/ui/card";
import { SelectField } from "@/ui/field";
import { EmptyState, Skeleton } from "@/ui/page-parts";
import { isOpen } from "../../goal-access";
import { GOAL_KINDS, GOAL_LEVELS, GOAL_STATUSES, type GoalListScope, type GoalSummary } from "../../goals.schema";
import { GoalRow } from "./goal-row";
import { DEFAULT_VIEW, isFiltered, LIST_SCOPES, listViewQuery, parseListView, periodFilter, type GoalListView } from "./list-params";
import { PriorityList } from "./priority-list";
import { mergePartialOrder } from "./reorder";

export type PeriodChoice = { id: string; name: string; isCurrent: boolean };

const byPriority = (a: GoalSummary, b: GoalSummary) => a.priority - b.priority;

/** The goal list: tabs (mine, my team, the organisation), filters in the URL, and my priorities. */
export function GoalList({
  orgSlug,
  periods,
  ownMembershipId,
}: {
  orgSlug: string;
  periods: PeriodChoice[];
  ownMembershipId: string;
}) {
  const t = useTranslations("goals");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const parsed = parseListView(useSearchParams());
  // a period that is not (or no longer) the organisation's reads as the default
  const view = parsed.period === null || parsed.period === "all" || periods.some((period) => period.id === parsed.period) ? parsed : { ...parsed, period: null };
  const current = periods.find((period) => period.isCurrent) ?? null;
  const periodId = periodFilter(view, current?.id ?? null);
  const shownPeriod = periods.find((period) => period.id === periodId) ?? null;

  const input = {
    orgSlug,
    scope: view.scope,
    periodId,
    ...(view.level ? { level: view.level } : {}),
    ...(view.kind ? { kind: view.kind } : {}),
    ...(view.status ? { status: view.status } : {}),
  };
  const list = useQuery(trpc.goal.list.queryOptions(input, { placeholderData: keepPreviousData }));
  const reorder = useMutation(trpc.goal.reorder.mutationOptions());
  /** the order shown while a reorder is saved: the optimistic view, dropped on failure */
  const [pendingOrder, setPendingOrder] = useState<string[] | null>(null);
  const [reorderError, setReorderError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const hrefFor = (patch: Partial<GoalListView>) => `${pathname}${listViewQuery({ ...view, ...patch })}`;
  const setView = (patch: Partial<GoalListView>) => router.replace(hrefFor(patch), { scroll: false });
  const clearFilters = () => setView({ ...DEFAULT_VIEW, scope: view.scope });

  const goals = list.data ?? [];
  const mine = view.scope === "mine";
  const ownOpen = mine ? goals.filter((goal) => goal.owner.membershipId === ownMembershipId && isOpen(goal.status)).sort(byPriority) : [];
  const ownOpenIds = new Set(ownOpen.map((goal) => goal.id));
  const rest = mine ? goals.filter((goal) => !ownOpenIds.has(goal.id)) : goals;
  const reorderable = ownOpen.length > 1 && ownOpen.every((goal) => goal.canReorder) && !list.isPlaceholderData;
  const prioritised = pendingOrder
    ? [...ownOpen].sort((a, b) => pendingOrder.indexOf(a.id) - pendingOrder.indexOf(b.id))
    : ownOpen;

  async function saveOrder(ids: string[]) {
    setPendingOrder(ids);
    setReorderError(null);
    setAnnouncement("");
    try {
      // the server ranks all of the owner's open goals at once: fit the shown ones into that order
      const all = await queryClient.fetchQuery({
        ...trpc.goal.list.queryOptions({ orgSlug, scope: "mine", periodId: null }),
        staleTime: 0,
      });
      const whole = all
        .filter((goal) => goal.owner.membershipId === ownMembershipId && isOpen(goal.status))
        .sort(byPriority)
        .map((goal) => goal.id);
      await reorder.mutateAsync({ orgSlug, ownerId: ownMembershipId, goalIds: mergePartialOrder(whole, ids) });
      await queryClient.invalidateQueries({ queryKey: trpc.goal.list.pathKey() });
      setAnnouncement(t("list.reorder.saved"));
    } catch (error) {
      const clientError = toClientError(error);
      setReorderError(errorMessage(clientError.messageKey, clientError.params));
      setAnnouncement(t("list.reorder.failed"));
      void queryClient.invalidateQueries({ queryKey: trpc.goal.list.pathKey() });
    } finally {
      setPendingOrder(null);
    }
  }

  const filtered = isFiltered(view);
  const tabLabel: Record<GoalListScope, string> = {
    mine: t("list.tabs.mine"),
    team: t("list.tabs.team"),
    organization: t("list.tabs.organization"),
  };

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("list.title")}</h1>
          <p className="mt-1 text-slate-600">{t("list.lead")}</p>
        </div>
        <Link href={`/o/${orgSlug}/goals/new`} className={buttonClasses("primary")}>
          <svg viewBox="0 0 20 20" aria-hidden className="size-4">
            <path d="M10 4v12M4 10h12" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          {t("list.newGoal")}
        </Link>
      </div>

      <nav aria-label={t("list.tabs.label")} className="-mb-px overflow-x-auto border-b border-slate-200">
        <ul className="flex min-w-max gap-1">
          {LIST_SCOPES.map((scope) => {
            const active = view.scope === scope;
            return (
              <li key={scope}>
                <Link
                  href={hrefFor({ scope })}
                  replace
                  scroll={false}
                  aria-current={active ? "page" : undefined}
                  className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${
                    active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                  }`}
                >
                  {tabLabel[scope]}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <section aria-label={t("list.filters.label")} className="grid grid-cols-2 gap-3 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end">
        <SelectField
          label={t("list.filters.period")}
          value={view.period ?? ""}
          onChange={(event) => setView({ period: event.target.value || null })}
        >
          <option value="">{current ? t("list.filters.currentPeriod", { name: current.name }) : t("list.filters.noCurrentPeriod")}</option>
          {periods
            .filter((period) => !period.isCurrent)
            .map((period) => (
              <option key={period.id} value={period.id}>
                {period.name}
              </option>
            ))}
          <option value="all">{t("list.filters.allPeriods")}</option>
        </SelectField>
        <SelectField
          label={t("list.filters.level")}
          value={view.level ?? ""}
          onChange={(event) => setView({ level: (event.target.value || null) as GoalListView["level"] })}
        >
          <option value="">{t("list.filters.allLevels")}</option>
          {GOAL_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`level.${level}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("list.filters.kind")}
          value={view.kind ?? ""}
          onChange={(event) => setView({ kind: (event.target.value || null) as GoalListView["kind"] })}
        >
          <option value="">{t("list.filters.allKinds")}</option>
          {GOAL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("list.filters.status")}
          value={view.status ?? ""}
          onChange={(event) => setView({ status: (event.target.value || null) as GoalListView["status"] })}
        >
          <option value="">{t("list.filters.allStatuses")}</option>
          {GOAL_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </SelectField>
        <div className="col-span-2 flex justify-end lg:col-span-1">
          <Button type="button" variant="ghost" className="disabled:text-slate-400 disabled:hover:bg-transparent" onClick={clearFilters} disabled={!filtered}>
            {t("list.filters.clear")}
          </Button>
        </div>
      </section>

      {reorderError ? (
        <Alert>
          <span>{reorderError}</span> <span>{t("list.reorder.rolledBack")}</span>
        </Alert>
      ) : null}

      <p className="text-sm text-slate-600" aria-live="polite" data-testid="goal-count">
        {list.data
          ? shownPeriod
            ? t("list.countInPeriod", { count: goals.length, period: shownPeriod.name })
            : t("list.count", { count: goals.length })
          : "\u00a0"}
      </p>

      {list.isError && !list.data ? (
        <Alert>
          <span>{t("list.loadFailed")} </span>
          <button type="button" className="font-medium underline" onClick={() => void list.refetch()}>
            {t("list.retry")}
          </button>
        </Alert>
      ) : !list.data ? (
        <Skeleton label={t("list.loading")} rows={6} />
      ) : goals.length === 0 ? (
        filtered ? (
          <EmptyState title={t("list.noMatch.title")}>
            <p>{t("list.noMatch.body")}</p>
            <Button type="button" variant="secondary" className="mt-3" onClick={clearFilters}>
              {t("list.filters.clear")}
            </Button>
          </EmptyState>
        ) : (
          <EmptyState title={t(`list.empty.${view.scope}.title`)}>
            <p>{t(`list.empty.${view.scope}.body`)}</p>
            <div className="mt-3 flex flex-wrap justify-center gap-2">
              {view.scope === "organization" ? (
                <Link href={`/o/${orgSlug}/alignment`} className={buttonClasses("secondary")}>
                  {t("list.empty.openTree")}
                </Link>
              ) : null}
              <Link href={`/o/${orgSlug}/goals/new`} className={buttonClasses("primary")}>
                {t(`list.empty.${view.scope}.action`)}
              </Link>
            </div>
          </EmptyState>
        )
      ) : (
        <div aria-busy={list.isFetching || undefined} className={`flex flex-col gap-6 ${list.isPlaceholderData ? "opacity-60 transition-opacity" : ""}`}>
          {ownOpen.length > 0 ? (
            <section aria-labelledby="priorities-heading">
              <h2 id="priorities-heading" className="mb-1 text-lg font-semibold">
                {t("list.priorities")}
              </h2>
              <PriorityList
                orgSlug={orgSlug}
                goals={prioritised}
                reorderable={reorderable}
                saving={pendingOrder !== null}
                onReorder={(ids) => void saveOrder(ids)}
                announcement={announcement}
              />
            </section>
          ) : null}

          {rest.length > 0 ? (
            <section aria-labelledby={mine ? "other-goals-heading" : undefined} aria-label={mine ? undefined : tabLabel[view.scope]}>
              {mine ? (
                <h2 id="other-goals-heading" className="mb-2 text-lg font-semibold">
                  {ownOpen.length > 0 ? t("list.otherGoals") : t("list.goals")}
                </h2>
              ) : null}
              <ul className="flex flex-col gap-3 md:gap-0 md:divide-y md:divide-slate-100 md:overflow-hidden md:rounded-lg md:border md:border-slate-200 md:bg-white md:shadow-sm">
                {rest.map((goal) => (
                  <li
                    key={goal.id}
                    data-testid="goal-row"
                    data-goal-id={goal.id}
                    className="rounded-lg border border-slate-200 bg-white shadow-sm md:rounded-none md:border-0 md:shadow-none"
                  >
                    <GoalRow orgSlug={orgSlug} goal={goal} showOwner={!mine || goal.owner.membershipId !== ownMembershipId} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      )}
    </div>
  );
}
