import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, screenshot, signIn } from "./support";

const ORG = "exempel-ab";
const NEW_PASSWORD = "Blå cykel vid sjön 42";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@exempel.test`;

/** English for this browser only: a cookie, so the demo admin's saved language stays Swedish for other specs. */
async function useEnglish(page: Page, baseURL: string) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL }]);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

async function invite(page: Page, fields: { email: string; name?: string; role?: string; team?: string }) {
  const form = page.locator("form", { has: page.getByRole("button", { name: /Skapa inbjudan|Create invitation/ }) });
  await form.getByLabel(/^(E-post|E-mail)$/).fill(fields.email);
  if (fields.name) await form.getByLabel(/Namn|Name/).fill(fields.name);
  if (fields.role) await form.getByLabel(/^(Roll|Role)$/).selectOption(fields.role);
  if (fields.team) {
    const team = form.getByLabel(/^Team$/);
    const value = await team.locator("option", { hasText: fields.team }).first().getAttribute("value");
    await team.selectOption(value);
  }
  await form.getByRole("button", { name: /Skapa inbjudan|Create invitation/ }).click();
  const panel = page.getByTestId("issued-invitation");
  await expect(panel).toBeVisible();
  return panel;
}

async function freshBrowser(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, locale: "sv-SE" });
  return { context, page: await context.newPage() };
}

test("an admin invites a new person who sets a password and lands signed in on the organisation's home", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("nova");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  await signIn(page, "admin@exempel.se", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/o\/exempel-ab$/);
  await page.goto(`/o/${ORG}/admin/invitations`);
  await expect(page.getByRole("heading", { name: "Inbjudningar", exact: true })).toBeVisible();

  const panel = await invite(page, { email, name: "Nova Nilsson", role: "EMPLOYEE", team: "Plattform" });
  await expect(panel.getByRole("heading", { name: "Inbjudan är skapad" })).toBeVisible();
  await expect(panel.getByText(/Inget mejl skickades/)).toBeVisible();
  const linkField = panel.getByLabel(`Länk till ${email}`);
  const link = await linkField.inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
  await panel.getByRole("button", { name: "Kopiera länken" }).click();
  await expect(panel.getByText("Länken är kopierad.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const row = page.getByTestId("invitation-row").filter({ hasText: email });
  await expect(row.getByText("Väntar", { exact: true })).toBeVisible();
  await expect(row).toContainText("Plattform");
  await screenshot(page, "invitations-admin-sv-desktop");
  await page.setViewportSize(PHONE);
  await screenshot(page, "invitations-admin-sv-phone");

  // the person opens the link in a browser of their own
  const invitee = await freshBrowser(browser, baseURL!);
  const guest = invitee.page;
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "Gå med i Exempel AB" })).toBeVisible();
  await expect(guest.getByText("Astrid Lindqvist har bjudit in dig till Exempel AB i Smarta.")).toBeVisible();
  await expect(guest.getByTestId("invitation-email")).toHaveText(email);
  await screenshot(guest, "invitation-accept-sv-desktop");
  await guest.setViewportSize(PHONE);
  await screenshot(guest, "invitation-accept-sv-phone");
  await guest.getByRole("button", { name: "English" }).click();
  await expect(guest.getByRole("heading", { name: "Join Exempel AB" })).toBeVisible();
  await screenshot(guest, "invitation-accept-en-phone");
  await guest.setViewportSize(DESKTOP);
  await screenshot(guest, "invitation-accept-en-desktop");
  await guest.getByRole("button", { name: "Svenska" }).click();
  await expect(guest.getByRole("heading", { name: "Gå med i Exempel AB" })).toBeVisible();

  // a too short password is explained beside the field before anything is created
  await guest.getByLabel("Ditt namn").fill("Nova Nilsson");
  await guest.getByLabel("Välj lösenord").fill("kort");
  await guest.getByRole("button", { name: "Skapa konto och gå med" }).click();
  await expect(guest.getByText("Använd minst 12 tecken.")).toBeVisible();
  await guest.getByLabel("Välj lösenord").fill(NEW_PASSWORD);
  await guest.getByRole("button", { name: "Skapa konto och gå med" }).click();

  await expect(guest).toHaveURL(/\/o\/exempel-ab$/);
  await expect(guest.getByRole("heading", { name: "Välkommen, Nova Nilsson" })).toBeVisible();
  await expect(guest.getByTestId("home-team")).toHaveText("Plattform");
  await expect(guest.getByTestId("home-role")).toContainText("Medarbetare");

  // the link worked once
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "Inbjudan är redan använd" })).toBeVisible();
  await screenshot(guest, "invitation-used-sv");
  await invitee.context.close();

  await page.setViewportSize(DESKTOP);
  await page.reload();
  await expect(page.getByTestId("invitation-row").filter({ hasText: email }).getByText("Accepterad", { exact: true })).toBeVisible();

  // the admin page in English, with a freshly issued link
  await useEnglish(page, baseURL!);
  await expect(page.getByRole("heading", { name: "Invitations", exact: true })).toBeVisible();
  const englishPanel = await invite(page, { email: uniqueEmail("oliver"), role: "MANAGER" });
  await expect(englishPanel.getByRole("heading", { name: "Invitation created" })).toBeVisible();
  await screenshot(page, "invitations-admin-en-desktop");
  await page.setViewportSize(PHONE);
  await screenshot(page, "invitations-admin-en-phone");
});

test("an admin revokes an invitation and renews it with a new link", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("tilda");
  await signIn(page, "admin@exempel.se", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/o\/exempel-ab$/);
  await page.goto(`/o/${ORG}/admin/invitations`);
  const firstLink = await (await invite(page, { email })).getByLabel(`Länk till ${email}`).inputValue();

  const row = page.getByTestId("invitation-row").filter({ hasText: email });
  await row.getByRole("button", { name: `Återkalla inbjudan till ${email}` }).click();
  await expect(row.getByText(`Återkalla inbjudan till ${email}? Länken slutar fungera direkt.`)).toBeVisible();
  await screenshot(page, "invitations-revoke-confirm-sv");
  await row.getByRole("button", { name: "Ja, återkalla" }).click();
  await expect(row.getByText("Återkallad", { exact: true })).toBeVisible();

  const invitee = await freshBrowser(browser, baseURL!);
  await invitee.page.goto(firstLink);
  await expect(invitee.page.getByRole("heading", { name: "Inbjudan gäller inte längre" })).toBeVisible();
  await screenshot(invitee.page, "invitation-revoked-sv");

  await row.getByRole("button", { name: `Skapa ny länk till ${email}` }).click();
  const panel = page.getByTestId("issued-invitation");
  await expect(panel.getByRole("heading", { name: "En ny länk är skapad" })).toBeVisible();
  const secondLink = await panel.getByLabel(`Länk till ${email}`).inputValue();
  expect(secondLink).not.toBe(firstLink);
  await expect(row.getByText("Väntar", { exact: true })).toBeVisible();

  await invitee.page.goto(secondLink);
  await expect(invitee.page.getByRole("heading", { name: "Gå med i Exempel AB" })).toBeVisible();
  await invitee.page.goto("/invite/this-is-not-a-real-invitation-token");
  await expect(invitee.page.getByRole("heading", { name: "Länken fungerar inte" })).toBeVisible();
  await invitee.context.close();
});

test("HR invites, but cannot make anyone an administrator", async ({ page }) => {
  await signIn(page, "hr@exempel.se", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/o\/exempel-ab$/);
  await page.goto(`/o/${ORG}/admin/invitations`);
  const role = page.getByLabel(/^Roll$/);
  await expect(role.locator("option")).toHaveText(["Medarbetare", "Chef", "HR"]);
  await expect(page.getByText("Bara administratörer kan bjuda in nya administratörer.")).toBeVisible();
});
