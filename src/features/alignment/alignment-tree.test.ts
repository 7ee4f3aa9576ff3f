import { describe, expect, it } from "vitest";
import {
  buildAlignmentForest,
  filterForest,
  flattenForest,
  highlightParts,
  matchesQuery,
  queryWords,
  type TreeNode,
  type TreeSource,
} from "./alignment-tree";

type Goal = TreeSource & { owner: string };

const goal = (id: string, level: Goal["level"], parentGoalId: string | null, title = id, owner = "Anna"): Goal => ({
  id,
  level,
  parentGoalId,
  title,
  owner,
});

//  Org A ─┬─ Team Plattform ── Elin: API-svar
//         └─ Team Sälj
//  Org B (nothing linked)
//  Team Data (linked to a goal outside the period)
const GOALS: Goal[] = [
  goal("elin", "INDIVIDUAL", "plattform", "Korta API-svarstiderna", "Elin Sjöberg"),
  goal("orgB", "ORGANIZATION", null, "Öka kundnöjdheten"),
  goal("salj", "TEAM", "orgA", "Försäljning i Norden", "Sara"),
  goal("plattform", "TEAM", "orgA", "Driftsäker plattform", "Magnus Ek"),
  goal("orgA", "ORGANIZATION", null, "Bästa arbetsplatsen"),
  goal("data", "TEAM", "elsewhere", "Datakvalitet"),
];

const ids = (nodes: TreeNode<Goal>[]) => nodes.map((node) => node.goal.id);

describe("buildAlignmentForest", () => {
  const forest = buildAlignmentForest(GOALS);

  it("puts organisation goals at the top, sorted by title the Swedish way", () => {
    expect(ids(forest.roots)).toEqual(["orgA", "orgB"]);
  });

  it("links every goal under its parent with its depth", () => {
    const orgA = forest.roots[0]!;
    expect(ids(orgA.children)).toEqual(["plattform", "salj"]);
    expect(orgA.children[0]!.children.map((node) => [node.goal.id, node.depth])).toEqual([["elin", 2]]);
  });

  it("counts the goals directly below a node and every goal below it", () => {
    expect(forest.roots.map((node) => node.childCount)).toEqual([2, 0]);
    expect(forest.roots.map((node) => node.descendantCount)).toEqual([3, 0]);
    expect(forest.roots[0]!.children.map((node) => node.descendantCount)).toEqual([1, 0]);
  });

  it("keeps goals whose parent is not in the list apart", () => {
    expect(ids(forest.detached)).toEqual(["data"]);
  });

  it("places each goal exactly once", () => {
    expect(flattenForest(forest).map((node) => node.goal.id).sort()).toEqual(GOALS.map((g) => g.id).sort());
  });

  it("does not hang on a link loop and still shows each goal once", () => {
    const loop = buildAlignmentForest([goal("a", "TEAM", "b"), goal("b", "TEAM", "a"), goal("self", "TEAM", "self")]);
    expect(flattenForest(loop).map((node) => node.goal.id).sort()).toEqual(["a", "b", "self"]);
    expect(ids(loop.roots)).toEqual([]);
  });

  it("treats a team goal at the top of the period as detached", () => {
    expect(ids(buildAlignmentForest([goal("t", "TEAM", null)]).detached)).toEqual(["t"]);
  });

  it("is empty for no goals", () => {
    expect(buildAlignmentForest([])).toEqual({ roots: [], detached: [] });
  });
});

describe("search", () => {
  const forest = buildAlignmentForest(GOALS);
  const texts = (g: Goal) => [g.title, g.owner];

  it("folds case and diacritics", () => {
    expect(queryWords("  FÖRSÄLJ  norden ")).toEqual(["forsalj", "norden"]);
    expect(matchesQuery(["Försäljning i Norden"], ["forsalj"])).toBe(true);
    expect(matchesQuery(["Försäljning"], [])).toBe(false);
  });

  it("needs every word, each in any of the texts", () => {
    expect(matchesQuery(["Korta API-svarstiderna", "Elin Sjöberg"], ["api", "elin"])).toBe(true);
    expect(matchesQuery(["Korta API-svarstiderna", "Elin Sjöberg"], ["api", "magnus"])).toBe(false);
  });

  it("keeps matches and their ancestors, drops other branches", () => {
    const filtered = filterForest(forest, "elin", texts);
    expect(ids(filtered.roots)).toEqual(["orgA"]);
    expect(ids(filtered.roots[0]!.children)).toEqual(["plattform"]);
    expect(ids(filtered.roots[0]!.children[0]!.children)).toEqual(["elin"]);
    expect(filtered.detached).toEqual([]);
    expect([...filtered.matches]).toEqual(["elin"]);
  });

  it("keeps the whole subtree's counts of a match", () => {
    const filtered = filterForest(forest, "driftsäker", texts);
    expect(filtered.roots[0]!.children[0]!.descendantCount).toBe(1);
    expect(filtered.roots[0]!.children[0]!.childCount).toBe(1);
    expect(filtered.roots[0]!.children[0]!.children).toEqual([]);
  });

  it("searches detached goals too", () => {
    const filtered = filterForest(forest, "datakval", texts);
    expect(filtered.roots).toEqual([]);
    expect(ids(filtered.detached)).toEqual(["data"]);
  });

  it("keeps everything and matches nothing for a blank query", () => {
    const filtered = filterForest(forest, "   ", texts);
    expect(filtered.roots).toBe(forest.roots);
    expect(filtered.matches.size).toBe(0);
  });

  it("finds nothing for an unknown word", () => {
    const filtered = filterForest(forest, "zebra", texts);
    expect(filtered.roots).toEqual([]);
    expect(filtered.detached).toEqual([]);
  });
});

describe("highlightParts", () => {
  it("marks the matching parts in the original spelling", () => {
    expect(highlightParts("Försäljning i Norden", "forsalj")).toEqual([
      { text: "Försälj", match: true },
      { text: "ning i Norden", match: false },
    ]);
  });

  it("marks every occurrence of every word", () => {
    expect(highlightParts("ab ab cd", "ab cd")).toEqual([
      { text: "ab", match: true },
      { text: " ", match: false },
      { text: "ab", match: true },
      { text: " ", match: false },
      { text: "cd", match: true },
    ]);
  });

  it("never matches across two words", () => {
    expect(highlightParts("ab cd", "bc")).toEqual([{ text: "ab cd", match: false }]);
  });

  it("returns the text whole without a query", () => {
    expect(highlightParts("Åsa", "")).toEqual([{ text: "Åsa", match: false }]);
  });

  it("copes with characters outside the basic plane", () => {
    expect(highlightParts("Mål 🎯 nås", "nas")).toEqual([
      { text: "Mål 🎯 ", match: false },
      { text: "nås", match: true },
    ]);
  });
});
