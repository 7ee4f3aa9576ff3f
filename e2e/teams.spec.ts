import { expect, test, type Page } from "@playwright/test";
import { chooseLanguage, DEMO_PASSWORD, EMPLOYEE_STATE, screenshot, signIn } from "./support";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** The row of a team in the admin tree, found by its action group. */
const actionsOf = (page: Page, name: string) => page.getByRole("group", { name: new RegExp(`^(Åtgärder för|Actions for) ${name}$`) });

test("an admin creates, renames, leads and moves a team, and the org chart shows it", async ({ page }, testInfo) => {
  // a retry runs against the same database, so it works on a team of its own
  const suffix = testInfo.retry ? ` ${testInfo.retry}` : "";
  const created = `Partnerförsäljning${suffix}`;
  const renamed = `Partnerteam${suffix}`;

  await signIn(page, "admin@exempel.se", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/o\/exempel-ab$/);
  await page.goto("/o/exempel-ab/admin/teams");
  await expect(page.getByRole("heading", { name: "Team", exact: true })).toBeVisible();
  const tree = page.getByRole("list", { name: "Organisationens team" });
  await expect(tree.getByText("Produkt och teknik", { exact: true })).toBeVisible();

  // create under a department
  const createForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Skapa team" }) });
  await createForm.getByLabel("Namn").fill(created);
  await createForm.getByLabel("Placering").selectOption({ label: "Försäljning" });
  await createForm.getByRole("button", { name: "Skapa team" }).click();
  await expect(page.getByText(`Teamet ${created} har skapats.`)).toBeVisible();
  await expect(actionsOf(page, created)).toBeVisible();

  // the same name beside it is refused next to the field
  await createForm.getByLabel("Namn").fill(created.toUpperCase());
  await createForm.getByLabel("Placering").selectOption({ label: "Försäljning" });
  await createForm.getByRole("button", { name: "Skapa team" }).click();
  await expect(createForm.getByText("Det finns redan ett team med det namnet på samma nivå.")).toBeVisible();
  await createForm.getByLabel("Namn").fill("");

  // rename inline
  await actionsOf(page, created).getByRole("button", { name: "Byt namn" }).click();
  await page.getByLabel(`Nytt namn på ${created}`).fill(renamed);
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText(`Teamet heter nu ${renamed}.`)).toBeVisible();

  // set a lead, found by searching
  await actionsOf(page, renamed).getByRole("button", { name: "Ledare" }).click();
  await page.getByLabel("Sök person").fill("magnus");
  await page.getByRole("checkbox", { name: /Magnus Ek/ }).check();
  await expect(page.getByRole("list", { name: "Valda ledare" })).toContainText("Magnus Ek");
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText(`Ledarna för ${renamed} har sparats.`)).toBeVisible();
  const renamedRow = page.getByTestId("team-row").filter({ has: actionsOf(page, renamed) });
  await expect(renamedRow).toContainText("Ledare: Magnus Ek");

  // a department cannot be moved under its own team: those choices are not offered
  await actionsOf(page, "Försäljning").getByRole("button", { name: "Flytta" }).click();
  const departmentTarget = page.getByLabel("Ny placering för Försäljning");
  await expect(departmentTarget.locator("option", { hasText: "Försäljning › Marknad" })).toHaveCount(0);
  await expect(departmentTarget.locator("option", { hasText: "Produkt och teknik › Plattform" })).toHaveCount(1);
  await page.getByRole("button", { name: "Avbryt" }).click();

  // move to another department
  await actionsOf(page, renamed).getByRole("button", { name: "Flytta" }).click();
  await page.getByLabel(`Ny placering för ${renamed}`).selectOption({ label: "Produkt och teknik" });
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText(`${renamed} har flyttats.`)).toBeVisible();

  // archiving asks first
  await actionsOf(page, "Försäljning").getByRole("button", { name: "Arkivera" }).click();
  await expect(page.getByText(/Försäljning har 3 aktiva underteam/)).toBeVisible();
  await screenshot(page, "admin-teams-sv-desktop");
  await page.getByRole("button", { name: "Avbryt" }).click();
  await page.setViewportSize(PHONE);
  await screenshot(page, "admin-teams-sv-phone");
  await page.setViewportSize(DESKTOP);

  // the org chart shows it under its new department with its lead
  await page.goto("/o/exempel-ab/org-chart");
  await expect(page.getByRole("heading", { name: "Organisationsschema" })).toBeVisible();
  // the innermost item holding the heading is the team's own
  const section = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`^${renamed}`) }) }).last();
  await expect(section).toContainText("Ledare: Magnus Ek");
  const department = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^Produkt och teknik/, level: 2 }) });
  await expect(department.getByRole("heading", { name: new RegExp(`^${renamed}`), level: 3 })).toBeVisible();
  await screenshot(page, "org-chart-sv-desktop");
  await page.setViewportSize(PHONE);
  await screenshot(page, "org-chart-sv-phone");
  await page.setViewportSize(DESKTOP);

  // the same pages in English
  await chooseLanguage(page, "English");
  try {
    await expect(page.getByRole("heading", { name: "Org chart" })).toBeVisible();
    await page.getByLabel("Search people").fill("sjöberg");
    await expect(page.getByText("1 person matches")).toBeVisible();
    await page.getByTestId("org-chart-person").filter({ hasText: "Elin Sjöberg" }).getByRole("button", { name: "Show manager chain" }).click();
    await expect(page.getByRole("list", { name: "Manager chain of Elin Sjöberg" })).toContainText("Astrid Lindqvist");
    await screenshot(page, "org-chart-en-desktop");
    await page.setViewportSize(PHONE);
    await screenshot(page, "org-chart-en-phone");
    await page.setViewportSize(DESKTOP);

    await page.goto("/o/exempel-ab/admin/teams");
    await expect(page.getByRole("heading", { name: "Teams", exact: true })).toBeVisible();
    await actionsOf(page, renamed).getByRole("button", { name: "Leads" }).click();
    await expect(page.getByRole("list", { name: "Chosen leads" })).toContainText("Magnus Ek");
    await screenshot(page, "admin-teams-en-desktop");
    await page.setViewportSize(PHONE);
    await screenshot(page, "admin-teams-en-phone");
    await page.setViewportSize(DESKTOP);
  } finally {
    // the choice is saved on the account; leave the demo admin Swedish for other specs
    await chooseLanguage(page, "Svenska");
  }

  // archive after confirming, then restore from the archived list
  await page.goto("/o/exempel-ab/admin/teams");
  await actionsOf(page, renamed).getByRole("button", { name: "Arkivera" }).click();
  await expect(page.getByText(`Arkivera ${renamed}?`)).toBeVisible();
  await page.getByRole("button", { name: "Ja, arkivera" }).click();
  await expect(page.getByText(`${renamed} har arkiverats.`)).toBeVisible();
  await expect(actionsOf(page, renamed)).toHaveCount(0);
  await page.getByLabel(/Visa arkiverade team/).check();
  await actionsOf(page, renamed).getByRole("button", { name: "Återställ" }).click();
  await expect(page.getByText(`${renamed} har återställts.`)).toBeVisible();
  // Escape closes a panel and gives focus back to the button that opened it
  const renameButton = actionsOf(page, renamed).getByRole("button", { name: "Byt namn" });
  await renameButton.click();
  await page.keyboard.press("Escape");
  await expect(page.getByLabel(`Nytt namn på ${renamed}`)).toHaveCount(0);
  await expect(renameButton).toBeFocused();
});

test.describe("as the demo employee", () => {
  test.use({ storageState: EMPLOYEE_STATE });

  test("reads the org chart, searches it and sees a manager chain, but not the team admin", async ({ page }) => {
    await page.goto("/o/exempel-ab/org-chart");
    await expect(page.getByRole("heading", { name: "Organisationsschema" })).toBeVisible();
    const platform = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^Plattform/ }) }).last();
    await expect(platform).toContainText("Ledare: Magnus Ek");

    await page.getByLabel("Sök person").fill("sjöberg");
    await expect(page.getByText("1 person matchar")).toBeVisible();
    const elin = page.getByTestId("org-chart-person").filter({ hasText: "Elin Sjöberg" });
    await elin.getByRole("button", { name: "Visa chefskedja" }).click();
    const chain = page.getByRole("list", { name: "Chefskedja för Elin Sjöberg" });
    await expect(chain.getByRole("listitem")).toHaveCount(3);
    await expect(chain.getByRole("listitem").first()).toContainText("Magnus Ek");
    await expect(chain.getByRole("listitem").last()).toContainText("Astrid Lindqvist");
    await screenshot(page, "org-chart-search-sv-desktop");

    await page.getByLabel("Sök person").fill("ingen-heter-så");
    await expect(page.getByText("Ingen person matchar ”ingen-heter-så”")).toBeVisible();

    await page.getByLabel("Sök person").fill("");
    await page.getByRole("link", { name: "Magnus Ek" }).first().click();
    await expect(page).toHaveURL(/\/o\/exempel-ab\/people\/[0-9a-f-]+$/);
    await expect(page.getByRole("heading", { name: "Magnus Ek" })).toBeVisible();

    const response = await page.goto("/o/exempel-ab/admin/teams");
    expect(response?.status()).toBe(404);
  });
});
