import { GOAL_LEVELS, type GoalLevel, type OwnerOptions } from "@/features/goals/goals.schema";
import { defaultStartDate, type NewGoalDefaults } from "./form";

/**
 * What a new goal starts with, from the address ("?level=TEAM&parentGoalId=…", e.g. "add a
 * team goal under this organisation goal") and what the caller may create. Pure: the page
 * gathers the facts, this picks.
 */

export type NewGoalQuery = { level?: string; teamId?: string; ownerId?: string; parentGoalId?: string };
export type PeriodFacts = { id: string; startDate: string; endDate: string; isCurrent: boolean };
export type ParentFacts = { id: string; level: GoalLevel; period: { id: string; startDate: string; endDate: string } };

/** The levels whose owner options offer someone (or, for team goals, a team). */
export function creatableLevels(choices: Partial<Record<GoalLevel, OwnerOptions | null>>): GoalLevel[] {
  return GOAL_LEVELS.filter((level) => {
    const options = choices[level];
    if (!options) return false;
    return level === "TEAM" ? options.teams.length > 0 : options.people.length > 0;
  });
}

const contains = (outer: { startDate: string; endDate: string }, inner: { startDate: string; endDate: string }) =>
  outer.startDate <= inner.startDate && inner.endDate <= outer.endDate;

/** The level a goal under this parent usually has: under an organisation goal a team goal, under a team goal a personal one. */
function levelUnder(parent: ParentFacts | null, allowed: readonly GoalLevel[]): GoalLevel | null {
  if (!parent) return null;
  const wanted: GoalLevel[] = parent.level === "ORGANIZATION" ? ["TEAM", "INDIVIDUAL"] : parent.level === "TEAM" ? ["INDIVIDUAL"] : [];
  return wanted.find((level) => allowed.includes(level)) ?? null;
}

export function chooseNewGoalDefaults(input: {
  query: NewGoalQuery;
  allowedLevels: readonly GoalLevel[];
  ownerChoices: Partial<Record<GoalLevel, OwnerOptions | null>>;
  periods: readonly PeriodFacts[];
  me: string;
  parent: ParentFacts | null;
  today: string;
}): NewGoalDefaults | null {
  const { query, allowedLevels, ownerChoices, periods, me, parent, today } = input;
  if (allowedLevels.length === 0 || periods.length === 0) return null;

  const asked = allowedLevels.find((level) => level === query.level);
  const level: GoalLevel =
    asked ?? levelUnder(parent, allowedLevels) ?? (allowedLevels.includes("INDIVIDUAL") ? "INDIVIDUAL" : allowedLevels[0]!);
  // only keep a parent that a goal of this level can link to (organisation goals link to nothing)
  const usableParent = parent && level !== "ORGANIZATION" && !(level === "TEAM" && parent.level !== "ORGANIZATION") ? parent : null;

  // the current period, unless the parent's period does not contain it: then the parent's own
  const current = periods.find((period) => period.isCurrent) ?? periods[0]!;
  const period =
    usableParent && !contains(usableParent.period, current)
      ? (periods.find((candidate) => candidate.id === usableParent.period.id) ?? current)
      : current;

  const options = ownerChoices[level];
  let teamId = "";
  let ownerId = "";
  if (level === "TEAM") {
    const teams = options?.teams ?? [];
    const team = teams.find((candidate) => candidate.id === query.teamId) ?? teams[0];
    teamId = team?.id ?? "";
    const leads = team?.leads ?? [];
    ownerId = leads.some((lead) => lead.membershipId === me) ? me : (leads[0]?.membershipId ?? "");
  } else {
    const people = options?.people ?? [];
    const wanted = people.find((person) => person.membershipId === query.ownerId);
    ownerId = wanted?.membershipId ?? (people.some((person) => person.membershipId === me) ? me : (people[0]?.membershipId ?? me));
  }

  return {
    level,
    ownerId,
    teamId,
    periodId: period.id,
    parentGoalId: usableParent?.id ?? "",
    startDate: defaultStartDate(today, period),
  };
}
