import { describe, expect, it } from "vitest";
import { reportCsv, reportFileName, UTF8_BOM, type ExportSection, type Translate } from "./report-export";
import type { HrReport } from "./reports.schema";

const t: Translate = (key) => (key === "reports.export.fileBase" ? "smarta-rapport" : key);

const section: ExportSection = {
  id: "figures",
  title: "Nyckeltal",
  columns: [
    { header: "Nyckeltal", format: "text" },
    { header: "Värde", format: "decimal" },
    { header: "Procent", format: "percent" },
  ],
  rows: [
    ["Måluppfyllelse; minst miniminivån", 4, 57.1],
    ["=1+1", -3, null],
    ['Säger "hej"', 1.5, 100],
  ],
};

describe("report CSV", () => {
  it("starts with a BOM and uses the reader's separators", () => {
    const sv = reportCsv([section], "sv");
    expect(sv.startsWith(UTF8_BOM)).toBe(true);
    expect(sv.slice(1).split("\r\n")).toEqual([
      "Nyckeltal",
      "Nyckeltal;Värde;Procent",
      // the delimiter inside a text is quoted; numbers keep their sign and get a decimal comma
      '"Måluppfyllelse; minst miniminivån";4;57,1',
      "'=1+1;-3;",
      '"Säger ""hej""";1,5;100',
    ]);
    const en = reportCsv([section, { ...section, title: "Again" }], "en");
    expect(en.slice(1).split("\r\n").slice(0, 4)).toEqual(["Nyckeltal", "Nyckeltal,Värde,Procent", "Måluppfyllelse; minst miniminivån,4,57.1", "'=1+1,-3,"]);
    // a blank line between sections
    expect(en.slice(1).split("\r\n")[5]).toBe("");
  });
});

describe("report file name", () => {
  const named = (name: string) => ({ period: { name } }) as HrReport;
  it("names the period in plain letters", () => {
    expect(reportFileName(named("2026"), "csv", t)).toBe("smarta-rapport-2026.csv");
    expect(reportFileName(named("2027 H1"), "xlsx", t)).toBe("smarta-rapport-2027-h1.xlsx");
    expect(reportFileName(named("Höst/Vår ÅÄÖ"), "csv", t)).toBe("smarta-rapport-host-var-aao.csv");
    expect(reportFileName(named("***"), "csv", t)).toBe("smarta-rapport-period.csv");
  });
});
