/**
 * The report's period and filters live in the URL (?period=…&department=…&team=…&kind=…&level=…&role=…),
 * so a view can be bookmarked and shared, and the download links carry exactly what the
 * page shows. Unknown values are ignored rather than refused; the server checks the ids.
 */
import { GOAL_KINDS, GOAL_LEVELS, type GoalKind, type GoalLevel } from "@/features/goals/goals.schema";
import type { Role } from "@/server/db/generated/enums";
import type { ReportFilters } from "./reports.schema";

export const REPORT_ROLES = ["ADMIN", "HR", "MANAGER", "EMPLOYEE"] as const satisfies readonly Role[];
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ReportView = {
  /** null: the current period */
  period: string | null;
  department: string | null;
  team: string | null;
  kind: GoalKind | null;
  level: GoalLevel | null;
  role: Role | null;
};

export const DEFAULT_REPORT_VIEW: ReportView = { period: null, department: null, team: null, kind: null, level: null, role: null };

type ParamSource = { get(name: string): string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrNull = (value: string | null) => (value !== null && UUID.test(value) ? value.toLowerCase() : null);

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

export function parseReportView(params: ParamSource): ReportView {
  return {
    period: uuidOrNull(params.get("period")),
    department: uuidOrNull(params.get("department")),
    team: uuidOrNull(params.get("team")),
    kind: oneOf(GOAL_KINDS, params.get("kind")),
    level: oneOf(GOAL_LEVELS, params.get("level")),
    role: oneOf(REPORT_ROLES, params.get("role")),
  };
}

/** The query string of a view (with a leading "?", or "" for the default view); `extra` comes first. */
export function reportViewQuery(view: ReportView, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (view.period !== null) params.set("period", view.period);
  if (view.department !== null) params.set("department", view.department);
  if (view.team !== null) params.set("team", view.team);
  if (view.kind !== null) params.set("kind", view.kind);
  if (view.level !== null) params.set("level", view.level);
  if (view.role !== null) params.set("role", view.role);
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}

/** The filters `report.hr` takes for a view. */
export function filtersOf(view: ReportView): ReportFilters {
  return {
    ...(view.department ? { departmentTeamId: view.department } : {}),
    ...(view.team ? { teamId: view.team } : {}),
    ...(view.kind ? { kind: view.kind } : {}),
    ...(view.level ? { level: view.level } : {}),
    ...(view.role ? { role: view.role } : {}),
  };
}

/** True when any filter but the period is set. */
export function isFiltered(view: ReportView): boolean {
  return view.department !== null || view.team !== null || view.kind !== null || view.level !== null || view.role !== null;
}

/** The period a view asks for: the chosen one if the organisation has it, else the current one, else the latest. */
export function periodOf<P extends { id: string; isCurrent: boolean }>(view: ReportView, periods: readonly P[]): P | null {
  return periods.find((period) => period.id === view.period) ?? periods.find((period) => period.isCurrent) ?? periods[0] ?? null;
}
