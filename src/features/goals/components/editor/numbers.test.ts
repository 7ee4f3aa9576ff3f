import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { formatDecimal, parseDecimal } from "./numbers";

describe("parseDecimal", () => {
  it("reads Swedish and English decimals, grouping spaces and minus signs", () => {
    expect(parseDecimal("12,5")).toEqual({ ok: true, value: 12.5 });
    expect(parseDecimal("12.5")).toEqual({ ok: true, value: 12.5 });
    expect(parseDecimal("1 200")).toEqual({ ok: true, value: 1200 });
    expect(parseDecimal("1\u00a0200,75")).toEqual({ ok: true, value: 1200.75 });
    expect(parseDecimal("\u22123")).toEqual({ ok: true, value: -3 });
    expect(parseDecimal("-0,5")).toEqual({ ok: true, value: -0.5 });
    expect(parseDecimal(",5")).toEqual({ ok: true, value: 0.5 });
  });

  it("treats an empty field as no value", () => {
    expect(parseDecimal("")).toEqual({ ok: true, value: null });
    expect(parseDecimal("   ")).toEqual({ ok: true, value: null });
  });

  it("refuses what is not one number", () => {
    for (const text of ["abc", "12,5,3", "1.200,5", "12 kr", "5%", "1e5", "--3", "."]) expect(parseDecimal(text), text).toEqual({ ok: false });
  });

  test.prop([fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((value) => Math.round(value * 1e4) / 1e4), fc.constantFrom("sv", "en")])(
    "reads back what it formats",
    (value, locale) => {
      const parsed = parseDecimal(formatDecimal(value, locale));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.value).toBeCloseTo(value, 4);
    },
  );
});

describe("formatDecimal", () => {
  it("uses the locale's decimal sign without grouping", () => {
    expect(formatDecimal(1234.5, "sv")).toBe("1234,5");
    expect(formatDecimal(1234.5, "en")).toBe("1234.5");
    expect(formatDecimal(-2, "sv")).toBe("-2");
    expect(formatDecimal(null, "sv")).toBe("");
  });
});
