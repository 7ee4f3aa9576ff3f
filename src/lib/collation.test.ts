import { describe, expect, it } from "vitest";
import { sortByName } from "./collation";

describe("sortByName", () => {
  it("sorts Swedish letters after z and ignores case", () => {
    const names = ["Örjan", "åsa", "Zelda", "Ärla", "adam", "Åre", "Bo"];
    expect(sortByName(names, (name) => name)).toEqual(["adam", "Bo", "Zelda", "Åre", "åsa", "Ärla", "Örjan"]);
  });

  it("sorts numbers in names by value", () => {
    expect(sortByName(["Team 10", "Team 9"], (name) => name)).toEqual(["Team 9", "Team 10"]);
  });
});
