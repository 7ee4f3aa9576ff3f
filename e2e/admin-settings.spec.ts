import { expect, test, type Page } from "@playwright/test";
import { chooseLanguage, DEMO_PASSWORD, EMPLOYEE_STATE, screenshot, signIn } from "./support";

const ORG = "/o/exempel-ab";

async function signInAsAdmin(page: Page) {
  await signIn(page, "admin@exempel.se", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/o\/exempel-ab$/);
}

function periodRow(page: Page, name: string) {
  return page.getByTestId("period-row").filter({ has: page.getByText(name, { exact: true }) });
}

/** Puts the demo organisation back as other specs expect it: 2026 current, a cap of 5. */
async function restoreDemo(page: Page) {
  await page.goto(`${ORG}/admin/periods`);
  // the list arrives after the page: wait for it before asking what it shows
  await expect(periodRow(page, "2026")).toBeVisible();
  const restore = page.getByRole("button", { name: "Gör aktuell: 2026" });
  if ((await restore.count()) > 0) {
    await restore.click();
    await expect(periodRow(page, "2026").getByText("Aktuell", { exact: true })).toBeVisible();
  }
  await page.goto(`${ORG}/admin/settings`);
  const cap = page.getByLabel("Högsta antal aktiva mål per person");
  if ((await cap.inputValue()) !== "5") {
    await cap.fill("5");
    await page.getByRole("button", { name: "Spara inställningar" }).click();
    await expect(page.getByText("Inställningarna är sparade.")).toBeVisible();
  }
}

test("an admin creates a period, makes it current, caps active goals and finds both in the audit log", async ({ page }) => {
  await signInAsAdmin(page);
  try {
    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByRole("navigation", { name: "Administrationens delar" }).getByRole("link", { name: "Målperioder" }).click();
    await expect(page).toHaveURL(/\/admin\/periods$/);
    await expect(periodRow(page, "2026").getByText("Aktuell", { exact: true })).toBeVisible();

    const form = page.getByRole("form", { name: "Ny period" });
    // a name the organisation already uses is refused beside the name
    await form.getByLabel("Namn").fill("2027");
    await form.getByLabel("Startdatum").fill("2027-01-01");
    await form.getByLabel("Slutdatum").fill("2027-12-31");
    await form.getByRole("button", { name: "Skapa period" }).click();
    await expect(form.getByLabel("Namn")).toHaveAccessibleDescription(/Det finns redan en period med det namnet/);

    // the end before the start is caught beside the end date
    await form.getByLabel("Namn").fill("2028");
    await form.getByLabel("Startdatum").fill("2028-12-31");
    await form.getByLabel("Slutdatum").fill("2028-01-01");
    await form.getByRole("button", { name: "Skapa period" }).click();
    await expect(form.getByLabel("Slutdatum")).toHaveAccessibleDescription("Slutdatumet kan inte ligga före startdatumet.");

    await form.getByLabel("Startdatum").fill("2028-01-01");
    await form.getByLabel("Slutdatum").fill("2028-12-31");
    await form.getByRole("button", { name: "Skapa period" }).click();
    await expect(page.getByText("Perioden 2028 är skapad.")).toBeVisible();
    await expect(periodRow(page, "2028")).toContainText("1 jan. 2028 – 31 dec. 2028");
    await expect(form.getByLabel("Namn")).toHaveValue("");

    await page.getByRole("button", { name: "Gör aktuell: 2028" }).click();
    await expect(page.getByText("2028 är nu aktuell period.")).toBeVisible();
    await expect(periodRow(page, "2028").getByText("Aktuell", { exact: true })).toBeVisible();
    // exactly one current period
    await expect(page.getByTestId("period-row").getByText("Aktuell", { exact: true })).toHaveCount(1);
    await screenshot(page, "periods-created-sv-desktop");

    // edited in place: a clash with another name is refused beside the field, cancel leaves it as it was
    await page.getByRole("button", { name: "Ändra: 2028" }).click();
    const edit = page.getByRole("form", { name: "Ändra 2028" });
    await expect(edit.getByLabel("Namn")).toBeFocused();
    await edit.getByLabel("Namn").fill("2027 H1");
    await edit.getByRole("button", { name: "Spara" }).click();
    await expect(edit.getByLabel("Namn")).toHaveAccessibleDescription(/Det finns redan en period med det namnet/);
    await screenshot(page, "periods-edit-sv-desktop");
    await edit.getByRole("button", { name: "Avbryt" }).click();
    await expect(periodRow(page, "2028")).toContainText("1 jan. 2028 – 31 dec. 2028");

    // settings: an invalid cap first, then a valid one
    await page.getByRole("navigation", { name: "Administrationens delar" }).getByRole("link", { name: "Inställningar" }).click();
    const cap = page.getByLabel("Högsta antal aktiva mål per person");
    await expect(cap).toHaveValue("5");
    await cap.fill("0");
    await page.getByRole("button", { name: "Spara inställningar" }).click();
    await expect(cap).toHaveAccessibleDescription(/Ange ett heltal från 1 till 50\./);
    await expect(cap).toHaveAttribute("aria-invalid", "true");
    await screenshot(page, "settings-error-sv-desktop");
    await cap.fill("4");
    await page.getByRole("button", { name: "Spara inställningar" }).click();
    await expect(page.getByText("Inställningarna är sparade.")).toBeVisible();
    await expect(cap).toHaveAttribute("aria-invalid", "false");
    await page.reload();
    await expect(page.getByLabel("Högsta antal aktiva mål per person")).toHaveValue("4");

    // the audit log shows both changes, with old → new
    await page.getByRole("navigation", { name: "Administrationens delar" }).getByRole("link", { name: "Granskningslogg" }).click();
    const rows = page.getByTestId("audit-row");
    const settingsRow = rows.filter({ hasText: "Ändrade inställningarna" }).first();
    await expect(settingsRow).toContainText("Astrid Lindqvist");
    await expect(settingsRow).toContainText("Högsta antal aktiva mål: 5 → 4");
    const created = rows.filter({ hasText: "Skapade en period" }).filter({ hasText: "2028" }).first();
    await expect(created).toContainText("Startdatum: – → 1 jan. 2028");
    await expect(rows.filter({ hasText: "Bytte aktuell period" }).first()).toContainText("Aktuell period: 2026 → 2028");

    // narrowed to periods, then to the one period
    await page.getByLabel("Vad").selectOption({ label: "Allt om perioder" });
    await expect(rows.filter({ hasText: "Ändrade inställningarna" })).toHaveCount(0);
    await expect(rows.filter({ hasText: "Skapade en period" })).not.toHaveCount(0);
    await created.getByRole("button", { name: "Visa bara ändringar av 2028" }).click();
    await expect(page.getByText("Visar bara ändringar av 2028")).toBeVisible();
    await expect(rows).toHaveCount(2);
    await page.getByRole("button", { name: "Rensa filter" }).first().click();
    await expect(rows.filter({ hasText: "Ändrade inställningarna" }).first()).toBeVisible();
  } finally {
    await restoreDemo(page);
  }
});

test("the periods, settings and audit pages in Swedish and English, on desktop and phone", async ({ page }) => {
  await signInAsAdmin(page);
  const pages = [
    { name: "periods", path: "periods", heading: { sv: "Målperioder", en: "Goal periods" } },
    { name: "settings", path: "settings", heading: { sv: "Inställningar", en: "Settings" } },
    { name: "audit", path: "audit", heading: { sv: "Granskningslogg", en: "Audit log" } },
  ] as const;
  try {
    for (const language of ["sv", "en"] as const) {
      if (language === "en") {
        await page.goto(`${ORG}/admin/periods`);
        await chooseLanguage(page, "English");
      }
      for (const { name, path, heading } of pages) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${ORG}/admin/${path}`);
        await expect(page.getByRole("heading", { name: heading[language], level: 2 })).toBeVisible();
        // wait for the data, not the skeleton
        await expect(page.getByRole("status", { name: /Laddar|Loading/ })).toHaveCount(0);
        await screenshot(page, `${name}-${language}-desktop`);
        await page.setViewportSize({ width: 390, height: 844 });
        await screenshot(page, `${name}-${language}-phone`);
      }
    }
    await expect(page.getByRole("heading", { name: "Audit log", level: 2 })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Who" })).toBeAttached();
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${ORG}/admin/periods`);
    await chooseLanguage(page, "Svenska");
  }
});

test("a new address keeps old links working for members, and only for them", async ({ page, browser }) => {
  const tag = Date.now().toString(36);
  const organizationName = `Adressbyte ${tag}`;
  const oldSlug = `adressbyte-${tag}`;
  const newSlug = `ny-adress-${tag}`;

  await page.goto("/sign-up");
  const signUp = page.locator("form");
  await signUp.getByLabel(/Ditt namn|Your name/).fill("Sofia Adress");
  await signUp.getByLabel(/E-post|E-mail/).fill(`sofia-${tag}@adressbyte.example`);
  await signUp.getByLabel(/Lösenord|Password/).fill("Tre gröna äpplen i korgen");
  await signUp.getByLabel(/Organisationens namn|Organisation name/).fill(organizationName);
  await signUp.getByRole("button", { name: /Skapa organisation|Create organisation/ }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${oldSlug}$`));

  await page.goto(`/o/${oldSlug}/admin/settings`);
  const slug = page.getByLabel("Adress", { exact: true });
  await expect(slug).toHaveValue(oldSlug);
  await slug.fill("Ny adress!");
  await page.getByRole("button", { name: "Spara inställningar" }).click();
  await expect(slug).toHaveAccessibleDescription(/Använd bara små bokstäver a–z, siffror och bindestreck/);
  // the demo organisation's address is taken
  await slug.fill("exempel-ab");
  await page.getByRole("button", { name: "Spara inställningar" }).click();
  await expect(slug).toHaveAccessibleDescription(/Adressen används redan av en annan organisation/);

  await slug.fill(newSlug);
  await expect(page.getByTestId("slug-preview")).toContainText(`/o/${newSlug}`);
  await page.getByRole("button", { name: "Spara inställningar" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${newSlug}/admin/settings\\?saved=1$`));
  await expect(page.getByText("Inställningarna är sparade.")).toBeVisible();
  await expect(page.getByLabel("Adress", { exact: true })).toHaveValue(newSlug);
  await screenshot(page, "settings-new-address-sv-desktop");

  // an old link leads a member to the same page under the new address
  await page.goto(`/o/${oldSlug}/admin/audit`);
  await expect(page).toHaveURL(new RegExp(`/o/${newSlug}/admin/audit$`));
  const row = page.getByTestId("audit-row").filter({ hasText: "Ändrade inställningarna" });
  await expect(row).toContainText(`Adress: ${oldSlug} → ${newSlug}`);

  // to anyone else the old address does not exist
  const outsider = await browser.newContext({ storageState: EMPLOYEE_STATE });
  const outsiderPage = await outsider.newPage();
  const response = await outsiderPage.goto(`/o/${oldSlug}`);
  expect(response?.status()).toBe(404);
  await expect(outsiderPage.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
  await outsider.close();
});
