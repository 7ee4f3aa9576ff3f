"use client";

import { useTranslations } from "next-intl";
import type { GoalHealthStatus } from "../checkins.schema";

const TONES: Record<GoalHealthStatus, string> = {
  ACHIEVED: "border-emerald-300 bg-emerald-50 text-emerald-900",
  ON_TRACK: "border-emerald-300 bg-white text-emerald-800",
  AT_RISK: "border-amber-400 bg-amber-50 text-amber-900",
  OFF_TRACK: "border-red-300 bg-red-50 text-red-800",
  OVERDUE: "border-red-400 bg-red-100 text-red-900",
};

const common = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;

/** A shape per status so the badge reads without colour (the word is always beside it). */
function HealthIcon({ health }: { health: GoalHealthStatus }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden className="size-3.5 shrink-0">
      {health === "ACHIEVED" ? (
        <>
          <circle cx="8" cy="8" r="6" fill="currentColor" />
          <path d="M5 8.2l2 2 4-4.4" {...common} stroke="white" />
        </>
      ) : null}
      {health === "ON_TRACK" ? <path d="M2.5 8h10M9 4.5L12.5 8 9 11.5" {...common} /> : null}
      {health === "AT_RISK" ? (
        <>
          <path d="M8 2.5l6 11H2z" {...common} />
          <path d="M8 6.5v3M8 11.6v.1" {...common} />
        </>
      ) : null}
      {health === "OFF_TRACK" ? <path d="M3 4.5l4.5 5 2.5-2.5 3.5 4M13.5 7.5v3.5H10" {...common} /> : null}
      {health === "OVERDUE" ? (
        <>
          <circle cx="8" cy="8" r="5.5" {...common} />
          <path d="M8 5v3.2L10 10" {...common} />
        </>
      ) : null}
    </svg>
  );
}

/** Where an active goal stands: achieved, overdue, on track, at risk or off track. */
export function HealthBadge({ health, size = "md" }: { health: GoalHealthStatus; size?: "sm" | "md" }) {
  const t = useTranslations("checkIns.health");
  return (
    <span
      data-testid="goal-health"
      data-health={health}
      className={`inline-flex items-center gap-1.5 rounded-full border font-medium whitespace-nowrap ${TONES[health]} ${
        size === "sm" ? "px-2 py-0.5 text-xs" : "px-2.5 py-1 text-sm"
      }`}
    >
      <HealthIcon health={health} />
      {t(health)}
    </span>
  );
}

/** The goal has gone too long without a check-in. */
export function StaleFlag({ size = "md" }: { size?: "sm" | "md" }) {
  const t = useTranslations("checkIns");
  return (
    <span
      data-testid="goal-stale"
      className={`inline-flex items-center gap-1.5 rounded-full border border-dashed border-slate-400 bg-slate-50 font-medium whitespace-nowrap text-slate-800 ${
        size === "sm" ? "px-2 py-0.5 text-xs" : "px-2.5 py-1 text-sm"
      }`}
    >
      <svg viewBox="0 0 16 16" aria-hidden className="size-3.5 shrink-0">
        <path d="M4 2.5h8M4 13.5h8M5 2.5c0 3 6 3.5 6 5.5s-6 2.5-6 5.5M11 2.5c0 3-6 3.5-6 5.5s6 2.5 6 5.5" {...common} strokeWidth={1.5} />
      </svg>
      {t("stale")}
    </span>
  );
}
