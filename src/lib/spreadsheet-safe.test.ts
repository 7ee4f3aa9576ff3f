import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { spreadsheetSafe } from "./spreadsheet-safe";

describe("spreadsheetSafe", () => {
  it("turns a formula into text", () => {
    expect(spreadsheetSafe('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(spreadsheetSafe("=1+1")).toBe("'=1+1");
    expect(spreadsheetSafe("+46 70 123")).toBe("'+46 70 123");
    expect(spreadsheetSafe("-2+3")).toBe("'-2+3");
    expect(spreadsheetSafe("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(spreadsheetSafe("\t=1")).toBe("'\t=1");
    expect(spreadsheetSafe("\r=1")).toBe("'\r=1");
  });

  it("leaves other text alone, a formula sign further in included", () => {
    expect(spreadsheetSafe("Försäljning Nord")).toBe("Försäljning Nord");
    expect(spreadsheetSafe("a=b")).toBe("a=b");
    expect(spreadsheetSafe(" =1")).toBe(" =1");
    expect(spreadsheetSafe("")).toBe("");
    expect(spreadsheetSafe("'quoted")).toBe("'quoted");
  });

  it("keeps numbers as numbers, negative ones too, and empty cells empty", () => {
    expect(spreadsheetSafe(-5)).toBe(-5);
    expect(spreadsheetSafe(-0.5)).toBe(-0.5);
    expect(spreadsheetSafe(0)).toBe(0);
    expect(spreadsheetSafe(57.1)).toBe(57.1);
    expect(spreadsheetSafe(null)).toBeNull();
  });

  test.prop([fc.string()])("never lets a text start a formula, and only ever adds one apostrophe", (text) => {
    const safe = spreadsheetSafe(text) as string;
    expect(/^[=+\-@\t\r]/.test(safe)).toBe(false);
    expect(safe === text || safe === `'${text}`).toBe(true);
  });

  test.prop([fc.double({ noNaN: true })])("returns every number unchanged", (value) => {
    expect(spreadsheetSafe(value)).toBe(value);
  });
});
