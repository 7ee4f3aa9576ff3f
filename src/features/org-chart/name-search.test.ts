import { describe, expect, it } from "vitest";
import { filterOrgChart, foldForSearch, nameMatches } from "./name-search";
import type { OrgChart, OrgChartPerson } from "./org-chart.schema";

const person = (name: string): OrgChartPerson => ({ membershipId: name, name, title: null, role: "EMPLOYEE" });

const team = (id: string, parentTeamId: string | null, depth: number, childIds: string[], people: string[]) => ({
  id,
  name: id,
  parentTeamId,
  depth,
  childIds,
  leads: [],
  people: people.map(person),
  totalHeadCount: people.length,
});

// Tech ─┬─ Platform ── Mobile
//       └─ Data
// Sales
const CHART: OrgChart = {
  teams: [
    team("Sales", null, 0, [], ["Anna Berg", "Björn Holm"]),
    team("Tech", null, 0, ["Data", "Platform"], ["Tor Tech"]),
    team("Data", "Tech", 1, [], ["Åsa Söderberg"]),
    team("Platform", "Tech", 1, ["Mobile"], []),
    team("Mobile", "Platform", 2, [], ["Anna-Karin Lund"]),
  ],
  withoutTeam: [person("Cecilia Vd")],
};

describe("name search", () => {
  it("ignores case and diacritics", () => {
    expect(foldForSearch(" ÅSA Söderberg ")).toBe("asa soderberg");
    expect(nameMatches("Åsa Söderberg", "asa")).toBe(true);
    expect(nameMatches("Björn Holm", "BJÖRN")).toBe(true);
  });

  it("matches the start of any word, every query word, and inside a name from three letters", () => {
    expect(nameMatches("Anna-Karin Lund", "karin")).toBe(true);
    expect(nameMatches("Anna Berg", "an be")).toBe(true);
    expect(nameMatches("Anna Berg", "an ho")).toBe(false);
    expect(nameMatches("Anna Berg", "erg")).toBe(true);
    expect(nameMatches("Anna Berg", "rg")).toBe(false);
    expect(nameMatches("Anna Berg", "   ")).toBe(true);
  });
});

describe("filterOrgChart", () => {
  it("keeps everything for an empty query", () => {
    const result = filterOrgChart(CHART, " ");
    expect(result.teams).toBe(CHART.teams);
    expect(result.matchCount).toBe(6);
  });

  it("keeps the matching people, their teams and the teams above, and drops the rest", () => {
    const result = filterOrgChart(CHART, "anna");
    expect(result.teams.map((entry) => [entry.id, entry.people.map((p) => p.name), entry.childIds])).toEqual([
      ["Sales", ["Anna Berg"], []],
      ["Tech", [], ["Platform"]],
      ["Platform", [], ["Mobile"]],
      ["Mobile", ["Anna-Karin Lund"], []],
    ]);
    expect(result.withoutTeam).toEqual([]);
    expect(result.matchCount).toBe(2);
  });

  it("searches the people without a team too, and may find nobody", () => {
    expect(filterOrgChart(CHART, "cecilia")).toMatchObject({ teams: [], matchCount: 1 });
    expect(filterOrgChart(CHART, "zzz")).toEqual({ teams: [], withoutTeam: [], matchCount: 0 });
  });
});
