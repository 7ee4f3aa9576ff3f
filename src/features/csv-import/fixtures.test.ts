import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "./client-file";
import { parseImportCsv } from "./parse";
import { planImport } from "./plan";

// Sample files as spreadsheet programs write them, read the way the page reads them: bytes first.
const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/csv");
const read = (name: string) => decodeCsvBytes(new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))));
const empty = { members: [], invitations: [], teams: [] };
const actor = { email: "admin@foretaget.example", canGrantAdmin: true };

describe("sample files", () => {
  it("reads Swedish Excel's CSV UTF-8: BOM, semicolons, CRLF, quotes, a blank line and a team path", () => {
    const decoded = read("excel-sv-semicolon-bom.csv");
    if (!decoded.ok) throw new Error(decoded.problem);
    const parsed = parseImportCsv(decoded.text);
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.delimiter).toBe(";");
    expect(parsed.rows.map((row) => [row.rowNumber, row.name, row.email, row.role])).toEqual([
      [2, "Karin Lind", "karin.lind@foretaget.example", "ADMIN"],
      [3, "Per Ahmadi", "per.ahmadi@foretaget.example", "MANAGER"],
      [4, "Berg; Lina", "lina.berg@foretaget.example", "EMPLOYEE"],
      [5, "Åsa Öberg", "asa.oberg@foretaget.example", null],
      [7, "Eva Holm", "eva.holm@foretaget.example", "HR"],
    ]);
    const plan = planImport(parsed.rows, empty, actor);
    expect(plan.hasErrors).toBe(false);
    expect(plan.summary).toMatchObject({ invite: 5, newTeams: 8 });
    expect(plan.newTeams.map((team) => team.path)).toContain("Verksamhetsstöd / Personal / HR");
  });

  it("reads an English comma-separated file", () => {
    const decoded = read("english-comma.csv");
    if (!decoded.ok) throw new Error(decoded.problem);
    const parsed = parseImportCsv(decoded.text);
    expect(parsed.delimiter).toBe(",");
    expect(parsed.rows.map((row) => row.name)).toEqual(["Karin Lind", "Per Ahmadi", "Berg, Lina"]);
    expect(planImport(parsed.rows, empty, actor).hasErrors).toBe(false);
  });

  it("finds every error of a broken file", () => {
    const decoded = read("with-errors-sv.csv");
    if (!decoded.ok) throw new Error(decoded.problem);
    const plan = planImport(parseImportCsv(decoded.text).rows, empty, actor);
    expect(plan.rows.map((row) => [row.rowNumber, row.errors.map((error) => error.code)])).toEqual([
      [2, ["duplicateEmail", "unknownManager"]],
      [3, ["emptyName"]],
      [4, ["invalidEmail", "invalidRole"]],
      [5, ["cycle"]],
      [6, ["cycle"]],
      [7, ["duplicateEmail"]],
    ]);
  });

  it("refuses a file saved as Windows-1252", () => {
    expect(read("windows-1252.csv")).toEqual({ ok: false, problem: "encoding" });
  });
});
