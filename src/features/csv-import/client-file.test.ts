import { describe, expect, it } from "vitest";
import { checkFileMeta, decodeCsvBytes, MAX_FILE_BYTES } from "./client-file";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("checkFileMeta", () => {
  it("accepts .csv files whatever type the system reports", () => {
    expect(checkFileMeta({ name: "personal.csv", size: 10, type: "text/csv" })).toBeNull();
    expect(checkFileMeta({ name: "PERSONAL.CSV", size: 10, type: "application/vnd.ms-excel" })).toBeNull();
    expect(checkFileMeta({ name: "personal.csv", size: 10, type: "" })).toBeNull();
    expect(checkFileMeta({ name: "export", size: 10, type: "text/csv" })).toBeNull();
  });

  it("names workbooks, other files, empty and too large files", () => {
    expect(checkFileMeta({ name: "personal.xlsx", size: 10, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })).toBe("workbook");
    expect(checkFileMeta({ name: "bild.png", size: 10, type: "image/png" })).toBe("notCsv");
    expect(checkFileMeta({ name: "personal.csv", size: 0, type: "text/csv" })).toBe("empty");
    expect(checkFileMeta({ name: "personal.csv", size: MAX_FILE_BYTES + 1, type: "text/csv" })).toBe("tooLarge");
  });
});

describe("decodeCsvBytes", () => {
  it("decodes UTF-8 with and without BOM", () => {
    const text = "namn;e-post\nÅsa;a@x.se\n";
    const utf8 = new TextEncoder().encode(text);
    expect(decodeCsvBytes(utf8)).toEqual({ ok: true, text });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeCsvBytes(withBom)).toEqual({ ok: true, text });
  });

  it("recognises Windows-1252 (what Excel's plain CSV writes) as the wrong encoding", () => {
    // "Åsa" in Windows-1252: Å = 0xC5
    expect(decodeCsvBytes(bytes(0x6e, 0x3b, 0x65, 0x0a, 0xc5, 0x73, 0x61, 0x3b, 0x61))).toEqual({ ok: false, problem: "encoding" });
  });

  it("recognises workbooks, binary files and empty files", () => {
    expect(decodeCsvBytes(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toEqual({ ok: false, problem: "workbook" });
    expect(decodeCsvBytes(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1))).toEqual({ ok: false, problem: "workbook" });
    expect(decodeCsvBytes(bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x00))).toEqual({ ok: false, problem: "notCsv" });
    expect(decodeCsvBytes(bytes())).toEqual({ ok: false, problem: "empty" });
    expect(decodeCsvBytes(bytes(0xef, 0xbb, 0xbf, 0x20, 0x0a))).toEqual({ ok: false, problem: "empty" });
  });
});
