"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useDeferredValue, useId, useMemo, useState } from "react";
import type { AlignmentTree, AlignmentTreeNode } from "@/features/goals/goals.schema";
import { StatusBadge } from "@/features/goals/components/status-badge";
import { useTRPC } from "@/lib/trpc/client";
import { buttonClasses } from "@/ui/button";
import { Alert } from "@/ui/card";
import { SelectField, TextField } from "@/ui/field";
import { EmptyState, Skeleton } from "@/ui/page-parts";
import { buildAlignmentForest, filterForest, flattenForest, highlightParts, type TreeNode } from "../alignment-tree";

type Period = { id: string; name: string; isCurrent: boolean };
type Node = TreeNode<AlignmentTreeNode>;

const TOOLBAR_BUTTON = "rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:text-slate-400";

/** What the search looks in: the title, the owner, the team. */
const searchTexts = (goal: AlignmentTreeNode) => [goal.title, goal.owner.name, goal.team?.name ?? ""];

/**
 * The alignment tree of one period: organisation goals, the team goals linked to them and the
 * individual goals below, collapsible and searchable. Organisation goals nothing links to are
 * flagged; goals linked to nothing in the period are listed apart.
 */
export function AlignmentView({
  orgSlug,
  periods,
  initialPeriodId,
  initialTree,
  canCreateOrganizationGoals,
}: {
  orgSlug: string;
  periods: Period[];
  initialPeriodId: string;
  initialTree: AlignmentTree;
  canCreateOrganizationGoals: boolean;
}) {
  const t = useTranslations("alignment");
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const requested = searchParams.get("period");
  const periodId = requested && periods.some((period) => period.id === requested) ? requested : initialPeriodId;

  const tree = useQuery(
    trpc.goal.alignmentTree.queryOptions(
      { orgSlug, periodId },
      { initialData: periodId === initialPeriodId ? initialTree : undefined, placeholderData: keepPreviousData },
    ),
  );

  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  const forest = useMemo(() => buildAlignmentForest(tree.data?.nodes ?? []), [tree.data]);
  const filtered = useMemo(() => filterForest(forest, deferredQuery, searchTexts), [forest, deferredQuery]);
  const searching = deferredQuery.trim() !== "";
  const parents = useMemo(() => flattenForest(forest).filter((node) => node.children.length > 0), [forest]);
  const nodes = tree.data?.nodes ?? [];
  const counts = {
    organization: nodes.filter((node) => node.level === "ORGANIZATION").length,
    team: nodes.filter((node) => node.level === "TEAM").length,
    individual: nodes.filter((node) => node.level === "INDIVIDUAL").length,
    unlinked: nodes.filter((node) => node.unlinked).length,
  };

  function choosePeriod(id: string) {
    const params = new URLSearchParams(searchParams.toString());
    params.set("period", id);
    // the tree is fetched here; the address only remembers the choice
    window.history.replaceState(null, "", `?${params.toString()}`);
    setCollapsed(new Set());
  }

  const toggle = (id: string) =>
    setCollapsed((current) => {
      const copy = new Set(current);
      if (copy.has(id)) copy.delete(id);
      else copy.add(id);
      return copy;
    });
  const isOpen = (id: string) => searching || !collapsed.has(id);
  const period = tree.data?.period ?? periods.find((item) => item.id === periodId);
  const listProps = { orgSlug, query: deferredQuery, matches: filtered.matches, isOpen, toggle };

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 max-w-3xl text-slate-600">{t("lead")}</p>
        </div>
        {canCreateOrganizationGoals ? (
          <Link href={`/o/${orgSlug}/goals/new`} className={buttonClasses("secondary")}>
            {t("newGoal")}
          </Link>
        ) : null}
      </div>

      <div className="grid gap-3 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] lg:grid-cols-[14rem_minmax(0,24rem)_1fr] lg:items-end">
        <SelectField label={t("period")} value={periodId} onChange={(event) => choosePeriod(event.target.value)}>
          {periods.map((item) => (
            <option key={item.id} value={item.id}>
              {item.isCurrent ? t("currentPeriod", { name: item.name }) : item.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("search")}
          hint={t("searchHint")}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          autoComplete="off"
        />
        <div className="flex gap-1 sm:col-span-2 lg:col-span-1 lg:justify-end lg:self-center">
          <button type="button" className={TOOLBAR_BUTTON} disabled={searching || parents.length === 0} onClick={() => setCollapsed(new Set())}>
            {t("expandAll")}
          </button>
          <button
            type="button"
            className={TOOLBAR_BUTTON}
            disabled={searching || parents.length === 0}
            onClick={() => setCollapsed(new Set(parents.map((node) => node.goal.id)))}
          >
            {t("collapseAll")}
          </button>
        </div>
      </div>

      {tree.isError && !tree.data ? (
        <Alert>
          <span>{t("loadFailed")} </span>
          <button type="button" className="font-medium underline" onClick={() => void tree.refetch()}>
            {t("retry")}
          </button>
        </Alert>
      ) : !tree.data ? (
        <Skeleton label={t("loading")} rows={8} />
      ) : nodes.length === 0 ? (
        <EmptyState title={t("emptyTitle", { period: period?.name ?? "" })}>
          <p>{canCreateOrganizationGoals ? t("emptyBodyCreate") : t("emptyBody")}</p>
          {canCreateOrganizationGoals ? (
            <Link href={`/o/${orgSlug}/goals/new?level=ORGANIZATION`} className={buttonClasses("primary", "mt-3")}>
              {t("emptyAction")}
            </Link>
          ) : null}
        </EmptyState>
      ) : (
        <div aria-busy={tree.isFetching || undefined} className={`flex flex-col gap-4 ${tree.isPlaceholderData ? "opacity-60 transition-opacity" : ""}`}>
          <p className="text-sm text-slate-600" data-testid="alignment-summary">
            {t("summary", counts)}
            {counts.unlinked > 0 ? (
              <span className="ml-2 inline-flex items-center gap-1 font-medium text-amber-900">
                <WarningIcon />
                {t("unlinkedSummary", { count: counts.unlinked })}
              </span>
            ) : null}
          </p>

          <p aria-live="polite" className="text-sm text-slate-700 empty:hidden" data-testid="alignment-matches">
            {searching ? t("matches", { count: filtered.matches.size }) : ""}
          </p>

          {searching && filtered.matches.size === 0 ? (
            <EmptyState title={t("noMatchesTitle", { query: deferredQuery.trim() })}>{t("noMatchesBody")}</EmptyState>
          ) : null}

          {filtered.roots.length > 0 ? (
            <NodeList label={t("treeLabel")} testId="alignment-tree" className="gap-3" nodes={filtered.roots} {...listProps} />
          ) : null}

          {filtered.detached.length > 0 ? (
            <section aria-labelledby="detached-heading" className="rounded-lg border border-dashed border-slate-300 bg-white p-4">
              <h2 id="detached-heading" className="font-semibold">
                {t("detachedTitle")}
              </h2>
              <p className="mb-2 text-sm text-slate-600">{t("detachedLead")}</p>
              <NodeList testId="alignment-detached" className="gap-1" nodes={filtered.detached} {...listProps} />
            </section>
          ) : null}
        </div>
      )}
    </div>
  );
}

function WarningIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className="size-4 shrink-0">
      <path d="M10 3l8 14H2L10 3z" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
      <path d="M10 8v4M10 14.5v.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

function Highlighted({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlightParts(text, query).map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-inherit">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

type ListProps = Omit<NodeProps, "node" | "matched"> & { nodes: Node[]; label?: string; testId: string; className: string };

function NodeList({ nodes, label, testId, className, ...props }: ListProps) {
  return (
    <ul aria-label={label} className={`flex flex-col ${className}`} data-testid={testId}>
      {nodes.map((node) => (
        <GoalNode key={node.goal.id} node={node} matched={props.matches.has(node.goal.id)} {...props} />
      ))}
    </ul>
  );
}

type NodeProps = {
  orgSlug: string;
  node: Node;
  query: string;
  matched: boolean;
  matches: ReadonlySet<string>;
  isOpen: (id: string) => boolean;
  toggle: (id: string) => void;
};

function GoalNode({ orgSlug, node, query, matched, matches, isOpen, toggle }: NodeProps) {
  const t = useTranslations("alignment");
  const tGoals = useTranslations("goals");
  const childrenId = useId();
  const { goal, children } = node;
  const open = isOpen(goal.id);
  const top = node.depth === 0 && goal.level === "ORGANIZATION";
  const who = goal.level === "TEAM" && goal.team ? goal.team.name : goal.owner.name;
  const levelLabel = goal.level === "INDIVIDUAL" ? tGoals(`kind.${goal.kind}`) : tGoals(`level.${goal.level}`);

  return (
    <li
      data-testid="alignment-node"
      data-goal-id={goal.id}
      data-level={goal.level}
      className={top ? "rounded-lg border border-slate-200 bg-white shadow-sm" : "border-l-2 border-brand-100 pl-3 sm:pl-4"}
    >
      <div className={`flex items-start gap-2 ${top ? "px-3 pt-3 pb-2 sm:px-4" : "py-1.5"} ${matched ? "rounded-md bg-yellow-50" : ""}`}>
        {children.length > 0 ? (
          <button
            type="button"
            aria-expanded={open}
            aria-controls={childrenId}
            aria-label={open ? t("collapse", { title: goal.title }) : t("expand", { title: goal.title })}
            onClick={() => toggle(goal.id)}
            className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100"
          >
            <svg viewBox="0 0 20 20" aria-hidden className={`size-4 transition-transform ${open ? "rotate-90" : ""}`}>
              <path d="M7 4l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        ) : (
          <span aria-hidden className="mt-0.5 flex size-7 shrink-0 items-center justify-center text-slate-300">
            •
          </span>
        )}
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <Link
              href={`/o/${orgSlug}/goals/${goal.id}`}
              className={`break-words text-brand-700 underline-offset-2 hover:underline ${top ? "text-base font-semibold" : "font-medium"}`}
            >
              <Highlighted text={goal.title} query={query} />
            </Link>
            <StatusBadge status={goal.status} />
          </p>
          <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
            <span>{levelLabel}</span>
            <span aria-hidden>·</span>
            <span>
              <Highlighted text={who} query={query} />
            </span>
            {goal.level === "TEAM" && goal.owner.name !== who ? (
              <>
                <span aria-hidden>·</span>
                <span>
                  <Highlighted text={goal.owner.name} query={query} />
                </span>
              </>
            ) : null}
            {node.descendantCount > 0 ? (
              <>
                <span aria-hidden>·</span>
                <span data-testid="node-count">
                  {node.descendantCount > node.childCount
                    ? t("countNested", { direct: node.childCount, total: node.descendantCount })
                    : t("count", { count: node.descendantCount })}
                </span>
              </>
            ) : null}
          </p>
          {goal.unlinked ? (
            <p className="mt-1 inline-flex items-center gap-1 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900" data-testid="unlinked-flag">
              <WarningIcon />
              {t("unlinked")}
            </p>
          ) : null}
          {goal.contribution && !top ? <p className="mt-0.5 text-xs break-words text-slate-700">{goal.contribution}</p> : null}
        </div>
      </div>
      {children.length > 0 ? (
        <ul id={childrenId} hidden={!open} className={`flex flex-col ${top ? "px-3 pb-3 sm:px-4" : ""} ml-3.5 gap-0.5`}>
          {children.map((child) => (
            <GoalNode
              key={child.goal.id}
              orgSlug={orgSlug}
              node={child}
              query={query}
              matched={matches.has(child.goal.id)}
              matches={matches}
              isOpen={isOpen}
              toggle={toggle}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
