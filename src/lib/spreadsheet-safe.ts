/**
 * Every cell a CSV or XLSX export writes passes through here. A text that starts with one of
 * = + - @ (or a tab or carriage return, which some spreadsheets skip before reading a
 * formula) would run as a formula when the file is opened, so it gets a leading apostrophe:
 * spreadsheets then show it as plain text. Numbers stay numbers, negative ones included; only
 * text is ever changed.
 */
export type SheetCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(cell: SheetCell): SheetCell {
  return typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
}
