import { expect, test, type Page } from "@playwright/test";
import { chooseLanguage, DEMO_PASSWORD, screenshot, screenshotOf, signIn } from "./support";

const ORG = "/o/exempel-ab";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 720 };

async function signInAs(page: Page, email: string) {
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/o\/[a-z-]+$/);
  await page.goto(ORG);
}

/** The number a level shows on the goal page ("45 avtal", "2 dagar") as the form takes it. */
async function levelValue(page: Page, level: "target" | "stretch") {
  const text = (await page.getByTestId("measure-levels").locator(`[data-level="${level}"] dd`).first().textContent())!;
  return text.replace(/[^\d,.\-−]/g, "").replace("−", "-");
}

test("an employee checks in from the home page and the goal's status, chart and the team's roll-up follow", async ({ page }) => {
  await signInAs(page, "medarbetare@exempel.se");
  const due = page.getByTestId("due-check-ins");
  await expect(due).toBeVisible();
  const item = due.getByTestId("due-item").first();
  await expect(item).toBeVisible();
  const goalId = (await item.getAttribute("data-goal-id"))!;
  await screenshot(page, "check-ins-home-employee-sv-desktop");
  await chooseLanguage(page, "English");
  await page.keyboard.press("Escape");
  await expect(due.getByTestId("due-item").first()).toContainText(/Overdue by \d+ days?/);
  await screenshot(page, "check-ins-home-employee-en-desktop");
  await chooseLanguage(page, "Svenska");
  await page.keyboard.press("Escape");
  await page.setViewportSize(PHONE);
  await expect(due.getByTestId("check-in-form-inline")).toBeVisible();
  await screenshot(page, "check-ins-home-employee-sv-phone");
  await page.goto(`${ORG}/goals/${goalId}`);
  await expect(page.getByTestId("progress-chart")).toBeVisible();
  await screenshot(page, "check-ins-goal-page-sv-phone");
  await page.setViewportSize(DESKTOP);

  // before: the goal's status, its chart's table and its parent team goal's roll-up
  await page.goto(`${ORG}/goals/${goalId}`);
  const progress = page.getByTestId("goal-progress");
  await expect(progress.getByTestId("goal-health")).toBeVisible();
  await expect(progress.getByTestId("goal-health")).not.toHaveText(/Uppnått/);
  await expect(page.getByTestId("progress-chart")).toBeVisible();
  const rowsBefore = await page.getByTestId("check-in-table").locator("tbody tr").count();
  expect(rowsBefore).toBeGreaterThan(0);
  const target = await levelValue(page, "target");
  const teamGoalHref = (await page.getByTestId("alignment-path").getByRole("link").last().getAttribute("href"))!;
  await page.goto(teamGoalHref);
  await expect(page.getByTestId("goal-rollup")).toBeVisible();
  const rollupBefore = (await page.getByTestId("goal-rollup").textContent())!.trim();

  // the inline check-in on the home page: no page load
  await page.goto(ORG);
  const mine = page.getByTestId("due-check-ins").locator(`[data-testid="due-item"][data-goal-id="${goalId}"]`);
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  const form = mine.getByTestId("check-in-form-inline");
  if (!(await form.isVisible())) await mine.getByRole("button", { name: /Följ upp/ }).click();
  await form.getByLabel(/Värde nu/).fill(target);
  await form.getByRole("radio", { name: "Tilltro 8 av 10" }).check();
  await form.getByLabel("Kommentar (en rad)").fill("Målet nått i dag efter ett bra kvartal.");
  await form.getByRole("button", { name: "Spara uppföljningen" }).click();
  await expect(mine).toHaveAttribute("data-state", "checked-in");
  await expect(mine.getByTestId("goal-health")).toHaveText(/Uppnått/);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await screenshot(page, "check-ins-home-after-sv-desktop");

  // after: the goal page shows the new status, one more point in the chart's table and the comment
  await page.goto(`${ORG}/goals/${goalId}`);
  await expect(page.getByTestId("goal-progress").getByTestId("goal-health")).toHaveText(/Uppnått/);
  await expect(page.getByTestId("progress-chart")).toBeVisible();
  await expect(page.getByTestId("check-in-table").locator("tbody tr")).toHaveCount(rowsBefore + 1);
  await expect(page.getByTestId("check-in-history")).toContainText("Målet nått i dag");
  await screenshot(page, "check-ins-goal-page-sv-desktop");
  await screenshotOf(page.getByTestId("goal-progress"), "check-ins-goal-chart-sv");

  // and the team goal's roll-up moved
  await page.goto(teamGoalHref);
  await expect(page.getByTestId("goal-rollup")).not.toHaveText(rollupBefore);

  // the same pages in English, for the eye
  await chooseLanguage(page, "English");
  await page.goto(`${ORG}/goals/${goalId}`);
  await expect(page.getByTestId("goal-progress").getByTestId("goal-health")).toHaveText(/Achieved/);
  await expect(page.getByTestId("progress-chart")).toBeVisible();
  await screenshot(page, "check-ins-goal-page-en-desktop");
  await screenshotOf(page.getByTestId("goal-progress"), "check-ins-goal-chart-en");
  await chooseLanguage(page, "Svenska");
});

test("a manager sees the reports' overdue check-ins on the home page", async ({ page }) => {
  await signInAs(page, "chef@exempel.se");
  const overdue = page.getByTestId("reports-overdue");
  await expect(overdue).toBeVisible();
  await expect(overdue.getByTestId("reports-overdue-item").first()).toBeVisible();
  await expect(overdue.getByTestId("reports-overdue-count")).toHaveText(/\d+ försenade? uppföljning/);
  await screenshot(page, "check-ins-home-manager-sv-desktop");
  await chooseLanguage(page, "English");
  await page.keyboard.press("Escape");
  await expect(overdue.getByTestId("reports-overdue-count")).toHaveText(/\d+ overdue check-ins?/);
  await screenshot(page, "check-ins-home-manager-en-desktop");
  await chooseLanguage(page, "Svenska");
});
