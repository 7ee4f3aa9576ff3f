"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { shapeOf, type ValueShape } from "@/features/audit/audit-display";
import { ChangeValue } from "@/features/audit/components/change-value";
import { useTRPC } from "@/lib/trpc/client";
import { Alert } from "@/ui/card";
import { Skeleton } from "@/ui/page-parts";
import type { GoalHistoryEntry } from "../../goals.schema";

// enumeration values such as STATISTICS_REPORTS hold underscores
const KEY_PATH = /^[a-zA-Z_]+(\.[a-zA-Z_]+)*$/;
/** Ids are for machines; each is logged beside a readable twin (teamIdAtActivation beside teamAtActivation). */
const MACHINE_FIELD = /[a-z]Ids?([A-Z]|$)/;
/** Entries that change more fields than this (a new goal) show the rest on request. */
const SHOWN_CHANGES = 6;
/** Fields whose values are names of the catalogue's enumerations, by the namespace that names them. */
const ENUM_FIELDS: Record<string, "status" | "level" | "kind" | "measureType" | "dataSource" | "cadence" | "outcome"> = {
  status: "status",
  level: "level",
  kind: "kind",
  measureType: "measureType",
  dataSource: "dataSource",
  cadence: "cadence",
  outcome: "outcome",
};

function useHistoryLabels() {
  const t = useTranslations("goals");
  const tAudit = useTranslations("audit");
  // keys built from what the server logged: looked up only after checking they exist
  type Loose = { has: (key: string) => boolean } & ((key: string) => string);
  const lookup = (namespace: Loose, key: string): string | null => (KEY_PATH.test(key) && namespace.has(key) ? namespace(key) : null);
  const goals = t as unknown as Loose;
  const audit = tAudit as unknown as Loose;
  return {
    action: (action: string) => lookup(goals, `historyView.actions.${action}`) ?? lookup(audit, `actions.${action}`) ?? action,
    field: (field: string) => lookup(goals, `fields.${field}`) ?? field,
    enumValue: (field: string, value: string) => {
      const namespace = ENUM_FIELDS[field];
      return (namespace ? lookup(goals, `${namespace}.${value}`) : null) ?? value;
    },
  };
}

/** Every change to the goal, newest first: who, when, and each field from old to new. */
export function GoalHistory({ orgSlug, goalId }: { orgSlug: string; goalId: string }) {
  const t = useTranslations("goals.historyView");
  const format = useFormatter();
  const labels = useHistoryLabels();
  const trpc = useTRPC();
  const history = useQuery(trpc.goal.history.queryOptions({ orgSlug, goalId }));

  if (history.isPending) return <Skeleton label={t("loading")} rows={4} />;
  if (history.isError) {
    return (
      <Alert>
        <span>{t("loadFailed")} </span>
        <button type="button" className="font-medium underline" onClick={() => void history.refetch()}>
          {t("retry")}
        </button>
      </Alert>
    );
  }
  if (history.data.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;

  return (
    <ol className="flex flex-col gap-0" data-testid="goal-history">
      {history.data.map((entry) => {
        // ids are for machines, and "nothing → nothing" tells nothing
        const changes = entry.changes.filter(
          (change) => !MACHINE_FIELD.test(change.field) && !(shapeOf(change.from).kind === "none" && shapeOf(change.to).kind === "none"),
        );
        return (
          <li key={entry.id} className="relative border-l-2 border-slate-200 pb-4 pl-4 last:pb-0" data-testid="history-entry">
            <span aria-hidden className="absolute top-1.5 -left-[5px] size-2 rounded-full bg-slate-400" />
            <p className="text-sm">
              <span className="font-medium">{labels.action(entry.action)}</span>
              <span className="text-slate-600">
                {" · "}
                {entry.actorName}
                {" · "}
                <time dateTime={entry.createdAt.toISOString()}>{format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              </span>
            </p>
            {changes.length > SHOWN_CHANGES ? (
              <details className="group">
                <summary className="mt-1 cursor-pointer text-sm font-medium text-brand-700 hover:underline">
                  {t("showAll", { count: changes.length })}
                </summary>
                <ChangeList changes={changes} />
              </details>
            ) : changes.length > 0 ? (
              <ChangeList changes={changes} />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

type Change = GoalHistoryEntry["changes"][number];

function ChangeList({ changes }: { changes: Change[] }) {
  const t = useTranslations("goals.historyView");
  const labels = useHistoryLabels();
  return (
    <ul className="mt-1 flex flex-col gap-0.5 text-sm">
      {changes.map((change, index) => (
        <li key={`${change.field}-${index}`} className="break-words">
          <span className="text-slate-600">{labels.field(change.field)}:</span> <Value field={change.field} shape={shapeOf(change.from)} />
          <span aria-hidden> → </span>
          <span className="sr-only"> {t("changedTo")} </span>
          <Value field={change.field} shape={shapeOf(change.to)} />
        </li>
      ))}
    </ul>
  );
}

function Value({ field, shape }: { field: string; shape: ValueShape }) {
  const t = useTranslations("goals.historyView");
  const labels = useHistoryLabels();
  return (
    <ChangeValue
      field={field}
      shape={shape}
      labels={{
        none: t("none"),
        yes: t("yes"),
        no: t("no"),
        listSeparator: "; ",
        field: labels.field,
        // "changedFields" lists field names: those read as the fields' labels
        value: (key, value) => (key === "changedFields" ? labels.field(value) : labels.enumValue(key, value)),
      }}
    />
  );
}
