import type { OrgChart, OrgChartPerson, OrgChartTeam } from "./org-chart.schema";

/** Lower case without diacritics, so "asa" finds "Åsa" and "bjorn" finds "Björn". */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase("sv").trim();
}

/** Every word of the query starts a word of the name (or is found inside it, from 3 letters). */
export function nameMatches(name: string, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const folded = foldForSearch(name);
  const nameWords = folded.split(/[\s-]+/);
  return words.every((word) => nameWords.some((part) => part.startsWith(word)) || (word.length >= 3 && folded.includes(word)));
}

export type FilteredOrgChart = { teams: OrgChartTeam[]; withoutTeam: OrgChartPerson[]; matchCount: number };

/**
 * The chart narrowed to people whose name matches, keeping each matching person's team and
 * the teams above it (so the place stays readable), and dropping branches with no match.
 */
export function filterOrgChart(chart: OrgChart, query: string): FilteredOrgChart {
  if (foldForSearch(query) === "") {
    const everyone = chart.teams.reduce((sum, team) => sum + team.people.length, 0) + chart.withoutTeam.length;
    return { teams: chart.teams, withoutTeam: chart.withoutTeam, matchCount: everyone };
  }
  const people = new Map(chart.teams.map((team) => [team.id, team.people.filter((person) => nameMatches(person.name, query))]));
  const keep = new Set<string>();
  // the list is depth first, so walking it backwards meets every child before its parent
  for (const team of [...chart.teams].reverse()) {
    if (people.get(team.id)!.length > 0 || team.childIds.some((id) => keep.has(id))) keep.add(team.id);
  }
  const teams = chart.teams
    .filter((team) => keep.has(team.id))
    .map((team) => ({ ...team, people: people.get(team.id)!, childIds: team.childIds.filter((id) => keep.has(id)) }));
  const withoutTeam = chart.withoutTeam.filter((person) => nameMatches(person.name, query));
  const matchCount = teams.reduce((sum, team) => sum + team.people.length, 0) + withoutTeam.length;
  return { teams, withoutTeam, matchCount };
}
