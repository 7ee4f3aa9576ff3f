import { expect, type Locator, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/demo-accounts";

export const EMPLOYEE_STATE = `e2e/.auth/employee-${process.env.E2E_PORT ?? 3100}.json`;

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel(/E-post|E-mail/).fill(email);
  await page.getByLabel(/Lösenord|Password/).fill(password);
  await page.getByRole("button", { name: /Logga in|Sign in/ }).click();
}

export async function chooseLanguage(page: Page, language: "Svenska" | "English") {
  const group = page.getByRole("group", { name: /Språk|Language/ });
  if (!(await group.isVisible())) await page.getByRole("button", { name: /Kontomeny|Account menu/ }).click();
  await page.getByRole("group", { name: /Språk|Language/ }).getByRole("button", { name: language }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", language === "English" ? "en" : "sv");
}

const SHOTS = "test-results/screenshots";

/** Full-page screenshots kept as artifacts, to be looked at: what no assertion can judge. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: "disabled" });
}

/** One part of a page, at full size, where a full-page screenshot is too small to read. */
export async function screenshotOf(locator: Locator, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await locator.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: "disabled" });
}
