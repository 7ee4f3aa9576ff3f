import { describe, expect, it } from "vitest";
import { choosePeriod, dashboardAccessOf } from "./access";

const viewer = (overrides: Partial<Parameters<typeof dashboardAccessOf>[0]> = {}) => ({
  membershipId: "me",
  readsReports: false,
  below: new Set<string>(),
  ...overrides,
});

describe("dashboardAccessOf", () => {
  it("gives HR and ADMIN the full view of any team", () => {
    expect(dashboardAccessOf(viewer({ readsReports: true }), [])).toBe("full");
  });

  it("gives a lead of the team (or of a team above it) the full view", () => {
    expect(dashboardAccessOf(viewer(), ["someone", "me"])).toBe("full");
  });

  it("gives anyone above a lead in the reporting line the full view", () => {
    expect(dashboardAccessOf(viewer({ below: new Set(["lead", "other"]) }), ["lead"])).toBe("full");
  });

  it("gives everyone else the public view, also a lead's own report", () => {
    expect(dashboardAccessOf(viewer({ below: new Set(["other"]) }), ["lead"])).toBe("public");
    expect(dashboardAccessOf(viewer(), [])).toBe("public");
  });
});

describe("choosePeriod", () => {
  const periods = [
    { id: "2028", startDate: "2028-01-01", endDate: "2028-12-31", isCurrent: false },
    { id: "2027", startDate: "2027-01-01", endDate: "2027-12-31", isCurrent: false },
    { id: "2026", startDate: "2026-01-01", endDate: "2026-12-31", isCurrent: false },
  ];

  it("takes the period asked for, and answers undefined for an unknown one", () => {
    expect(choosePeriod(periods, "2026", "2027-05-01")?.id).toBe("2026");
    expect(choosePeriod(periods, "nope", "2027-05-01")).toBeUndefined();
  });

  it("defaults to the current period, then the one containing today, then the latest", () => {
    expect(choosePeriod([...periods, { id: "cur", startDate: "2020-01-01", endDate: "2020-12-31", isCurrent: true }], null, "2027-05-01")?.id).toBe("cur");
    expect(choosePeriod(periods, null, "2027-05-01")?.id).toBe("2027");
    expect(choosePeriod(periods, undefined, "2031-05-01")?.id).toBe("2028");
    expect(choosePeriod([], null, "2027-05-01")).toBeNull();
  });
});
