import { describe, expect, it } from "vitest";
import { DEFAULT_REPORT_VIEW, filtersOf, isFiltered, parseReportView, periodOf, reportViewQuery } from "./report-params";

const A = "0b7f4a52-51d8-4c43-9a0c-5b1f0e8d1a01";
const B = "0b7f4a52-51d8-4c43-9a0c-5b1f0e8d1a02";

describe("report view in the URL", () => {
  it("reads what it knows and ignores the rest", () => {
    const view = parseReportView(new URLSearchParams(`period=${A}&department=${B}&team=nope&kind=DEVELOPMENT&level=TEAM&role=HR&x=1`));
    expect(view).toEqual({ period: A, department: B, team: null, kind: "DEVELOPMENT", level: "TEAM", role: "HR" });
    expect(parseReportView(new URLSearchParams("kind=ALL&role=OWNER"))).toEqual(DEFAULT_REPORT_VIEW);
  });

  it("writes a view back the same way, the default as nothing", () => {
    const view = { ...DEFAULT_REPORT_VIEW, department: B, role: "MANAGER" as const };
    expect(parseReportView(new URLSearchParams(reportViewQuery(view).slice(1)))).toEqual(view);
    expect(reportViewQuery(DEFAULT_REPORT_VIEW)).toBe("");
    expect(reportViewQuery(DEFAULT_REPORT_VIEW, { format: "csv" })).toBe("?format=csv");
  });

  it("gives the procedure only the filters that are set", () => {
    expect(filtersOf(DEFAULT_REPORT_VIEW)).toEqual({});
    expect(filtersOf({ ...DEFAULT_REPORT_VIEW, team: A, level: "INDIVIDUAL" })).toEqual({ teamId: A, level: "INDIVIDUAL" });
    expect(isFiltered({ ...DEFAULT_REPORT_VIEW, period: A })).toBe(false);
    expect(isFiltered({ ...DEFAULT_REPORT_VIEW, kind: "PERFORMANCE" })).toBe(true);
  });

  it("opens the chosen period, else the current one, else the latest", () => {
    const periods = [
      { id: A, isCurrent: false },
      { id: B, isCurrent: true },
    ];
    expect(periodOf({ ...DEFAULT_REPORT_VIEW, period: A }, periods)?.id).toBe(A);
    expect(periodOf(DEFAULT_REPORT_VIEW, periods)?.id).toBe(B);
    expect(periodOf({ ...DEFAULT_REPORT_VIEW, period: "0b7f4a52-51d8-4c43-9a0c-5b1f0e8d1a03" }, periods)?.id).toBe(B);
    expect(periodOf(DEFAULT_REPORT_VIEW, [{ id: A, isCurrent: false }])?.id).toBe(A);
    expect(periodOf(DEFAULT_REPORT_VIEW, [])).toBeNull();
  });
});
