"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError } from "@/lib/trpc/errors";
import { Button } from "@/ui/button";
import { Alert } from "@/ui/card";
import { SelectField, TextField } from "@/ui/field";
import { EmptyState, SectionHeader, Skeleton } from "@/ui/page-parts";
import { ChangeValue } from "./change-value";
import { actionArea, groupActions, isMachineField, shapeOf, startOfLocalDay, type ValueShape } from "../audit-display";
import type { AuditEntryView } from "../audit.schema";

type Filters = { actorUserId: string; action: string; from: string; to: string };
type EntityFilter = { type: string; id: string; label: string };

const NO_FILTERS: Filters = { actorUserId: "", action: "", from: "", to: "" };
const KEY_PATH = /^[a-zA-Z]+(\.[a-zA-Z]+)*$/;

/** Labels from the catalogue where one exists, the raw string otherwise (an action of a later feature). */
function useCatalogueLabels() {
  const t = useTranslations("audit");
  const tRoles = useTranslations("roles");
  const tLocales = useTranslations("locales");
  const tSettings = useTranslations("settings");
  const lookup = (namespace: typeof t, key: string) =>
    KEY_PATH.test(key) && namespace.has(key as "title") ? namespace(key as "title") : null;
  return {
    action: (action: string) => lookup(t, `actions.${action}`) ?? action,
    area: (area: string) => lookup(t, `areas.${area}`) ?? area,
    entityType: (type: string) => lookup(t, `entityTypes.${type}`) ?? type,
    field: (field: string) => lookup(t, `fields.${field}`) ?? field,
    /** Enumerated values read in the reader's language: roles, languages, cadences. */
    value: (field: string, text: string) => {
      if (field === "role" && KEY_PATH.test(text) && tRoles.has(text as "ADMIN")) return tRoles(text as "ADMIN");
      if (field === "locale" && KEY_PATH.test(text) && tLocales.has(text as "sv")) return tLocales(text as "sv");
      if (field === "defaultCadence" && KEY_PATH.test(text) && tSettings.has(`cadences.${text}` as "title")) return tSettings(`cadences.${text}` as "title");
      return text;
    },
  };
}

export function AuditLog({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("audit");
  const errorMessage = useErrorMessage();
  const labels = useCatalogueLabels();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [entity, setEntity] = useState<EntityFilter | null>(null);

  const rangeReversed = filters.from !== "" && filters.to !== "" && filters.to < filters.from;
  const input = useMemo(
    () => ({
      orgSlug,
      ...(filters.actorUserId ? { actorUserId: filters.actorUserId } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(entity ? { entityType: entity.type, entityId: entity.id } : {}),
      ...(filters.from ? { from: startOfLocalDay(filters.from) } : {}),
      // the last day chosen counts whole: up to the start of the day after it
      ...(filters.to ? { to: startOfLocalDay(filters.to, 1) } : {}),
    }),
    [orgSlug, filters, entity],
  );
  const options = useQuery(trpc.audit.filterOptions.queryOptions({ orgSlug }));
  const log = useInfiniteQuery({
    ...trpc.audit.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    enabled: !rangeReversed,
  });

  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const filtered = entity !== null || Object.values(filters).some((value) => value !== "");
  const set = (field: keyof Filters) => (event: { target: { value: string } }) =>
    setFilters((current) => ({ ...current, [field]: event.target.value }));
  const clear = () => {
    setFilters(NO_FILTERS);
    setEntity(null);
  };

  const actorChoices = options.data?.actors ?? [];
  const selectedActorMissing = filters.actorUserId !== "" && !actorChoices.some((actor) => actor.userId === filters.actorUserId);

  return (
    <div className="flex flex-col gap-4">
      <SectionHeader title={t("title")} description={t("lead")} />

      <form
        aria-label={t("filters.label")}
        onSubmit={(event) => event.preventDefault()}
        className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-start"
      >
        <div className="col-span-2 sm:col-span-1">
          <SelectField label={t("filters.actor")} value={filters.actorUserId} onChange={set("actorUserId")} name="actor">
            <option value="">{t("filters.anyone")}</option>
            {actorChoices.map((actor) => (
              <option key={actor.userId} value={actor.userId}>
                {actor.name}
              </option>
            ))}
            {selectedActorMissing ? <option value={filters.actorUserId}>{filters.actorUserId}</option> : null}
          </SelectField>
        </div>
        <div className="col-span-2 sm:col-span-1">
          <SelectField label={t("filters.action")} value={filters.action} onChange={set("action")} name="action">
            <option value="">{t("filters.anything")}</option>
            {groupActions(options.data?.actions ?? []).map((group) => (
              <optgroup key={group.area} label={labels.area(group.area)}>
                <option value={`${group.area}.`}>{t("filters.allOf", { area: labels.area(group.area) })}</option>
                {group.actions.map((action) => (
                  <option key={action} value={action}>
                    {labels.action(action)}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        </div>
        <TextField label={t("filters.from")} type="date" name="from" value={filters.from} onChange={set("from")} />
        <TextField
          label={t("filters.to")}
          type="date"
          name="to"
          value={filters.to}
          onChange={set("to")}
          errors={rangeReversed ? [errorMessage("audit.errors.rangeReversed")] : undefined}
        />
        <div className="col-span-2 flex items-end lg:col-span-1 lg:h-full">
          <Button type="button" variant="ghost" onClick={clear} disabled={!filtered} className="w-full lg:w-auto">
            {t("filters.reset")}
          </Button>
        </div>
      </form>

      {entity ? (
        <p className="flex flex-wrap items-center gap-2 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700" role="status">
          {t("filters.entity", { label: entity.label })}
          <button type="button" className="font-medium underline" onClick={() => setEntity(null)}>
            {t("filters.clearEntity")}
          </button>
        </p>
      ) : null}

      {rangeReversed ? null : log.isPending ? (
        <AuditSkeleton label={t("loading")} />
      ) : log.isError ? (
        <Alert>
          {(() => {
            const error = toClientError(log.error);
            return error.messageKey === "invalidInput" ? t("loadFailed") : errorMessage(error.messageKey, error.params);
          })()}{" "}
          <button type="button" className="font-medium underline" onClick={() => void log.refetch()}>
            {t("retry")}
          </button>
        </Alert>
      ) : entries.length === 0 ? (
        filtered ? (
          <EmptyState title={t("noMatch.title")}>
            <p>{t("noMatch.body")}</p>
            <Button type="button" variant="secondary" className="mt-3" onClick={clear}>
              {t("filters.reset")}
            </Button>
          </EmptyState>
        ) : (
          <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>
        )
      ) : (
        <>
          <AuditTable entries={entries} onShowOnly={(filter) => setEntity(filter)} />
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-600" aria-live="polite">
              {t("shown", { count: entries.length })}
            </p>
            {log.hasNextPage ? (
              <Button type="button" variant="secondary" busy={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                {log.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
              </Button>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}

function AuditSkeleton({ label }: { label: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <Skeleton label={label} rows={8} />
    </div>
  );
}

const CELL = "block px-0 py-1 align-top md:table-cell md:px-3 md:py-3";

function AuditTable({ entries, onShowOnly }: { entries: AuditEntryView[]; onShowOnly: (filter: EntityFilter) => void }) {
  const t = useTranslations("audit");
  const format = useFormatter();
  const labels = useCatalogueLabels();
  const columns = ["when", "who", "what", "entity", "changes"] as const;

  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="block w-full text-sm md:table">
        <thead className="sr-only md:not-sr-only md:table-header-group md:bg-slate-50 md:text-left md:text-xs md:tracking-wide md:text-slate-600 md:uppercase">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 font-medium">
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-200 md:table-row-group">
          {entries.map((entry) => {
            const shown = entry.changes.filter((change) => !isMachineField(change.field));
            const entityLabel = entry.entityLabel ?? labels.entityType(entry.entityType);
            return (
              <tr key={entry.id} className="block px-4 py-3 md:table-row md:p-0" data-testid="audit-row">
                <td className={`${CELL} whitespace-nowrap text-slate-600`}>
                  <span className="sr-only md:hidden">{t("columns.when")}: </span>
                  <time dateTime={entry.createdAt.toISOString()}>{format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                </td>
                <td className={CELL}>
                  <span className="sr-only md:hidden">{t("columns.who")}: </span>
                  {entry.actorName}
                </td>
                <td className={`${CELL} font-medium`} data-area={actionArea(entry.action)}>
                  <span className="sr-only md:hidden">{t("columns.what")}: </span>
                  {labels.action(entry.action)}
                </td>
                <td className={CELL}>
                  <span className="sr-only md:hidden">{t("columns.entity")}: </span>
                  {entry.entityId ? (
                    <button
                      type="button"
                      className="text-left text-brand-700 underline decoration-brand-700/30 underline-offset-2 hover:decoration-brand-700"
                      aria-label={t("showOnly", { label: entityLabel })}
                      title={t("showOnly", { label: entityLabel })}
                      onClick={() => onShowOnly({ type: entry.entityType, id: entry.entityId!, label: entityLabel })}
                    >
                      {entityLabel}
                    </button>
                  ) : (
                    entityLabel
                  )}
                </td>
                <td className={CELL}>
                  <span className="sr-only md:hidden">{t("columns.changes")}: </span>
                  {shown.length === 0 ? (
                    <span className="text-slate-500">{t("noChanges")}</span>
                  ) : (
                    <ul className="flex flex-col gap-0.5">
                      {shown.map((change, index) => (
                        <li key={`${change.field}-${index}`} className="break-words">
                          <span className="text-slate-600">{labels.field(change.field)}:</span>{" "}
                          <Value field={change.field} shape={shapeOf(change.from)} /> → <Value field={change.field} shape={shapeOf(change.to)} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Value({ field, shape }: { field: string; shape: ValueShape }) {
  const t = useTranslations("audit");
  const labels = useCatalogueLabels();
  return (
    <ChangeValue
      field={field}
      shape={shape}
      labels={{ none: t("values.none"), yes: t("values.yes"), no: t("values.no"), listSeparator: ", ", field: labels.field, value: labels.value }}
    />
  );
}
