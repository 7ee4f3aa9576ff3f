import { useTranslations } from "next-intl";
import type { GoalStatus } from "../goals.schema";

const TONES: Record<GoalStatus, string> = {
  DRAFT: "border-slate-300 bg-white text-slate-700",
  PROPOSED: "border-amber-300 bg-amber-50 text-amber-900",
  ACTIVE: "border-emerald-300 bg-emerald-50 text-emerald-800",
  CLOSED: "border-sky-300 bg-sky-50 text-sky-900",
  CANCELLED: "border-slate-300 bg-slate-100 text-slate-600",
};

/** A shape per status, so the badge reads without colour too (the word is always there). */
function StatusIcon({ status }: { status: GoalStatus }) {
  const common = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;
  return (
    <svg viewBox="0 0 16 16" aria-hidden className="size-3.5 shrink-0">
      {status === "DRAFT" ? <circle cx="8" cy="8" r="5.5" {...common} strokeDasharray="2.5 2" /> : null}
      {status === "PROPOSED" ? (
        <>
          <circle cx="8" cy="8" r="5.5" {...common} />
          <path d="M8 5v3l2 1.5" {...common} />
        </>
      ) : null}
      {status === "ACTIVE" ? (
        <>
          <circle cx="8" cy="8" r="5.5" {...common} />
          <circle cx="8" cy="8" r="2.5" fill="currentColor" />
        </>
      ) : null}
      {status === "CLOSED" ? <path d="M3.5 8.5l3 3 6-7" {...common} /> : null}
      {status === "CANCELLED" ? <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" {...common} /> : null}
    </svg>
  );
}

export function StatusBadge({ status }: { status: GoalStatus }) {
  const t = useTranslations("goals.status");
  return (
    <span
      data-testid="goal-status"
      data-status={status}
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[status]}`}
    >
      <StatusIcon status={status} />
      {t(status)}
    </span>
  );
}
