"use client";

import { useTranslations } from "next-intl";
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { GoalSummary } from "../../goals.schema";
import { GoalRow } from "./goal-row";
import { dropIndex, moveItem } from "./reorder";

type Lifted = { id: string; from: number; mode: "keyboard" | "pointer" };
type PointerDrag = { id: string; from: number; pointerId: number; startY: number; middles: number[]; moved: boolean };

/** The order to show: a preview while moving, else the goals' own; ids no longer present dropped. */
function visibleOrder(goals: readonly GoalSummary[], preview: readonly string[] | null): string[] {
  const ids = goals.map((goal) => goal.id);
  if (!preview) return ids;
  const present = new Set(ids);
  const kept = preview.filter((id) => present.has(id));
  return [...kept, ...ids.filter((id) => !kept.includes(id))];
}

/**
 * The owner's goals in priority order. Where the order may change, each goal has a handle:
 * drag it with a pointer, or focus it, press Space to lift, move with the arrow keys, press
 * Space again to drop (Escape puts it back). A live region tells what happens.
 */
export function PriorityList({
  orgSlug,
  goals,
  reorderable,
  saving,
  onReorder,
  announcement,
}: {
  orgSlug: string;
  goals: readonly GoalSummary[];
  reorderable: boolean;
  saving: boolean;
  onReorder: (ids: string[]) => void;
  /** a message from the parent for the live region (saved, failed) */
  announcement: string;
}) {
  const t = useTranslations("goals.list.reorder");
  const instructionsId = useId();
  const [preview, setPreview] = useState<string[] | null>(null);
  const [lifted, setLifted] = useState<Lifted | null>(null);
  const [message, setMessage] = useState("");
  const rows = useRef(new Map<string, HTMLLIElement>());
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const drag = useRef<PointerDrag | null>(null);

  const order = visibleOrder(goals, preview);
  const byId = new Map(goals.map((goal) => [goal.id, goal]));
  const total = order.length;
  const titleOf = (id: string) => byId.get(id)?.title ?? "";

  // the parent's news (saved, failed) replaces ours when it arrives
  const [seenAnnouncement, setSeenAnnouncement] = useState(announcement);
  if (announcement !== seenAnnouncement) {
    setSeenAnnouncement(announcement);
    if (announcement) setMessage(announcement);
  }

  // moving a row moves its element in the page, which can take the focus from its handle
  useLayoutEffect(() => {
    if (lifted?.mode !== "keyboard") return;
    const handle = handles.current.get(lifted.id);
    if (handle && document.activeElement !== handle) handle.focus();
  }, [lifted, preview]);

  function finish(ids: string[] | null) {
    setPreview(null);
    setLifted(null);
    const before = goals.map((goal) => goal.id);
    if (ids && ids.some((id, index) => id !== before[index])) onReorder(ids);
  }

  function cancel(id: string) {
    const position = goals.findIndex((goal) => goal.id === id) + 1;
    setMessage(t("cancelled", { title: titleOf(id), position, total }));
    setPreview(null);
    setLifted(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, id: string) {
    if (!reorderable || saving) return;
    const index = order.indexOf(id);
    if (event.key === " " || event.key === "Enter") {
      event.preventDefault();
      if (lifted?.id === id) {
        setMessage(t("dropped", { title: titleOf(id), position: index + 1, total }));
        finish(order);
      } else {
        setLifted({ id, from: index, mode: "keyboard" });
        setPreview(order);
        setMessage(t("lifted", { title: titleOf(id), position: index + 1, total }));
      }
      return;
    }
    if (lifted?.id !== id) return;
    const moves: Record<string, number> = { ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: total - 1 };
    if (event.key in moves) {
      event.preventDefault();
      const target = Math.min(Math.max(moves[event.key]!, 0), total - 1);
      if (target === index) return;
      setPreview(moveItem(order, index, target));
      setMessage(t("moved", { title: titleOf(id), position: target + 1, total }));
    } else if (event.key === "Escape") {
      event.preventDefault();
      cancel(id);
    } else if (event.key === "Tab") {
      cancel(id);
    }
  }

  function onPointerDown(event: PointerEvent<HTMLButtonElement>, id: string) {
    if (!reorderable || saving || event.button !== 0) return;
    const from = order.indexOf(id);
    const middles = order.map((rowId) => {
      const rect = rows.current.get(rowId)?.getBoundingClientRect();
      return rect ? rect.top + rect.height / 2 : 0;
    });
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { id, from, pointerId: event.pointerId, startY: event.clientY, middles, moved: false };
  }

  function onPointerMove(event: PointerEvent<HTMLButtonElement>) {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    if (!current.moved && Math.abs(event.clientY - current.startY) < 4) return;
    if (!current.moved) {
      current.moved = true;
      setLifted({ id: current.id, from: current.from, mode: "pointer" });
      setMessage(t("lifted", { title: titleOf(current.id), position: current.from + 1, total }));
    }
    const base = goals.map((goal) => goal.id);
    setPreview(moveItem(base, current.from, dropIndex(current.middles, current.from, event.clientY)));
  }

  function onPointerUp(event: PointerEvent<HTMLButtonElement>) {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    drag.current = null;
    if (!current.moved) return;
    const position = order.indexOf(current.id) + 1;
    setMessage(t("dropped", { title: titleOf(current.id), position, total }));
    finish(order);
  }

  function onPointerCancel() {
    const current = drag.current;
    drag.current = null;
    if (current?.moved) cancel(current.id);
  }

  return (
    <div>
      {reorderable ? (
        <p id={instructionsId} className="mb-2 text-sm text-slate-600">
          {t("instructions")}
        </p>
      ) : null}
      <p aria-live="assertive" aria-atomic="true" className="sr-only" data-testid="reorder-announcement">
        {message}
      </p>
      <ol
        aria-label={t("listLabel")}
        aria-busy={saving || undefined}
        className="flex flex-col gap-3 md:gap-0 md:divide-y md:divide-slate-100 md:overflow-hidden md:rounded-lg md:border md:border-slate-200 md:bg-white md:shadow-sm"
      >
        {order.map((id, index) => {
          const goal = byId.get(id)!;
          const isLifted = lifted?.id === id;
          return (
            <li
              key={id}
              ref={(element) => {
                if (element) rows.current.set(id, element);
                else rows.current.delete(id);
              }}
              data-testid="goal-row"
              data-goal-id={id}
              className={`rounded-lg border bg-white shadow-sm transition-shadow md:rounded-none md:border-0 md:shadow-none ${
                isLifted ? "relative z-10 border-brand-500 ring-2 ring-brand-500 md:bg-brand-50 md:shadow-lg" : "border-slate-200"
              }`}
            >
              <GoalRow
                orgSlug={orgSlug}
                goal={goal}
                showOwner={false}
                leading={
                  <>
                    {reorderable ? (
                      <button
                        type="button"
                        ref={(element) => {
                          if (element) handles.current.set(id, element);
                          else handles.current.delete(id);
                        }}
                        aria-label={t("handle", { title: goal.title, position: index + 1, total })}
                        aria-describedby={instructionsId}
                        aria-disabled={saving || undefined}
                        onKeyDown={(event) => onKeyDown(event, id)}
                        onPointerDown={(event) => onPointerDown(event, id)}
                        onPointerMove={onPointerMove}
                        onPointerUp={onPointerUp}
                        onPointerCancel={onPointerCancel}
                        onBlur={() => {
                          // a keyboard lift ends when the focus leaves the handle for good
                          window.setTimeout(() => {
                            const handle = handles.current.get(id);
                            if (lifted?.id === id && lifted.mode === "keyboard" && handle && document.activeElement !== handle) cancel(id);
                          }, 0);
                        }}
                        data-testid="reorder-handle"
                        className={`-my-1 flex size-9 cursor-grab touch-none items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800 active:cursor-grabbing ${
                          isLifted ? "bg-brand-100 text-brand-800" : ""
                        }`}
                      >
                        <svg viewBox="0 0 20 20" aria-hidden className="size-5">
                          {[5, 10, 15].flatMap((y) => [7, 13].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.6" fill="currentColor" />))}
                        </svg>
                      </button>
                    ) : null}
                    <span
                      className="flex h-7 min-w-7 items-center justify-center rounded-full bg-slate-100 px-2 text-sm font-semibold text-slate-700 tabular-nums"
                      data-testid="goal-priority"
                    >
                      <span className="sr-only">{t("priority")} </span>
                      {index + 1}
                    </span>
                  </>
                }
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
