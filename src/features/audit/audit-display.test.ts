import { describe, expect, it } from "vitest";
import { actionArea, groupActions, isMachineField, shapeOf, startOfLocalDay } from "./audit-display";

describe("audit display helpers", () => {
  it("hides ids, keeps their readable twins", () => {
    expect(["parentTeamId", "leadMembershipIds", "teamId", "managerId"].every(isMachineField)).toBe(true);
    expect(["parentTeamName", "leads", "team", "manager", "name", "id", "valid"].some(isMachineField)).toBe(false);
  });

  it("groups actions by area in the admin area's order", () => {
    expect(actionArea("team.setLeads")).toBe("team");
    expect(groupActions(["settings.update", "goal.create", "team.rename", "period.create", "team.create"])).toEqual([
      { area: "team", actions: ["team.create", "team.rename"] },
      { area: "period", actions: ["period.create"] },
      { area: "settings", actions: ["settings.update"] },
      { area: "goal", actions: ["goal.create"] },
    ]);
  });

  it("turns a chosen day into the start of that day where the browser is", () => {
    const start = startOfLocalDay("2026-03-31");
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([2026, 2, 31, 0]);
    const next = startOfLocalDay("2026-12-31", 1);
    expect([next.getFullYear(), next.getMonth(), next.getDate()]).toEqual([2027, 0, 1]);
  });

  it("recognises the shapes of logged values", () => {
    expect(shapeOf(null)).toEqual({ kind: "none" });
    expect(shapeOf("")).toEqual({ kind: "none" });
    expect(shapeOf([])).toEqual({ kind: "none" });
    expect(shapeOf(false)).toEqual({ kind: "boolean", value: false });
    expect(shapeOf(4)).toEqual({ kind: "number", value: 4 });
    expect(shapeOf("2027-06-30")).toEqual({ kind: "date", value: new Date("2027-06-30T00:00:00Z") });
    expect(shapeOf("2026-11-28T10:00:00.000Z")).toEqual({ kind: "dateTime", value: new Date("2026-11-28T10:00:00.000Z") });
    expect(shapeOf("Plattform")).toEqual({ kind: "text", value: "Plattform" });
    expect(shapeOf(["Anna", "Bo"])).toEqual({ kind: "list", items: [{ kind: "text", value: "Anna" }, { kind: "text", value: "Bo" }] });
    expect(shapeOf({ rows: 3 })).toEqual({ kind: "record", entries: [["rows", { kind: "number", value: 3 }]] });
  });
});
