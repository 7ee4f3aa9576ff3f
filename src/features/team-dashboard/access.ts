import type { DashboardAccess } from "./team-dashboard.schema";

/**
 * Who sees a team's whole dashboard (its people, their goals, who lacks an accepted goal, the
 * sub-teams): HR and ADMIN; the leads of the team or of any team above it (a department's lead
 * already sees every sub-team's people in the department's own dashboard, so refusing the
 * sub-team's page would only hide the same facts behind a click); and anyone in such a lead's
 * manager chain. Everyone else in the organisation gets the public view: the team's own team
 * goals, which the whole organisation may read anyway.
 */
export type DashboardViewer = {
  membershipId: string;
  /** HR and ADMIN ("report.read") */
  readsReports: boolean;
  /** every membership below the viewer in the reporting line (empty for HR and ADMIN: not needed) */
  below: ReadonlySet<string>;
};

/** `leadIds`: the active leads of the team and of every team above it. */
export function dashboardAccessOf(viewer: DashboardViewer, leadIds: readonly string[]): DashboardAccess {
  if (viewer.readsReports) return "full";
  if (leadIds.some((leadId) => leadId === viewer.membershipId || viewer.below.has(leadId))) return "full";
  return "public";
}

/**
 * The period a dashboard shows: the one asked for, else the current one, else the one that
 * contains today, else the latest to start. `undefined` when the one asked for does not exist.
 */
export function choosePeriod<P extends { id: string; startDate: string; endDate: string; isCurrent: boolean }>(
  periods: readonly P[],
  periodId: string | null | undefined,
  today: string,
): P | null | undefined {
  if (periodId) return periods.find((period) => period.id === periodId);
  return (
    periods.find((period) => period.isCurrent) ??
    periods.find((period) => period.startDate <= today && today <= period.endDate) ??
    [...periods].sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0))[0] ??
    null
  );
}
