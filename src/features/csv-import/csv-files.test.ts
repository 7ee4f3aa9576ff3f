import { describe, expect, it } from "vitest";
import { exampleCsv, linksCsv } from "./csv-files";
import { parseImportCsv } from "./parse";

describe("exampleCsv", () => {
  it.each(["sv", "en"] as const)("is a file the import accepts without errors (%s)", (locale) => {
    const parsed = parseImportCsv(exampleCsv(locale));
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.notices).toEqual([]);
    expect(parsed.columns).toEqual(["name", "email", "team", "parentTeam", "managerEmail", "role"]);
    expect(parsed.rows.length).toBeGreaterThan(3);
    expect(parsed.rows.flatMap((row) => row.errors)).toEqual([]);
  });

  it("is written for Swedish Excel in Swedish: BOM and semicolons", () => {
    const text = exampleCsv("sv");
    expect(text.startsWith("\uFEFFNamn;E-post;")).toBe(true);
    expect(parseImportCsv(text).delimiter).toBe(";");
  });
});

describe("linksCsv", () => {
  const header = { name: "Namn", email: "E-post", role: "Roll", link: "Länk", expires: "Gäller till" };

  it("lists one link per row", () => {
    const text = linksCsv(header, [{ name: "Åsa", email: "asa@x.se", role: "Chef", link: "https://s.example/invite/abc", expires: "2027-03-08" }], "sv");
    expect(text).toBe("\uFEFFNamn;E-post;Roll;Länk;Gäller till\r\nÅsa;asa@x.se;Chef;https://s.example/invite/abc;2027-03-08");
  });

  it("never lets a cell start a formula", () => {
    const text = linksCsv(header, [{ name: "=HYPERLINK(\"http://evil\")", email: "+1@x.se", role: "-", link: "@x", expires: "" }], "en");
    const cells = text.split("\r\n")[1]!;
    expect(cells).toContain("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(cells).toContain("'+1@x.se");
    expect(cells).toContain("'@x");
  });
});
