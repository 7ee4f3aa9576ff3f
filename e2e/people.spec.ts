import { expect, test, type Page } from "@playwright/test";
import { chooseLanguage, DEMO_PASSWORD, screenshot, signIn } from "./support";

const PEOPLE = "/o/exempel-ab/admin/people";

async function searchFor(page: Page, text: string) {
  await page.getByRole("searchbox", { name: /^(Sök|Search)$/ }).fill(text);
}

/** The visible row (table on a wide screen) of one person. */
const rowOf = (page: Page, name: string) =>
  page.getByTestId("person-row").filter({ has: page.locator("td:first-child").getByRole("link", { name, exact: true }) });

async function moveToTeam(page: Page, name: string, teamPath: string) {
  await searchFor(page, name.split(" ")[0]!);
  await expect(page.getByTestId("person-row")).toHaveCount(1);
  await page.getByRole("button", { name: `Redigera ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Redigera ${name}` });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Team", { exact: true }).selectOption({ label: teamPath });
  await dialog.getByRole("button", { name: "Spara" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").getByText(`Ändringarna för ${name} är sparade.`)).toBeVisible();
}

test("an admin finds a person and moves her to another team", async ({ page }) => {
  await signIn(page, "admin@exempel.se", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/o\/exempel-ab$/);
  await page.getByRole("link", { name: "Administration" }).click();
  await page.getByRole("navigation", { name: "Administrationens delar" }).getByRole("link", { name: "Personer" }).click();
  await expect(page).toHaveURL(new RegExp(`${PEOPLE}$`));
  await expect(page.getByRole("heading", { name: "Personer" })).toBeVisible();
  await expect(page.getByTestId("people-count")).toHaveText(/\d+ personer/);
  await expect(rowOf(page, "Elin Sjöberg")).toBeVisible();
  await screenshot(page, "admin-people-sv-desktop");

  await searchFor(page, "Elin");
  await expect(page.getByTestId("person-row")).toHaveCount(1);
  const elin = rowOf(page, "Elin Sjöberg");
  await expect(elin.getByTestId("person-team")).toHaveText("Plattform");

  await page.getByRole("button", { name: "Redigera Elin Sjöberg" }).click();
  const dialog = page.getByRole("dialog", { name: "Redigera Elin Sjöberg" });
  await expect(dialog.getByLabel("Roll")).toHaveValue("EMPLOYEE");
  await expect(dialog.getByLabel("Titel")).toHaveValue("Systemutvecklare");
  await dialog.getByLabel("Team", { exact: true }).selectOption({ label: "Produkt och teknik / Mobilappar" });
  await screenshot(page, "admin-people-edit-sv");
  await dialog.getByRole("button", { name: "Spara" }).click();
  await expect(dialog).toBeHidden();
  await expect(elin.getByTestId("person-team")).toHaveText("Mobilappar");

  // her person page shows the new team
  await elin.getByRole("link", { name: "Elin Sjöberg" }).click();
  await expect(page).toHaveURL(/\/o\/exempel-ab\/people\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Elin Sjöberg" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Mobilappar" })).toBeVisible();

  // a reporting line that would make a loop is refused beside the manager field
  await page.goto(PEOPLE);
  await searchFor(page, "Magnus Ek");
  await expect(rowOf(page, "Magnus Ek")).toBeVisible();
  await page.getByRole("button", { name: "Redigera Magnus Ek" }).click();
  const magnus = page.getByRole("dialog", { name: "Redigera Magnus Ek" });
  await magnus.getByRole("searchbox", { name: "Sök efter en annan chef" }).fill("Elin");
  const managerSelect = magnus.getByRole("combobox", { name: "Chef", exact: true });
  await expect(managerSelect.getByRole("option", { name: "Elin Sjöberg" })).toBeAttached();
  await managerSelect.selectOption({ label: "Elin Sjöberg" });
  await magnus.getByRole("button", { name: "Spara" }).click();
  await expect(magnus.getByText(/cirkel i rapportvägarna/)).toBeVisible();
  await expect(managerSelect).toHaveAttribute("aria-invalid", "true");
  await screenshot(page, "admin-people-cycle-error-sv");
  await magnus.getByRole("button", { name: "Avbryt" }).click();
  await expect(magnus).toBeHidden();

  // put her back, so other specs find the demo data as seeded
  await moveToTeam(page, "Elin Sjöberg", "Produkt och teknik / Plattform");
  await expect(rowOf(page, "Elin Sjöberg").getByTestId("person-team")).toHaveText("Plattform");
});

test("the people page in Swedish and English, on desktop and phone", async ({ page }) => {
  await signIn(page, "hr@exempel.se", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/o\/exempel-ab$/);
  await page.goto(PEOPLE);
  await expect(rowOf(page, "Elin Sjöberg")).toBeVisible();

  // HR cannot touch an administrator, and cannot offer the Administrator role
  await searchFor(page, "Astrid");
  await expect(rowOf(page, "Astrid Lindqvist")).toContainText("Bara administratörer kan ändra en administratör.");
  await expect(page.getByRole("button", { name: "Redigera Astrid Lindqvist" })).toHaveCount(0);
  await searchFor(page, "");

  // a filter narrows the list to that team; deactivation asks first
  // the filter lists teams indented under their department
  const teamFilter = page.getByLabel("Team", { exact: true });
  const plattform = await teamFilter.getByRole("option", { name: /^\s*Plattform$/ }).getAttribute("value");
  await teamFilter.selectOption(plattform ?? "");
  await expect(rowOf(page, "Magnus Ek")).toBeVisible();
  await expect(page.getByTestId("person-row").getByTestId("person-team").filter({ hasNotText: /^Plattform$/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Inaktivera Magnus Ek" }).click();
  const confirm = page.getByRole("dialog", { name: "Inaktivera Magnus Ek?" });
  await expect(confirm).toContainText("loggas ut från Exempel AB direkt");
  await expect(confirm).toContainText("Personer som har Magnus Ek som chef behåller sin chef");
  await screenshot(page, "admin-people-deactivate-sv");
  await confirm.getByRole("button", { name: "Avbryt" }).click();
  await expect(confirm).toBeHidden();
  await expect(rowOf(page, "Magnus Ek")).toContainText("Aktiv");
  await page.getByRole("button", { name: "Rensa filter" }).first().click();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("person-card").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, "admin-people-sv-phone");

  await page.setViewportSize({ width: 1280, height: 900 });
  await chooseLanguage(page, "English");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
  await expect(page.getByTestId("people-count")).toHaveText(/\d+ people/);
  await screenshot(page, "admin-people-en-desktop");
  await searchFor(page, "Elin");
  await expect(page.getByTestId("person-row")).toHaveCount(1);
  await page.getByRole("button", { name: "Edit Elin Sjöberg" }).click();
  await expect(page.getByRole("dialog", { name: "Edit Elin Sjöberg" })).toBeVisible();
  await expect(page.getByRole("dialog").getByLabel("Role").getByRole("option", { name: "Administrator" })).toHaveCount(0);
  await screenshot(page, "admin-people-edit-en");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Clear filters" }).first().click();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("person-card").first()).toBeVisible();
  await screenshot(page, "admin-people-en-phone");

  // the choice is saved on the account: leave HR in Swedish for other specs
  await page.setViewportSize({ width: 1280, height: 900 });
  await chooseLanguage(page, "Svenska");
});
