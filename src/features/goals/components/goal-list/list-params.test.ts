import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, isFiltered, listViewQuery, parseListView, periodFilter } from "./list-params";

const ID = "0b6f3f0e-8f5c-4a57-9d7a-2f1c3e4d5a6b";
const parse = (query: string) => parseListView(new URLSearchParams(query));

describe("goal list view in the URL", () => {
  it("defaults to my goals in the current period, unfiltered", () => {
    expect(parse("")).toEqual(DEFAULT_VIEW);
    expect(listViewQuery(DEFAULT_VIEW)).toBe("");
    expect(isFiltered(DEFAULT_VIEW)).toBe(false);
  });

  it("reads every known value", () => {
    const view = parse(`scope=team&period=${ID}&level=TEAM&kind=DEVELOPMENT&status=PROPOSED`);
    expect(view).toEqual({ scope: "team", period: ID, level: "TEAM", kind: "DEVELOPMENT", status: "PROPOSED" });
    expect(isFiltered(view)).toBe(true);
  });

  it("ignores unknown values", () => {
    expect(parse("scope=everyone&period=2027&level=x&kind=&status=active")).toEqual(DEFAULT_VIEW);
  });

  it("writes back what it read", () => {
    for (const query of ["", "?scope=organization", `?scope=team&period=${ID}&status=ACTIVE`, "?period=all&kind=PERFORMANCE"]) {
      expect(listViewQuery(parse(query))).toBe(query);
    }
  });

  it("asks the server for the chosen, every or the current period", () => {
    expect(periodFilter({ ...DEFAULT_VIEW, period: ID }, "current")).toBe(ID);
    expect(periodFilter({ ...DEFAULT_VIEW, period: "all" }, "current")).toBeNull();
    expect(periodFilter(DEFAULT_VIEW, "current")).toBe("current");
    expect(periodFilter(DEFAULT_VIEW, null)).toBeNull();
  });
});
