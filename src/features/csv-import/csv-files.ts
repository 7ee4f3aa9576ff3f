import Papa from "papaparse";

/**
 * The CSV files the import page hands out: an example to start from and the invitation
 * links. Written for Excel: a BOM (so å, ä, ö survive), semicolons for Swedish Excel, and
 * no cell that Excel would run as a formula.
 */

const EXAMPLE: Record<"sv" | "en", string[][]> = {
  sv: [
    ["Namn", "E-post", "Team", "Överordnat team", "Chefens e-post", "Roll"],
    ["Karin Lind", "karin.lind@foretaget.example", "Ledning", "", "", "Administratör"],
    ["Per Ahmadi", "per.ahmadi@foretaget.example", "Plattform", "Produkt och teknik", "karin.lind@foretaget.example", "Chef"],
    ["Lina Berg", "lina.berg@foretaget.example", "Plattform", "Produkt och teknik", "per.ahmadi@foretaget.example", "Medarbetare"],
    ["Omar Said", "omar.said@foretaget.example", "Sälj Nord", "Försäljning", "karin.lind@foretaget.example", ""],
    ["Eva Holm", "eva.holm@foretaget.example", "HR", "Verksamhetsstöd", "karin.lind@foretaget.example", "HR"],
  ],
  en: [
    ["name", "email", "team", "parent team", "manager email", "role"],
    ["Karin Lind", "karin.lind@company.example", "Leadership", "", "", "Admin"],
    ["Per Ahmadi", "per.ahmadi@company.example", "Platform", "Product and technology", "karin.lind@company.example", "Manager"],
    ["Lina Berg", "lina.berg@company.example", "Platform", "Product and technology", "per.ahmadi@company.example", "Employee"],
    ["Omar Said", "omar.said@company.example", "Sales North", "Sales", "karin.lind@company.example", ""],
    ["Eva Holm", "eva.holm@company.example", "HR", "Operations", "karin.lind@company.example", "HR"],
  ],
};

const BOM = "\uFEFF";

function toCsv(rows: string[][], locale: "sv" | "en"): string {
  return BOM + Papa.unparse(rows, { delimiter: locale === "sv" ? ";" : ",", newline: "\r\n", escapeFormulae: true });
}

export function exampleCsv(locale: "sv" | "en"): string {
  return toCsv(EXAMPLE[locale], locale);
}

export type LinkRow = { name: string; email: string; role: string; link: string; expires: string };

export function linksCsv(header: LinkRow, rows: LinkRow[], locale: "sv" | "en"): string {
  const line = (row: LinkRow) => [row.name, row.email, row.role, row.link, row.expires];
  return toCsv([line(header), ...rows.map(line)], locale);
}

/** Saves a text as a file through the browser's download. */
export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
