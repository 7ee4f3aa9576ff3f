"use client";

import { useTranslations } from "next-intl";
import { GOAL_KINDS, GOAL_LEVELS } from "@/features/goals/goals.schema";
import { compareNames } from "@/lib/collation";
import { Button } from "@/ui/button";
import { SelectField } from "@/ui/field";
import { REPORT_ROLES, type ReportView } from "../report-params";
import type { TeamChoice } from "../reports.schema";

export type PeriodChoice = { id: string; name: string; isCurrent: boolean; closed: boolean };

/** Period, department, team, kind, level and role: every choice goes to the URL at once. */
export function ReportFilters({
  view,
  periodId,
  periods,
  teams,
  filtered,
  onChange,
  onClear,
}: {
  view: ReportView;
  periodId: string;
  periods: readonly PeriodChoice[];
  /** null until the first report has told which teams there are */
  teams: readonly TeamChoice[] | null;
  filtered: boolean;
  onChange: (patch: Partial<ReportView>) => void;
  onClear: () => void;
}) {
  const t = useTranslations("reports.filters");
  const tGoals = useTranslations("goals");
  const tRoles = useTranslations("roles");
  const teamLabel = (team: TeamChoice) => (team.archived ? t("archivedTeam", { name: team.name }) : team.name);

  const departments = (teams ?? []).filter((team) => team.parentTeamId === null);
  const subTeams = (teams ?? []).filter((team) => team.parentTeamId !== null && (view.department === null || team.departmentId === view.department));
  // without a department chosen, the teams come grouped under their departments
  const groups = departments
    .map((department) => ({ department, teams: subTeams.filter((team) => team.departmentId === department.id) }))
    .filter((group) => group.teams.length > 0);
  const byName = (a: TeamChoice, b: TeamChoice) => compareNames(a.name, b.name);

  function chooseDepartment(department: string | null) {
    const team = (teams ?? []).find((choice) => choice.id === view.team);
    // a team outside the new department would leave nothing to show
    const keepTeam = department !== null && team !== undefined && team.departmentId === department && team.id !== department;
    onChange({ department, team: keepTeam ? view.team : null });
  }

  return (
    <section aria-label={t("label")} className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-[repeat(6,minmax(0,1fr))_auto] lg:items-end print:hidden">
      <SelectField
        label={t("period")}
        data-testid="report-period-select"
        value={periodId}
        onChange={(event) => {
          const chosen = periods.find((period) => period.id === event.target.value);
          onChange({ period: chosen && !chosen.isCurrent ? chosen.id : null });
        }}
      >
        {periods.map((period) => (
          <option key={period.id} value={period.id}>
            {period.isCurrent ? t("currentPeriod", { name: period.name }) : period.closed ? t("closedPeriod", { name: period.name }) : period.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("department")}
        data-testid="report-department-select"
        value={view.department ?? ""}
        disabled={teams === null}
        onChange={(event) => chooseDepartment(event.target.value || null)}
      >
        <option value="">{t("allDepartments")}</option>
        {departments.sort(byName).map((team) => (
          <option key={team.id} value={team.id}>
            {teamLabel(team)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("team")}
        data-testid="report-team-select"
        value={view.team ?? ""}
        disabled={teams === null}
        onChange={(event) => onChange({ team: event.target.value || null })}
      >
        <option value="">{t("allTeams")}</option>
        {view.department !== null
          ? subTeams.sort(byName).map((team) => (
              <option key={team.id} value={team.id}>
                {teamLabel(team)}
              </option>
            ))
          : groups.map((group) => (
              <optgroup key={group.department.id} label={teamLabel(group.department)}>
                {group.teams.sort(byName).map((team) => (
                  <option key={team.id} value={team.id}>
                    {teamLabel(team)}
                  </option>
                ))}
              </optgroup>
            ))}
      </SelectField>
      <SelectField
        label={t("kind")}
        data-testid="report-kind-select"
        value={view.kind ?? ""}
        onChange={(event) => onChange({ kind: (event.target.value || null) as ReportView["kind"] })}
      >
        <option value="">{t("allKinds")}</option>
        {GOAL_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {tGoals(`kind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("level")}
        data-testid="report-level-select"
        value={view.level ?? ""}
        onChange={(event) => onChange({ level: (event.target.value || null) as ReportView["level"] })}
      >
        <option value="">{t("allLevels")}</option>
        {GOAL_LEVELS.map((level) => (
          <option key={level} value={level}>
            {tGoals(`level.${level}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("role")}
        data-testid="report-role-select"
        value={view.role ?? ""}
        onChange={(event) => onChange({ role: (event.target.value || null) as ReportView["role"] })}
      >
        <option value="">{t("allRoles")}</option>
        {REPORT_ROLES.map((role) => (
          <option key={role} value={role}>
            {tRoles(role)}
          </option>
        ))}
      </SelectField>
      <div className="col-span-2 flex justify-end md:col-span-3 lg:col-span-1">
        <Button
          type="button"
          variant="ghost"
          data-testid="report-clear-filters"
          className="disabled:text-slate-400 disabled:hover:bg-transparent"
          onClick={onClear}
          disabled={!filtered}
        >
          {t("clear")}
        </Button>
      </div>
    </section>
  );
}
