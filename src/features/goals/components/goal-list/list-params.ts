/**
 * The goal list's tab and filters live in the URL, so a view can be bookmarked, shared and
 * reached with the back button. Unknown values are ignored rather than refused.
 */
import {
  GOAL_KINDS,
  GOAL_LEVELS,
  GOAL_STATUSES,
  type GoalKind,
  type GoalLevel,
  type GoalListScope,
  type GoalStatus,
} from "../../goals.schema";

export const LIST_SCOPES = ["mine", "team", "organization"] as const satisfies readonly GoalListScope[];

/** `period`: a period id, "all" for every period, or null for the current period (the default). */
export type GoalListView = {
  scope: GoalListScope;
  period: string | null;
  level: GoalLevel | null;
  kind: GoalKind | null;
  status: GoalStatus | null;
};

export const DEFAULT_VIEW: GoalListView = { scope: "mine", period: null, level: null, kind: null, status: null };

type ParamSource = { get(name: string): string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

export function parseListView(params: ParamSource): GoalListView {
  const period = params.get("period");
  return {
    scope: oneOf(LIST_SCOPES, params.get("scope")) ?? "mine",
    period: period === "all" || (period !== null && UUID.test(period)) ? period : null,
    level: oneOf(GOAL_LEVELS, params.get("level")),
    kind: oneOf(GOAL_KINDS, params.get("kind")),
    status: oneOf(GOAL_STATUSES, params.get("status")),
  };
}

/** The query string of a view, defaults left out ("" for the default view). */
export function listViewQuery(view: GoalListView): string {
  const params = new URLSearchParams();
  if (view.scope !== "mine") params.set("scope", view.scope);
  if (view.period !== null) params.set("period", view.period);
  if (view.level !== null) params.set("level", view.level);
  if (view.kind !== null) params.set("kind", view.kind);
  if (view.status !== null) params.set("status", view.status);
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}

/**
 * The period the server is asked for: the chosen one, every period (null), or the current
 * one; with no current period, every period.
 */
export function periodFilter(view: GoalListView, currentPeriodId: string | null): string | null {
  if (view.period === "all") return null;
  return view.period ?? currentPeriodId;
}

/** True when anything but the tab differs from the defaults. */
export function isFiltered(view: GoalListView): boolean {
  return view.period !== null || view.level !== null || view.kind !== null || view.status !== null;
}
