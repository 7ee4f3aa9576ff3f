import { expect, test, type Page } from "@playwright/test";
import fs from "node:fs";
import { DEMO_PASSWORD, screenshot, signIn } from "./support";

const ORG = "exempel-ab";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** Unique per run, so the spec can run again on the same database. */
const runTag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

type Line = [name: string, email: string, team: string, parentTeam: string, managerEmail: string, role: string];

/** What Swedish Excel saves: BOM, semicolons, CRLF, Swedish headers. */
function swedishCsv(lines: Line[]): Buffer {
  const rows = ["Namn;E-post;Team;Överordnat team;Chefens e-post;Roll", ...lines.map((line) => line.join(";"))];
  return Buffer.from(`\uFEFF${rows.join("\r\n")}\r\n`, "utf8");
}

function people(tag: string, managerOfThird: string): Line[] {
  const team = `Importlaget ${tag}`;
  return [
    ["Ingrid Import", `ingrid-${tag}@exempel.test`, team, "Produkt och teknik", "chef@exempel.se", "Chef"],
    ["Olle Import", `olle-${tag}@exempel.test`, team, "Produkt och teknik", `ingrid-${tag}@exempel.test`, "medarbetare"],
    ["Stina Import", `stina-${tag}@exempel.test`, team, "Produkt och teknik", managerOfThird, ""],
  ];
}

async function choose(page: Page, name: string, lines: Line[]) {
  await page.getByTestId("import-file").setInputFiles({ name, mimeType: "text/csv", buffer: swedishCsv(lines) });
  await expect(page.getByTestId("import-review")).toBeVisible();
}

async function shootBoth(page: Page, name: string) {
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

async function openImport(page: Page) {
  await signIn(page, "admin@exempel.se", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/o\/exempel-ab$/);
  await page.goto(`/o/${ORG}/admin/import`);
}

test("an admin checks a CSV with an error, fixes it, imports it and gets the invitation links", async ({ page }) => {
  const tag = runTag();
  await page.setViewportSize(DESKTOP);
  await openImport(page);
  await expect(page.getByRole("heading", { name: "Importera personer och team" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Så ska filen se ut" })).toBeVisible();
  await shootBoth(page, "import-start-sv");

  // a file with an unknown manager: the dry run shows it on its row and nothing can be imported
  const unknown = `okand-chef-${tag}@exempel.test`;
  await choose(page, "personal.csv", people(tag, unknown));
  const badRow = page.getByTestId("import-row-4");
  await expect(badRow).toContainText("Fel");
  await expect(badRow).toContainText(`Chefen ${unknown} finns varken i filen eller i organisationen.`);
  await expect(page.getByText("1 rad har fel. Rätta filen och välj den igen.")).toBeVisible();
  await expect(page.getByTestId("import-run")).toBeDisabled();
  await expect(page.getByTestId("import-summary")).toContainText("Rader med fel1");
  await shootBoth(page, "import-dry-run-errors-sv");

  // the fixed file: Stina reports to Ingrid, who is new in the same file
  const fixed = people(tag, `ingrid-${tag}@exempel.test`);
  await choose(page, "personal-rattad.csv", fixed);
  await expect(page.getByText("Inga fel. Importen görs i ett svep: antingen alla rader eller ingen.")).toBeVisible();
  await page.getByRole("button", { name: "Alla (3)" }).click();
  await expect(page.getByTestId("import-row-2")).toContainText("Ny");
  await expect(page.getByTestId("import-row-2")).toContainText(`Team: Produkt och teknik / Importlaget ${tag}`);
  await expect(page.getByTestId("import-row-3")).toContainText("har inte gått med ännu");
  await expect(page.getByText("Team som skapas (1)")).toBeVisible();
  await shootBoth(page, "import-dry-run-clean-sv");

  await page.getByTestId("import-run").click();
  const done = page.getByTestId("import-done");
  await expect(done.getByRole("heading", { name: "Importen är klar" })).toBeVisible();
  await expect(page.getByTestId("import-counts")).toContainText("3 personer inbjudna");
  await expect(page.getByTestId("import-counts")).toContainText("1 nytt team");
  const links = page.getByTestId("import-links").getByRole("listitem");
  await expect(links).toHaveCount(3);
  for (const [, email] of fixed) await expect(page.getByTestId("import-links")).toContainText(email);
  const firstLink = await links.first().getByRole("textbox").inputValue();
  expect(firstLink).toMatch(/^http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
  await shootBoth(page, "import-done-sv");

  // the links as a CSV file for Excel
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Ladda ner länkarna som CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("inbjudningslankar.csv");
  const text = fs.readFileSync(await download.path(), "utf8");
  expect(text.startsWith("\uFEFFNamn;E-post;Roll;Länk;Gäller till")).toBe(true);
  expect(text).toContain(`Ingrid Import;ingrid-${tag}@exempel.test;Chef;${firstLink};`);

  // the same file again changes nothing
  await page.getByRole("button", { name: "Importera en fil till" }).click();
  await choose(page, "personal-rattad.csv", fixed);
  await expect(page.getByText("Filen ändrar ingenting: allt stämmer redan med organisationen.")).toBeVisible();
  await expect(page.getByTestId("import-run")).toBeDisabled();
});

test("the import page in English, with errors and after a successful import", async ({ page, baseURL }) => {
  const tag = runTag();
  await page.setViewportSize(DESKTOP);
  await openImport(page);
  // English for this browser only: the demo admin's saved language stays Swedish for other specs
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Import people and teams" })).toBeVisible();

  await choose(page, "people.csv", people(tag, `nobody-${tag}@exempel.test`));
  await expect(page.getByTestId("import-row-4")).toContainText(`The manager nobody-${tag}@exempel.test is neither in the file nor in the organisation.`);
  await expect(page.getByTestId("import-run")).toBeDisabled();
  await shootBoth(page, "import-dry-run-errors-en");

  await choose(page, "people-fixed.csv", people(tag, "chef@exempel.se"));
  await expect(page.getByText("No errors.", { exact: false })).toBeVisible();
  await page.getByTestId("import-run").click();
  await expect(page.getByRole("heading", { name: "The import is done" })).toBeVisible();
  await expect(page.getByTestId("import-links").getByRole("listitem")).toHaveCount(3);
  await shootBoth(page, "import-done-en");
});

test("a file that is not CSV, or not UTF-8, gets a clear message", async ({ page }) => {
  await openImport(page);
  await page.getByTestId("import-file").setInputFiles({ name: "personal.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("PK\u0003\u0004") });
  await expect(page.getByText(/ser ut som en Excel-arbetsbok/)).toBeVisible();
  // "Åsa" saved by Excel's plain "CSV (semikolonavgränsad)", which is Windows-1252
  const latin1 = Buffer.from([...Buffer.from("Namn;E-post\r\n"), 0xc5, ...Buffer.from("sa;asa@exempel.test\r\n")]);
  await page.getByTestId("import-file").setInputFiles({ name: "personal.csv", mimeType: "text/csv", buffer: latin1 });
  await expect(page.getByText(/Filen är inte sparad som UTF-8/)).toBeVisible();
  await screenshot(page, "import-bad-encoding-sv");
  await page.getByTestId("import-file").setInputFiles({ name: "tom.csv", mimeType: "text/csv", buffer: Buffer.from("Namn;Team\r\nA;B\r\n") });
  await expect(page.getByText("Kolumner saknas: e-post. Första raden måste innehålla rubrikerna.")).toBeVisible();
});
