import ExcelJS from "exceljs";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { chooseLanguage, DEMO_PASSWORD, screenshot, signIn } from "./support";

const ORG = "/o/exempel-ab";

async function signInAs(page: Page, email: string) {
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/o\/[a-z-]+$/);
}

async function figure(page: Page, id: string) {
  const element = page.getByTestId(`report-figure-${id}`);
  return { value: await element.getAttribute("data-value"), of: await element.getAttribute("data-of") };
}

test("HR opens the report, filters by department and downloads CSV and XLSX holding the page's numbers", async ({ page }) => {
  await signInAs(page, "hr@exempel.se");
  await page.goto(ORG);
  await page.getByRole("link", { name: "Rapporter" }).first().click();
  await expect(page.getByTestId("report-page")).toBeVisible();
  await expect(page.getByTestId("report-content")).not.toHaveAttribute("aria-busy", "true");
  const aligned = await figure(page, "aligned");
  expect(aligned.value).toBe(aligned.of); // every performance goal is linked upward
  const allGoals = Number((await figure(page, "goals")).value);
  await screenshot(page, "report-sv-desktop");

  await page.getByTestId("report-department-select").selectOption({ label: "Produkt och teknik" });
  await expect(page).toHaveURL(/department=/);
  await expect(page.getByTestId("report-content")).not.toHaveAttribute("aria-busy", "true");
  await expect.poll(async () => Number((await figure(page, "goals")).value)).toBeLessThan(allGoals);
  const goals = await figure(page, "goals");
  const signed = await figure(page, "signedGoals");

  const csvDownload = page.waitForEvent("download");
  await page.getByTestId("report-download-csv").click();
  const csv = fs.readFileSync(await (await csvDownload).path(), "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const csvRow = (label: string) => csv.split(/\r?\n/).find((line) => line.startsWith(`${label};`))?.split(";");
  expect(csvRow("Mål i urvalet")?.[1]).toBe(goals.value);

  const xlsxDownload = page.waitForEvent("download");
  await page.getByTestId("report-download-xlsx").click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await (await xlsxDownload).path());
  const sheet = workbook.getWorksheet("Nyckeltal")!;
  const values = new Map<string, unknown[]>();
  sheet.eachRow((row) => values.set(row.getCell(1).text, [row.getCell(2).value, row.getCell(3).value]));
  expect(values.get("Mål i urvalet")?.[0]).toBe(Number(goals.value));
  const signedLabel = csv.split(/\r?\n/).find((line) => line.split(";")[1] === signed.value && line.split(";")[2] === signed.of)?.split(";")[0];
  expect(signedLabel).toBeTruthy();
  expect(values.get(signedLabel!)).toEqual([Number(signed.value), Number(signed.of)]);
  await screenshot(page, "report-department-sv-desktop");
});

test("a leader drills from an organisation goal to a team and a person on the organisation dashboard", async ({ page }) => {
  await signInAs(page, "chef@exempel.se");
  await page.goto(`${ORG}/dashboard`);
  await expect(page.getByTestId("org-dashboard").first()).toBeVisible();
  const tree = page.getByTestId("dashboard-tree");
  // the first organisation goal with a team goal under it
  const orgGoals = tree.locator('[data-testid="dashboard-node"][data-level="ORGANIZATION"]');
  await expect(orgGoals.first()).toBeVisible();
  let orgGoal = orgGoals.first();
  for (let index = 0; index < (await orgGoals.count()); index++) {
    orgGoal = orgGoals.nth(index);
    if ((await orgGoal.getAttribute("aria-expanded")) === null) continue;
    await orgGoal.getByTestId("dashboard-node-toggle").first().click();
    await expect(orgGoal).toHaveAttribute("aria-expanded", "true");
    await expect(orgGoal.getByTestId("dashboard-node-children").first()).toBeVisible();
    await expect(orgGoal.getByTestId("dashboard-node").first()).toBeVisible();
    if ((await orgGoal.locator('[data-testid="dashboard-node"][data-level="TEAM"]').count()) > 0) break;
  }
  const teamGoal = orgGoal.locator('[data-testid="dashboard-node"][data-level="TEAM"]').first();
  await expect(teamGoal).toBeVisible();
  await screenshot(page, "org-dashboard-sv-desktop");

  await teamGoal.getByTestId("dashboard-node-toggle").first().click();
  const personGoal = teamGoal.locator('[data-testid="dashboard-node"][data-level="INDIVIDUAL"]').first();
  await expect(personGoal).toBeVisible();
  const personHref = (await personGoal.getByTestId("dashboard-node-owner").first().getAttribute("href"))!;

  await teamGoal.getByTestId("dashboard-node-team").first().click();
  await expect(page.getByTestId("team-dashboard")).toBeVisible();
  await expect(page.getByTestId("status-distribution")).toBeVisible();
  await screenshot(page, "team-dashboard-sv-desktop");

  await page.goto(personHref);
  await expect(page).toHaveURL(/\/people\//);
});

test("the report and both dashboards fit a desktop and a phone without sideways scrolling, in English and in Swedish", async ({ page }) => {
  await signInAs(page, "hr@exempel.se");
  try {
    for (const [language, lang, width, height, device] of [
      ["English", "en", 1280, 900, "desktop"],
      ["English", "en", 390, 844, "phone"],
      ["Svenska", "sv", 390, 844, "phone"],
    ] as const) {
      // the language is chosen where the account menu is on every page: at desktop width
      await page.setViewportSize({ width: 1280, height: 900 });
      await chooseLanguage(page, language);
      await page.keyboard.press("Escape");
      await page.setViewportSize({ width, height });
      const fitsTheScreen = () =>
        expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

      await page.goto(`${ORG}/reports`);
      await expect(page.getByTestId("report-content")).toBeVisible();
      await expect(page.getByTestId("report-content")).not.toHaveAttribute("aria-busy", "true");
      await expect(page.getByRole("heading", { level: 1 })).toContainText(lang === "en" ? /report/i : /rapport/i);
      await screenshot(page, `report-${lang}-${device}`);
      await fitsTheScreen();

      await page.goto(`${ORG}/dashboard`);
      await expect(page.getByTestId("dashboard-tree")).toBeVisible();
      await expect(page.locator('[data-testid="dashboard-node"]').first()).toBeVisible();
      await screenshot(page, `org-dashboard-${lang}-${device}`);
      await fitsTheScreen();

      const teamLink = page.locator(`a[href^="${ORG}/teams/"]`).first();
      await expect(teamLink).toBeAttached();
      await page.goto((await teamLink.getAttribute("href"))!);
      await expect(page.getByTestId("team-dashboard")).toBeVisible();
      await expect(page.getByTestId("status-distribution")).toBeVisible();
      await screenshot(page, `team-dashboard-${lang}-${device}`);
      await fitsTheScreen();
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
    await chooseLanguage(page, "Svenska");
  }
});
