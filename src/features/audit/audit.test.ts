import { describe, expect, it } from "vitest";
import { changesBetween } from "./audit";

describe("changesBetween", () => {
  it("lists only the fields that changed, old → new", () => {
    const before: Record<string, unknown> = { name: "Plattform", parentTeamId: "a", archivedAt: null };
    const after = { name: "Plattform och drift", parentTeamId: "a", archivedAt: new Date("2026-11-28T10:00:00Z") };
    expect(changesBetween(before, after, ["name", "parentTeamId", "archivedAt"])).toEqual([
      { field: "name", from: "Plattform", to: "Plattform och drift" },
      { field: "archivedAt", from: null, to: "2026-11-28T10:00:00.000Z" },
    ]);
  });

  it("treats creation and removal as changes from and to nothing", () => {
    expect(changesBetween(null, { role: "HR" }, ["role"])).toEqual([{ field: "role", from: null, to: "HR" }]);
    expect(changesBetween({ role: "HR" }, null, ["role"])).toEqual([{ field: "role", from: "HR", to: null }]);
  });

  it("compares structured values by content", () => {
    expect(changesBetween({ leads: ["a", "b"] }, { leads: ["a", "b"] }, ["leads"])).toEqual([]);
  });
});
