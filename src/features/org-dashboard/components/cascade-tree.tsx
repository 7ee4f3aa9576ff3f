"use client";

import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { HealthBadge, StaleFlag } from "@/features/checkins/components/health-badge";
import { usePointsFormat } from "@/features/checkins/components/use-check-in-format";
import { StatusBadge } from "@/features/goals/components/status-badge";
import { useTRPC } from "@/lib/trpc/client";
import { Alert } from "@/ui/card";
import { EmptyState, Skeleton } from "@/ui/page-parts";
import type { DashboardChildren, DashboardNode } from "../org-dashboard.schema";

/**
 * The cascade tree: organisation goals, the team goals under them and the people's goals
 * below, fetched one level at a time when a node is expanded (a large organisation never
 * ships its whole tree). An ARIA tree: one tab stop, arrow keys move and expand, Enter opens
 * the goal.
 */

type TreeState = {
  orgSlug: string;
  periodId: string;
  expanded: ReadonlySet<string>;
  setOpen: (id: string, open: boolean) => void;
  activeId: string | null;
  setActiveId: (id: string) => void;
};

const TreeContext = createContext<TreeState | null>(null);

function useTree(): TreeState {
  const state = useContext(TreeContext);
  if (!state) throw new Error("useTree outside the cascade tree");
  return state;
}

const nextCursorOf = (page: DashboardChildren) => page.nextCursor ?? undefined;

function useLevel(parentGoalId: string | null, initial?: DashboardChildren) {
  const trpc = useTRPC();
  const { orgSlug, periodId } = useTree();
  const initialData: InfiniteData<DashboardChildren, string | null> | undefined = initial ? { pages: [initial], pageParams: [null] } : undefined;
  return useInfiniteQuery({
    ...trpc.orgDashboard.children.infiniteQueryOptions({ orgSlug, periodId, parentGoalId }, { getNextPageParam: nextCursorOf }),
    initialData,
  });
}

type Level = ReturnType<typeof useLevel>;

export function CascadeTree({
  orgSlug,
  periodId,
  initialRoots,
  canCreateOrganizationGoals,
}: {
  orgSlug: string;
  periodId: string;
  initialRoots?: DashboardChildren;
  canCreateOrganizationGoals: boolean;
}) {
  const t = useTranslations("orgDashboard.tree");
  const router = useRouter();
  const treeRef = useRef<HTMLUListElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [activeId, setActiveId] = useState<string | null>(null);

  const setOpen = useCallback(
    (id: string, open: boolean) => {
      setExpanded((current) => {
        if (current.has(id) === open) return current;
        const copy = new Set(current);
        if (open) copy.add(id);
        else copy.delete(id);
        return copy;
      });
      // the tab stop must not vanish with the collapsed branch
      if (!open && activeId !== null && activeId !== id) {
        const branch = treeRef.current?.querySelector(`[data-node-id="${id}"]`);
        const active = treeRef.current?.querySelector(`[data-node-id="${activeId}"]`);
        if (branch && active && branch.contains(active)) setActiveId(id);
      }
    },
    [activeId],
  );

  const state = useMemo<TreeState>(() => ({ orgSlug, periodId, expanded, setOpen, activeId, setActiveId }), [orgSlug, periodId, expanded, setOpen, activeId]);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const tree = treeRef.current;
    const item = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!tree || !item || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"]'));
    const index = items.indexOf(item);
    const id = item.dataset.nodeId ?? "";
    const expandedState = item.getAttribute("aria-expanded");
    const focus = (target: HTMLElement | null | undefined) => target?.focus();
    switch (event.key) {
      case "ArrowDown":
        focus(items[index + 1]);
        break;
      case "ArrowUp":
        focus(items[index - 1]);
        break;
      case "Home":
        focus(items[0]);
        break;
      case "End":
        focus(items[items.length - 1]);
        break;
      case "ArrowRight":
        if (expandedState === "false") setOpen(id, true);
        else if (expandedState === "true") focus(item.querySelector<HTMLElement>('[role="group"] [role="treeitem"]'));
        break;
      case "ArrowLeft":
        if (expandedState === "true") setOpen(id, false);
        else focus(item.parentElement?.closest<HTMLElement>('[role="treeitem"]'));
        break;
      case "Enter":
        if (item.dataset.href) router.push(item.dataset.href);
        else item.click();
        break;
      case " ":
        if (expandedState !== null) setOpen(id, expandedState === "false");
        else if (!item.dataset.href) item.click();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  return (
    <TreeContext.Provider value={state}>
      <Roots treeRef={treeRef} onKeyDown={onKeyDown} initialRoots={initialRoots} canCreateOrganizationGoals={canCreateOrganizationGoals} label={t("label")} />
    </TreeContext.Provider>
  );
}

function Roots({
  treeRef,
  onKeyDown,
  initialRoots,
  canCreateOrganizationGoals,
  label,
}: {
  treeRef: React.RefObject<HTMLUListElement | null>;
  onKeyDown: (event: KeyboardEvent<HTMLUListElement>) => void;
  initialRoots?: DashboardChildren;
  canCreateOrganizationGoals: boolean;
  label: string;
}) {
  const t = useTranslations("orgDashboard.tree");
  const { orgSlug } = useTree();
  const level = useLevel(null, initialRoots);
  const pages = level.data?.pages ?? [];

  if (level.isError && pages.length === 0) {
    return (
      <Alert>
        <span>{t("loadFailed")} </span>
        <button type="button" className="font-medium underline" onClick={() => void level.refetch()}>
          {t("retry")}
        </button>
      </Alert>
    );
  }
  if (pages.length === 0) return <Skeleton label={t("loading")} rows={4} />;
  if (pages[0]!.total === 0) {
    return (
      <EmptyState title={t("emptyTitle")}>
        <p>{canCreateOrganizationGoals ? t("emptyBodyCreate") : t("emptyBody")}</p>
        {canCreateOrganizationGoals ? (
          <Link href={`/o/${orgSlug}/goals/new?level=ORGANIZATION`} className="mt-2 inline-block font-medium text-brand-700 underline">
            {t("emptyAction")}
          </Link>
        ) : null}
      </EmptyState>
    );
  }
  return (
    <ul ref={treeRef} role="tree" aria-label={label} onKeyDown={onKeyDown} data-testid="dashboard-tree" className="flex flex-col gap-2">
      <LevelItems level={level} depth={1} parentGoalId={null} />
    </ul>
  );
}

/** The nodes of one level, then a "show more" item while pages remain. */
function LevelItems({ level, depth, parentGoalId }: { level: Level; depth: number; parentGoalId: string | null }) {
  const t = useTranslations("orgDashboard.tree");
  const { activeId } = useTree();
  const pages = level.data?.pages ?? [];
  const nodes = pages.flatMap((page) => page.nodes);
  const total = pages[0]?.total ?? 0;
  const moreId = `more:${parentGoalId ?? "root"}`;
  return (
    <>
      {nodes.map((node, index) => (
        <NodeItem
          key={node.id}
          node={node}
          depth={depth}
          position={index + 1}
          setSize={total}
          // the first node of the tree is the tab stop until another one has been focused
          tabStop={activeId === node.id || (activeId === null && depth === 1 && index === 0)}
        />
      ))}
      {level.hasNextPage ? (
        <ActionItem
          id={moreId}
          testId="dashboard-show-more"
          busy={level.isFetchingNextPage}
          onActivate={(item) => {
            // keep the keyboard where the reader was: on the first of the nodes just loaded
            const lastShown = item.previousElementSibling;
            void level.fetchNextPage().then(() =>
              requestAnimationFrame(() => {
                const next = lastShown?.nextElementSibling;
                if (next instanceof HTMLElement && next.dataset.href) next.focus();
              }),
            );
          }}
          label={level.isFetchingNextPage ? t("loadingMore") : t("showMore", { shown: nodes.length, total })}
        />
      ) : null}
      {level.isFetchNextPageError ? (
        <li role="none" className="text-sm text-red-800">
          {t("loadMoreFailed")}
        </li>
      ) : null}
    </>
  );
}

/** A tree item that does something instead of holding a goal: show more, try again. */
function ActionItem({
  id,
  testId,
  label,
  busy = false,
  onActivate,
}: {
  id: string;
  testId: string;
  label: string;
  busy?: boolean;
  onActivate: (item: HTMLElement) => void;
}) {
  const { activeId, setActiveId } = useTree();
  return (
    <li
      role="treeitem"
      aria-selected={activeId === id}
      tabIndex={activeId === id ? 0 : -1}
      data-node-id={id}
      data-testid={testId}
      aria-busy={busy || undefined}
      onFocus={(event) => event.target === event.currentTarget && setActiveId(id)}
      onClick={(event) => !busy && onActivate(event.currentTarget)}
      className="ml-9 w-fit cursor-pointer rounded-md px-2 py-1 text-sm font-medium text-brand-700 underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-brand-500"
    >
      {label}
    </li>
  );
}

function ChildLevel({ parentGoalId, depth }: { parentGoalId: string; depth: number }) {
  const t = useTranslations("orgDashboard.tree");
  const level = useLevel(parentGoalId);
  return (
    <ul role="group" data-testid="dashboard-node-children" className="mt-1 ml-3 flex flex-col gap-1 border-l-2 border-brand-100 pl-3 sm:ml-4 sm:pl-4">
      {level.isPending ? (
        <li role="none" className="py-1 text-sm text-slate-600">
          <span role="status">{t("loadingChildren")}</span>
        </li>
      ) : level.isError ? (
        <ActionItem id={`retry:${parentGoalId}`} testId="dashboard-retry" onActivate={() => void level.refetch()} label={t("childrenFailed")} />
      ) : (
        <LevelItems level={level} depth={depth} parentGoalId={parentGoalId} />
      )}
    </ul>
  );
}

function Chevron({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden className={`size-4 transition-transform ${open ? "rotate-90" : ""}`}>
      <path d="M7 4l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** A number of points as a figure and a bar; the figure carries the meaning, the bar is decoration. */
export function ProgressMeter({ label, points, testId }: { label: string; points: number; testId: string }) {
  const percent = usePointsFormat();
  return (
    <div className="flex min-w-0 items-center gap-2 text-xs text-slate-700" data-testid={testId} data-points={Math.round(points * 100) / 100}>
      <span className="w-24 shrink-0 sm:w-28">{label}</span>
      <span aria-hidden className="relative h-2 w-20 shrink-0 overflow-hidden rounded-full bg-slate-200 sm:w-24">
        <span className="absolute inset-y-0 left-0 rounded-full bg-brand-600" style={{ width: `${Math.max(0, Math.min(100, points))}%` }} />
      </span>
      <span className="w-12 text-right font-semibold tabular-nums text-slate-900">{percent(points)}</span>
    </div>
  );
}

function NodeItem({ node, depth, position, setSize, tabStop }: { node: DashboardNode; depth: number; position: number; setSize: number; tabStop: boolean }) {
  const t = useTranslations("orgDashboard.tree");
  const tGoals = useTranslations("goals");
  const { orgSlug, periodId, expanded, setOpen, setActiveId } = useTree();
  const titleId = useId();
  const detailsId = useId();
  const percent = usePointsFormat();
  const expandable = node.childCount > 0;
  const open = expandable && expanded.has(node.id);
  const href = `/o/${orgSlug}/goals/${node.id}`;
  const top = depth === 1;

  function onRowClick(event: MouseEvent<HTMLDivElement>) {
    // links keep their own meaning; anywhere else on the row opens or closes the branch
    if ((event.target as HTMLElement).closest("a")) return;
    if (expandable) setOpen(node.id, !open);
  }

  const details = [
    node.progressPoints !== null ? t("ownProgressText", { value: percent(node.progressPoints) }) : t("noMeasure"),
    node.rollup ? t("rollupText", { value: percent(node.rollup.progressPoints), count: node.rollup.goalCount }) : null,
    node.health ? t(`healthText.${node.health}`) : null,
    node.stale ? t("staleText") : null,
    expandable ? t("childCount", { count: node.childCount }) : null,
  ].filter(Boolean);

  return (
    <li
      role="treeitem"
      aria-level={depth}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-expanded={expandable ? open : undefined}
      // selection follows focus: the node one last moved to is the selected one
      aria-selected={tabStop}
      aria-labelledby={titleId}
      aria-describedby={detailsId}
      tabIndex={tabStop ? 0 : -1}
      data-node-id={node.id}
      data-href={href}
      data-testid="dashboard-node"
      data-goal-id={node.id}
      data-level={node.level}
      onFocus={(event) => event.target === event.currentTarget && setActiveId(node.id)}
      className="outline-none [&:focus-visible>.node-row]:ring-2 [&:focus-visible>.node-row]:ring-brand-500"
    >
      <div
        onClick={onRowClick}
        className={`node-row flex flex-col gap-2 rounded-lg sm:flex-row sm:items-start sm:justify-between ${
          top ? "border border-slate-200 bg-white p-3 shadow-sm sm:px-4" : "px-2 py-1.5 hover:bg-slate-50"
        } ${expandable ? "cursor-pointer" : ""}`}
      >
        <div className="flex min-w-0 items-start gap-2">
          <span
            aria-hidden
            data-testid={expandable ? "dashboard-node-toggle" : undefined}
            className={`mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-md ${expandable ? "text-slate-700 hover:bg-slate-200" : "text-slate-300"}`}
          >
            {expandable ? <Chevron open={open} /> : "•"}
          </span>
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <Link
                id={titleId}
                href={href}
                tabIndex={-1}
                data-testid="dashboard-node-title"
                className={`break-words text-brand-700 underline-offset-2 hover:underline ${top ? "text-base font-semibold" : "font-medium"}`}
              >
                {node.title}
              </Link>
              {node.status !== "ACTIVE" ? <StatusBadge status={node.status} /> : null}
              {node.health ? <HealthBadge health={node.health} size="sm" /> : null}
              {node.stale ? <StaleFlag size="sm" /> : null}
            </p>
            <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-slate-600">
              <span>{tGoals(`level.${node.level}`)}</span>
              {node.team ? (
                <>
                  <span aria-hidden>·</span>
                  <Link href={`/o/${orgSlug}/teams/${node.team.id}`} tabIndex={-1} data-testid="dashboard-node-team" className="underline-offset-2 hover:underline">
                    {node.team.name}
                  </Link>
                </>
              ) : null}
              <span aria-hidden>·</span>
              <Link
                href={`/o/${orgSlug}/people/${node.owner.membershipId}`}
                tabIndex={-1}
                data-testid="dashboard-node-owner"
                className="underline-offset-2 hover:underline"
              >
                {node.owner.name}
              </Link>
              {node.period.id !== periodId ? (
                <>
                  <span aria-hidden>·</span>
                  <span>{node.period.name}</span>
                </>
              ) : null}
              {expandable ? (
                <>
                  <span aria-hidden>·</span>
                  <span data-testid="dashboard-node-count">{t("childCount", { count: node.childCount })}</span>
                </>
              ) : null}
            </p>
          </div>
        </div>
        <div className="flex shrink-0 flex-col gap-1 pl-8 sm:pl-0">
          {node.progressPoints !== null ? (
            <ProgressMeter label={t("ownProgress")} points={node.progressPoints} testId="dashboard-node-progress" />
          ) : (
            <p className="text-xs text-slate-600">{t("noMeasure")}</p>
          )}
          {node.rollup ? (
            <ProgressMeter label={t("rollup", { count: node.rollup.goalCount })} points={node.rollup.progressPoints} testId="dashboard-node-rollup" />
          ) : null}
        </div>
      </div>
      <span id={detailsId} className="sr-only">
        {details.join(". ")}
      </span>
      {open ? <ChildLevel parentGoalId={node.id} depth={depth + 1} /> : null}
    </li>
  );
}
