import ExcelJS from "exceljs";
import Papa from "papaparse";
import { spreadsheetSafe, type SheetCell } from "@/lib/spreadsheet-safe";
import { headlineFigures } from "./report-figures";
import type { ExportFormat } from "./report-params";
import type { HrReport } from "./reports.schema";

/**
 * The HR report as downloadable files. One model (sections of rows) feeds both formats, and
 * every cell passes spreadsheetSafe on its way out, so a goal titled "=HYPERLINK(…)" stays
 * text in both. The numbers are the report's own (the same service as the page): counts as
 * integers, shares as percent with one decimal, exactly as the page shows them.
 */

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type ExportLocale = "sv" | "en";

export type ColumnFormat = "text" | "integer" | "decimal" | "percent";

export type ExportSection = {
  id: "summary" | "figures" | "breakdown" | "managers" | "unconfirmed";
  title: string;
  columns: { header: string; format: ColumnFormat }[];
  rows: SheetCell[][];
};

export type ExportContext = { organizationName: string; t: Translate };

const text = (header: string) => ({ header, format: "text" as const });
const integer = (header: string) => ({ header, format: "integer" as const });
const decimal = (header: string) => ({ header, format: "decimal" as const });
const percent = (header: string) => ({ header, format: "percent" as const });

function teamName(report: HrReport, id: string | null): string | null {
  return id === null ? null : (report.teams.find((team) => team.id === id)?.name ?? null);
}

/** The report as sections of rows, headers and labels in the reader's language. */
export function reportSections(report: HrReport, { organizationName, t }: ExportContext): ExportSection[] {
  const f = report.filters;
  const all = t("reports.export.all");
  const groupLabel = (row: HrReport["breakdown"]["rows"][number]) =>
    row.team === null ? t("reports.breakdown.noTeam") : row.team.archived ? t("reports.filters.archivedTeam", { name: row.team.name }) : row.team.name;

  return [
    {
      id: "summary",
      title: t("reports.export.sheets.summary"),
      columns: [text(t("reports.export.columns.field")), text(t("reports.export.columns.value"))],
      rows: [
        [t("reports.export.fields.organization"), organizationName],
        [t("reports.export.fields.period"), t("reports.export.periodValue", { name: report.period.name, start: report.period.startDate, end: report.period.endDate })],
        [t("reports.export.fields.today"), report.today],
        [t("reports.export.fields.cutoff"), report.cutoff],
        [t("reports.filters.department"), teamName(report, f.departmentTeamId) ?? all],
        [t("reports.filters.team"), teamName(report, f.teamId) ?? all],
        [t("reports.filters.kind"), f.kind ? t(`goals.kind.${f.kind}`) : all],
        [t("reports.filters.level"), f.level ? t(`goals.level.${f.level}`) : all],
        [t("reports.filters.role"), f.role ? t(`roles.${f.role}`) : all],
      ],
    },
    {
      id: "figures",
      title: t("reports.export.sheets.figures"),
      columns: [
        text(t("reports.export.columns.figure")),
        decimal(t("reports.export.columns.value")),
        integer(t("reports.export.columns.of")),
        percent(t("reports.export.columns.percent")),
      ],
      rows: headlineFigures(report).map((figure) => [t(`reports.figures.${figure.id}.label`), figure.value, figure.of, figure.percent]),
    },
    {
      id: "breakdown",
      title: t(`reports.breakdown.title.${report.breakdown.by}`),
      columns: [
        text(t(`reports.breakdown.group.${report.breakdown.by}`)),
        integer(t("reports.breakdown.columns.goals")),
        integer(t("reports.breakdown.columns.due")),
        integer(t("reports.breakdown.columns.atMinimum")),
        percent(t("reports.breakdown.columns.atMinimumPercent")),
        integer(t("reports.breakdown.columns.atTarget")),
        percent(t("reports.breakdown.columns.atTargetPercent")),
        integer(t("reports.breakdown.columns.atStretch")),
        percent(t("reports.breakdown.columns.atStretchPercent")),
        integer(t("reports.breakdown.columns.closed")),
        integer(t("reports.breakdown.columns.unconfirmed")),
      ],
      rows: [
        ...report.breakdown.rows.map((row): SheetCell[] => [groupLabel(row), row.goals, ...completionCells(row.completion)]),
        [t("reports.breakdown.total"), report.goals, ...completionCells(report.completion)],
      ],
    },
    {
      id: "managers",
      title: t("reports.export.sheets.managers"),
      columns: [
        text(t("reports.managers.columns.name")),
        text(t("reports.managers.columns.team")),
        integer(t("reports.managers.columns.directReports")),
        integer(t("reports.managers.columns.allReports")),
        integer(t("reports.managers.columns.goalsSigned")),
        integer(t("reports.managers.columns.checkIns30")),
        integer(t("reports.managers.columns.checkIns60")),
      ],
      rows: report.managers.map((row) => [row.name, row.team, row.directReports, row.allReports, row.goalsSigned, row.checkIns30, row.checkIns60]),
    },
    {
      id: "unconfirmed",
      title: t("reports.export.sheets.unconfirmed"),
      columns: [
        text(t("reports.unconfirmed.columns.goal")),
        text(t("reports.unconfirmed.columns.level")),
        text(t("reports.unconfirmed.columns.owner")),
        text(t("reports.unconfirmed.columns.manager")),
        text(t("reports.unconfirmed.columns.outcome")),
        text(t("reports.unconfirmed.columns.closedOn")),
      ],
      rows: report.unconfirmedGoals.map((goal) => [
        goal.title,
        t(`goals.level.${goal.level}`),
        goal.owner.name,
        goal.managerName,
        goal.outcome ? t(`goals.outcome.${goal.outcome}`) : null,
        goal.closedOn,
      ]),
    },
  ];
}

function completionCells(c: HrReport["completion"]): SheetCell[] {
  return [c.due, c.atMinimum.count, c.atMinimum.percent, c.atTarget.count, c.atTarget.percent, c.atStretch.count, c.atStretch.percent, c.closed, c.unconfirmed];
}

/**
 * Spreadsheets read a CSV with the separators of the reader's region: Swedish Excel splits on
 * ";" and reads "57,1" as a number, English Excel splits on "," and reads "57.1".
 */
export const CSV_DIALECT: Record<ExportLocale, { delimiter: string; decimal: string }> = {
  sv: { delimiter: ";", decimal: "," },
  en: { delimiter: ",", decimal: "." },
};

function csvCell(cell: SheetCell, locale: ExportLocale): string | null {
  const safe = spreadsheetSafe(cell);
  if (typeof safe === "number") return String(safe).replace(".", CSV_DIALECT[locale].decimal);
  return safe;
}

/** The byte-order mark that tells Excel the file is UTF-8 (å, ä, ö intact). */
export const UTF8_BOM = "\uFEFF";

/** One CSV: each section's title, its header row and its rows, a blank line between sections. */
export function reportCsv(sections: readonly ExportSection[], locale: ExportLocale): string {
  const lines: (string | null)[][] = [];
  sections.forEach((section, index) => {
    if (index > 0) lines.push([]);
    lines.push([csvCell(section.title, locale)]);
    lines.push(section.columns.map((column) => csvCell(column.header, locale)));
    for (const row of section.rows) lines.push(row.map((cell) => csvCell(cell, locale)));
  });
  // no formula escaping by the library: spreadsheetSafe above is the one rule for both formats
  return UTF8_BOM + Papa.unparse(lines, { delimiter: CSV_DIALECT[locale].delimiter, newline: "\r\n", escapeFormulae: false });
}

/** Display formats; text and decimals (the median) keep Excel's general format. */
const NUMBER_FORMATS: Record<ColumnFormat, string | null> = {
  text: null,
  integer: "0",
  decimal: null,
  percent: "0.0",
};

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, " ").trim().slice(0, 31) || "Sheet";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** One XLSX: a sheet per section, a bold header row, numbers stored as numbers. */
export async function reportXlsx(sections: readonly ExportSection[], meta: { creator: string; created: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator;
  workbook.created = meta.created;
  const taken = new Set<string>();
  for (const section of sections) {
    const sheet = workbook.addWorksheet(sheetName(section.title, taken), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = section.columns.map((column) => ({
      header: spreadsheetSafe(column.header) as string,
      width: column.format === "text" ? 36 : Math.max(12, Math.min(28, column.header.length + 2)),
      style: NUMBER_FORMATS[column.format] === null ? {} : { numFmt: NUMBER_FORMATS[column.format]! },
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of section.rows) sheet.addRow(row.map((cell) => spreadsheetSafe(cell)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "smarta-rapport-2026.csv"; a period "2027 H1" gives "…-2027-h1". */
export function reportFileName(report: HrReport, format: ExportFormat, t: Translate): string {
  const period =
    report.period.name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "period";
  return `${t("reports.export.fileBase")}-${period}.${format}`;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
