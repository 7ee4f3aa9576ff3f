import Papa from "papaparse";
import { z } from "zod";
import type { Role } from "@/server/db/generated/enums";

/**
 * Reads a people-and-teams CSV as Excel in Sweden writes it: UTF-8 with or without BOM,
 * comma or semicolon separated, quoted fields, CRLF, header names in Swedish or English.
 * Pure: no database, so the same rules run in tests, the dry run and the import.
 */

export const IMPORT_FIELDS = ["name", "email", "team", "parentTeam", "managerEmail", "role"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_FIELDS: readonly ImportField[] = ["name", "email"];

/** Header names accepted per column, compared after `normalizeHeader`. The first is what the example file uses. */
export const HEADER_ALIASES: Record<ImportField, { sv: string[]; en: string[] }> = {
  name: { sv: ["namn", "fullständigt namn", "för- och efternamn"], en: ["name", "full name"] },
  email: { sv: ["e-post", "epost", "e-postadress", "epostadress", "mejl", "mejladress"], en: ["email", "e-mail", "email address", "e-mail address", "mail"] },
  team: { sv: ["team", "lag", "grupp"], en: ["team", "group"] },
  parentTeam: { sv: ["överordnat team", "föräldrateam", "överordnad grupp", "avdelning"], en: ["parent team", "parent", "department"] },
  managerEmail: {
    sv: ["chefens e-post", "chef e-post", "chefens epost", "chef epost", "chef", "närmaste chef"],
    en: ["manager email", "manager e-mail", "manager"],
  },
  role: { sv: ["roll", "behörighet"], en: ["role"] },
};

/** Role words accepted in the role column (after trimming and lower-casing). */
export const ROLE_ALIASES: Record<string, Role> = {
  admin: "ADMIN",
  administrator: "ADMIN",
  administratör: "ADMIN",
  hr: "HR",
  manager: "MANAGER",
  chef: "MANAGER",
  employee: "EMPLOYEE",
  medarbetare: "EMPLOYEE",
  anställd: "EMPLOYEE",
};

export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_CHARS = 5 * 1024 * 1024;
// the same limits as sign-up (ZPersonName) and the teams admin (ZTeamName)
export const MAX_NAME_LENGTH = 120;
export const MAX_TEAM_NAME_LENGTH = 100;
const MAX_EMAIL_LENGTH = 320;

export type IssueParams = Record<string, string | number>;

export const FILE_ERROR_CODES = ["empty", "noRows", "missingColumns", "duplicateColumn", "encoding", "tooManyRows", "tooLarge"] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];
export type FileIssue = { code: FileErrorCode | "ignoredColumns"; params: IssueParams };

export const PARSE_ROW_ERROR_CODES = [
  "emptyName",
  "emptyEmail",
  "invalidEmail",
  "duplicateEmail",
  "invalidRole",
  "invalidManagerEmail",
  "nameTooLong",
  "teamTooLong",
  "parentWithoutTeam",
  "badQuotes",
] as const;

export type RowIssue<Code extends string = string> = { code: Code; params: IssueParams };

export type ParsedRow = {
  /** The row in the file as Excel numbers it: the header is row 1. */
  rowNumber: number;
  name: string;
  /** Lower-cased; "" when the cell is empty. */
  email: string;
  team: string | null;
  /** A single name, or a path from the top written "Department / Team". */
  parentTeam: string | null;
  managerEmail: string | null;
  /** null: the cell is empty or the column absent (new people become EMPLOYEE, others keep theirs). */
  role: Role | null;
  errors: RowIssue<(typeof PARSE_ROW_ERROR_CODES)[number]>[];
};

export type ParseResult = {
  delimiter: "," | ";";
  /** The columns found, in our names. */
  columns: ImportField[];
  fileErrors: FileIssue[];
  /** Not errors: e.g. columns we do not know, which are ignored. */
  notices: FileIssue[];
  rows: ParsedRow[];
};

/** Lower-cased, trimmed, inner whitespace and underscores as single spaces. */
export function normalizeHeader(header: string): string {
  return header.normalize("NFC").replace(/^\uFEFF/, "").replace(/_/g, " ").replace(/\s+/g, " ").trim().toLocaleLowerCase("sv");
}

const HEADER_LOOKUP: Map<string, ImportField> = new Map(
  IMPORT_FIELDS.flatMap((field) => [...HEADER_ALIASES[field].sv, ...HEADER_ALIASES[field].en].map((alias) => [normalizeHeader(alias), field] as const)),
);

export function fieldForHeader(header: string): ImportField | null {
  return HEADER_LOOKUP.get(normalizeHeader(header)) ?? null;
}

export function roleFromText(text: string): Role | null {
  return ROLE_ALIASES[text.normalize("NFC").trim().toLocaleLowerCase("sv")] ?? null;
}

/** Trimmed, NFC (a Mac may send "å" as two code points), inner whitespace collapsed. */
export function cleanCell(value: string | undefined): string {
  return (value ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
}

const ZEmailCell = z.email();

function isEmail(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && ZEmailCell.safeParse(value).success;
}

/** The separator of the header line: whichever of ";" and "," occurs more often outside quotes. */
export function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

const SEPARATOR_HINT = /^sep=([;,])\s*(?:\r\n|\n|\r)/i;

export function parseImportCsv(input: string): ParseResult {
  let text = input.replace(/^\uFEFF/, "");
  const empty: ParseResult = { delimiter: ",", columns: [], fileErrors: [], notices: [], rows: [] };
  if (input.length > MAX_IMPORT_CHARS) return { ...empty, fileErrors: [{ code: "tooLarge", params: { maxMb: MAX_IMPORT_CHARS / 1024 / 1024 } }] };
  if (text.trim() === "") return { ...empty, fileErrors: [{ code: "empty", params: {} }] };
  // A file read as UTF-8 that was not (Excel's "CSV (semikolonavgränsad)" is Windows-1252) has replacement characters.
  if (text.includes("\uFFFD")) return { ...empty, fileErrors: [{ code: "encoding", params: {} }] };

  // Excel understands (and sometimes writes) a first line "sep=;" naming the separator.
  let firstRowNumber = 1;
  let delimiter: "," | ";";
  const hint = SEPARATOR_HINT.exec(text);
  if (hint) {
    delimiter = hint[1] as "," | ";";
    text = text.slice(hint[0].length);
    firstRowNumber = 2;
  } else {
    delimiter = detectDelimiter(text);
  }

  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false, quoteChar: '"', escapeChar: '"' });
  const records = parsed.data;
  const quoteErrorRows = new Set(parsed.errors.filter((error) => error.type === "Quotes" && error.row !== undefined).map((error) => error.row!));

  const header = records[0] ?? [];
  const columnOf = new Map<ImportField, number>();
  const fileErrors: FileIssue[] = [];
  const ignored: string[] = [];
  header.forEach((raw, index) => {
    const cell = cleanCell(raw);
    if (cell === "") return;
    const field = fieldForHeader(cell);
    if (!field) ignored.push(cell);
    else if (columnOf.has(field)) fileErrors.push({ code: "duplicateColumn", params: { column: cell } });
    else columnOf.set(field, index);
  });
  const missing = REQUIRED_FIELDS.filter((field) => !columnOf.has(field));
  if (missing.length > 0) fileErrors.unshift({ code: "missingColumns", params: { columns: missing.map((field) => HEADER_ALIASES[field].sv[0]!).join(", ") } });
  const notices: FileIssue[] = ignored.length > 0 ? [{ code: "ignoredColumns", params: { columns: ignored.join(", ") } }] : [];
  const columns = IMPORT_FIELDS.filter((field) => columnOf.has(field));
  if (fileErrors.length > 0) return { delimiter, columns, fileErrors, notices, rows: [] };

  const cell = (record: string[], field: ImportField) => {
    const index = columnOf.get(field);
    return index === undefined ? "" : cleanCell(record[index]);
  };

  const rows: ParsedRow[] = [];
  for (let index = 1; index < records.length; index++) {
    const record = records[index]!;
    // blank lines (and the one after a final newline) keep their number but are no rows
    if (record.every((value) => value.trim() === "")) continue;
    rows.push(readRow(record, index + firstRowNumber, quoteErrorRows.has(index), cell));
  }
  if (rows.length > MAX_IMPORT_ROWS) return { delimiter, columns, fileErrors: [{ code: "tooManyRows", params: { max: MAX_IMPORT_ROWS } }], notices, rows: [] };
  if (rows.length === 0) return { delimiter, columns, fileErrors: [{ code: "noRows", params: {} }], notices, rows: [] };
  markDuplicateEmails(rows);
  return { delimiter, columns, fileErrors: [], notices, rows };
}

function readRow(record: string[], rowNumber: number, badQuotes: boolean, cell: (record: string[], field: ImportField) => string): ParsedRow {
  const errors: ParsedRow["errors"] = [];
  const name = cell(record, "name");
  const email = cell(record, "email").toLowerCase();
  const team = cell(record, "team");
  const parentTeam = cell(record, "parentTeam");
  const managerEmail = cell(record, "managerEmail").toLowerCase();
  const roleText = cell(record, "role");

  if (badQuotes) errors.push({ code: "badQuotes", params: {} });
  if (name === "") errors.push({ code: "emptyName", params: {} });
  else if (name.length > MAX_NAME_LENGTH) errors.push({ code: "nameTooLong", params: { max: MAX_NAME_LENGTH } });
  if (email === "") errors.push({ code: "emptyEmail", params: {} });
  else if (!isEmail(email)) errors.push({ code: "invalidEmail", params: { email } });
  if (managerEmail !== "" && !isEmail(managerEmail)) errors.push({ code: "invalidManagerEmail", params: { email: managerEmail } });
  const parentSegments = parentTeam.split("/").map((segment) => segment.trim());
  if (team.length > MAX_TEAM_NAME_LENGTH || parentSegments.some((segment) => segment.length > MAX_TEAM_NAME_LENGTH)) {
    errors.push({ code: "teamTooLong", params: { max: MAX_TEAM_NAME_LENGTH } });
  }
  if (team === "" && parentTeam !== "") errors.push({ code: "parentWithoutTeam", params: {} });
  const role = roleText === "" ? null : roleFromText(roleText);
  if (roleText !== "" && !role) errors.push({ code: "invalidRole", params: { role: roleText } });

  return {
    rowNumber,
    name,
    email,
    team: team || null,
    parentTeam: parentTeam || null,
    managerEmail: managerEmail || null,
    role,
    errors,
  };
}

/** Every row of an e-mail seen more than once names another row with it. */
function markDuplicateEmails(rows: ParsedRow[]): void {
  const byEmail = new Map<string, ParsedRow[]>();
  for (const row of rows) {
    if (row.email === "") continue;
    const list = byEmail.get(row.email);
    if (list) list.push(row);
    else byEmail.set(row.email, [row]);
  }
  for (const list of byEmail.values()) {
    if (list.length < 2) continue;
    const [first, second] = list as [ParsedRow, ParsedRow];
    for (const row of list) {
      row.errors.push({ code: "duplicateEmail", params: { row: row === first ? second.rowNumber : first.rowNumber } });
    }
  }
}
