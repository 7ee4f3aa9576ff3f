import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  buildTeamTree,
  cleanTeamName,
  descendantIds,
  teamNameKey,
  teamPath,
  validParentIds,
  wouldCreateCycle,
  type TeamRow,
} from "./tree";

const team = (id: string, parentTeamId: string | null, name = id, archived = false): TeamRow => ({ id, name, parentTeamId, archived });

// Sales ─┬─ North ── North-East
//        └─ Marketing
// Tech ──── Platform
const TEAMS: TeamRow[] = [
  team("tech", null, "Tech"),
  team("north", "sales", "North"),
  team("sales", null, "Sales"),
  team("platform", "tech", "Platform"),
  team("north-east", "north", "North-East"),
  team("marketing", "sales", "Marketing"),
];

describe("team names", () => {
  it("trims and collapses whitespace", () => {
    expect(cleanTeamName("  Försäljning   Nord ")).toBe("Försäljning Nord");
  });

  it("compares siblings case-insensitively, ignoring surrounding space", () => {
    expect(teamNameKey(" ÅTERFÖRSÄLJARE ")).toBe(teamNameKey("återförsäljare"));
    expect(teamNameKey("Sälj")).not.toBe(teamNameKey("Salj"));
  });
});

describe("descendants and cycles", () => {
  it("finds every team below, not the team itself", () => {
    expect([...descendantIds(TEAMS, "sales")].sort()).toEqual(["marketing", "north", "north-east"]);
    expect(descendantIds(TEAMS, "north-east").size).toBe(0);
  });

  it("refuses a move under itself or under a descendant", () => {
    expect(wouldCreateCycle(TEAMS, "sales", "sales")).toBe(true);
    expect(wouldCreateCycle(TEAMS, "sales", "north")).toBe(true);
    expect(wouldCreateCycle(TEAMS, "sales", "north-east")).toBe(true);
  });

  it("allows a move to top level, to a sibling or to another branch", () => {
    expect(wouldCreateCycle(TEAMS, "sales", null)).toBe(false);
    expect(wouldCreateCycle(TEAMS, "north", "marketing")).toBe(false);
    expect(wouldCreateCycle(TEAMS, "sales", "platform")).toBe(false);
    expect(wouldCreateCycle(TEAMS, "north-east", "sales")).toBe(false);
  });

  it("terminates on data that already holds a cycle", () => {
    const broken = [team("a", "b"), team("b", "a"), team("c", "a")];
    expect([...descendantIds(broken, "a")].sort()).toEqual(["b", "c"]);
    expect(wouldCreateCycle(broken, "a", "c")).toBe(true);
  });

  it("offers as parents only active teams outside the moved branch", () => {
    const teams = [...TEAMS, team("old", null, "Old", true)];
    expect([...validParentIds(teams, "sales")].sort()).toEqual(["platform", "tech"]);
    expect([...validParentIds(teams, "north-east")].sort()).toEqual(["marketing", "north", "platform", "sales", "tech"]);
  });
});

describe("buildTeamTree", () => {
  it("orders depth first with siblings by name and counts people up the tree", () => {
    const counts = new Map([
      ["sales", 1],
      ["north", 3],
      ["north-east", 2],
      ["marketing", 4],
      ["platform", 5],
    ]);
    const tree = buildTeamTree(TEAMS, counts);
    expect(tree.map((entry) => [entry.id, entry.depth, entry.directHeadCount, entry.totalHeadCount])).toEqual([
      ["sales", 0, 1, 10],
      ["marketing", 1, 4, 4],
      ["north", 1, 3, 5],
      ["north-east", 2, 2, 2],
      ["tech", 0, 0, 5],
      ["platform", 1, 5, 5],
    ]);
    expect(tree.find((entry) => entry.id === "sales")!.childIds).toEqual(["marketing", "north"]);
  });

  it("sorts names the Swedish way, numbers by value", () => {
    const tree = buildTeamTree([team("1", null, "Öst"), team("2", null, "Team 10"), team("3", null, "Team 9"), team("4", null, "Ärende")]);
    expect(tree.map((entry) => entry.name)).toEqual(["Team 9", "Team 10", "Ärende", "Öst"]);
  });

  it("keeps every row once, even in a cycle or under an unknown parent", () => {
    const tree = buildTeamTree([team("a", "b"), team("b", "a"), team("c", "missing")]);
    expect(tree.map((entry) => entry.id).sort()).toEqual(["a", "b", "c"]);
  });

  it("gives the path of names from the top", () => {
    expect(teamPath(TEAMS, "north-east")).toEqual(["Sales", "North", "North-East"]);
    expect(teamPath(TEAMS, "tech")).toEqual(["Tech"]);
  });
});

/** A random forest: each team's parent is an earlier team or none, so it has no cycle. */
const forest = fc
  .array(fc.record({ parent: fc.nat(), topLevel: fc.boolean(), people: fc.nat({ max: 20 }) }), { minLength: 1, maxLength: 40 })
  .map((rows) =>
    rows.map((row, index) => ({
      row: team(`t${index}`, index === 0 || row.topLevel ? null : `t${row.parent % index}`),
      people: row.people,
    })),
  );

describe("properties", () => {
  test.prop([forest])("the top-level totals add up to everyone", (generated) => {
    const counts = new Map(generated.map(({ row, people }) => [row.id, people]));
    const tree = buildTeamTree(
      generated.map(({ row }) => row),
      counts,
    );
    const everyone = generated.reduce((sum, { people }) => sum + people, 0);
    expect(tree.filter((entry) => entry.depth === 0).reduce((sum, entry) => sum + entry.totalHeadCount, 0)).toBe(everyone);
    expect(tree).toHaveLength(generated.length);
  });

  test.prop([forest, fc.nat(), fc.nat()])("a move is refused exactly when it would make a cycle", (generated, a, b) => {
    const teams = generated.map(({ row }) => row);
    const moved = teams[a % teams.length]!;
    const target = teams[b % teams.length]!;
    const refused = wouldCreateCycle(teams, moved.id, target.id);
    // apply the move and walk up from the moved team: a cycle shows as meeting it again
    const after = teams.map((row) => (row.id === moved.id ? { ...row, parentTeamId: target.id } : row));
    const byId = new Map(after.map((row) => [row.id, row]));
    let current = byId.get(target.id);
    let loops = false;
    for (let steps = 0; current && steps <= after.length; steps++) {
      if (current.id === moved.id) {
        loops = true;
        break;
      }
      current = current.parentTeamId ? byId.get(current.parentTeamId) : undefined;
    }
    expect(refused).toBe(loops);
  });
});
