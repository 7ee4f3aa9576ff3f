import { describe, expect, it } from "vitest";
import { searchWords, teamPaths } from "./people-list";

const team = (id: string, name: string, parentTeamId: string | null = null, archived = false) => ({
  id,
  name,
  parentTeamId,
  archivedAt: archived ? new Date("2026-01-01") : null,
});

describe("searchWords", () => {
  it("splits on any whitespace and drops empty words", () => {
    expect(searchWords("  Elin \t Sjöberg  ")).toEqual(["Elin", "Sjöberg"]);
    expect(searchWords("")).toEqual([]);
    expect(searchWords(undefined)).toEqual([]);
  });

  it("keeps Swedish letters as typed and composes decomposed ones", () => {
    expect(searchWords("o\u0308berg")).toEqual(["öberg"]);
    expect(searchWords("Åsa")).toEqual(["Åsa"]);
  });

  it("keeps at most eight words", () => {
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
  });
});

describe("teamPaths", () => {
  it("names every active team by its path and orders them in Swedish", () => {
    const teams = [
      team("3", "Kundframgång", "1"),
      team("1", "Försäljning"),
      team("5", "Öst", "1"),
      team("4", "Arkiv", null, true),
      team("6", "Ärende", "4"),
      team("2", "Ekonomi"),
    ];
    expect(teamPaths(teams)).toEqual([
      // an active team under an archived one keeps its full path
      { id: "6", name: "Ärende", path: "Arkiv / Ärende", depth: 1 },
      { id: "2", name: "Ekonomi", path: "Ekonomi", depth: 0 },
      { id: "1", name: "Försäljning", path: "Försäljning", depth: 0 },
      { id: "3", name: "Kundframgång", path: "Försäljning / Kundframgång", depth: 1 },
      { id: "5", name: "Öst", path: "Försäljning / Öst", depth: 1 },
    ]);
  });

  it("stops on a loop in the tree instead of spinning", () => {
    const paths = teamPaths([team("1", "A", "2"), team("2", "B", "1")]);
    expect(paths.map((p) => p.path).sort()).toEqual(["A / B", "B / A"]);
  });
});
