import { expect, test } from "@playwright/test";
import { chooseLanguage, DEMO_PASSWORD, EMPLOYEE_STATE, screenshot, signIn } from "./support";

test.describe("signed out", () => {
  test("sign-up creates an organisation and lands in it", async ({ page }) => {
    await page.goto("/sign-up");
    await screenshot(page, "sign-up-sv-desktop");
    const form = page.locator("form");
    await form.getByLabel(/Ditt namn|Your name/).fill("Sara Nilsson");
    await form.getByLabel(/E-post|E-mail/).fill("sara@nilsson-konsult.example");
    await form.getByLabel(/Lösenord|Password/).fill("kort");
    await form.getByLabel(/Organisationens namn|Organisation name/).fill("Nilsson Konsult");
    await form.getByRole("button", { name: /Skapa organisation|Create organisation/ }).click();
    // the error stands beside the field, and nothing is created yet
    await expect(form.getByText("Använd minst 12 tecken.")).toBeVisible();
    await screenshot(page, "sign-up-errors-sv");

    await form.getByLabel(/Lösenord|Password/).fill("qwerty123456");
    await form.getByRole("button", { name: /Skapa organisation|Create organisation/ }).click();
    await expect(form.getByText(/ett av de vanligaste/)).toBeVisible();

    await form.getByLabel(/Lösenord|Password/).fill("Tre gröna äpplen i korgen");
    await form.getByRole("button", { name: /Skapa organisation|Create organisation/ }).click();
    await expect(page).toHaveURL(/\/o\/nilsson-konsult$/);
    await expect(page.getByRole("heading", { name: "Välkommen, Sara Nilsson" })).toBeVisible();
    await expect(page.getByTestId("home-role")).toContainText("Administratör");
  });

  test("a wrong password gets a clear message", async ({ page }) => {
    await signIn(page, "hr@exempel.se", "not the right password");
    await expect(page.getByText("E-postadressen och lösenordet hör inte ihop med något konto.")).toBeVisible();
    await screenshot(page, "sign-in-error-sv");
  });

  test("the sign-in page is readable on a phone in both languages", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/sign-in");
    await screenshot(page, "sign-in-sv-phone");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Sign in to Smarta" })).toBeVisible();
    await screenshot(page, "sign-in-en-phone");
  });
});

test.describe("signed in as the demo employee", () => {
  test.use({ storageState: EMPLOYEE_STATE });

  test("home shows name, role, team and manager", async ({ page }) => {
    await page.goto("/o/exempel-ab");
    await expect(page.getByRole("heading", { name: "Välkommen, Elin Sjöberg" })).toBeVisible();
    await expect(page.getByTestId("home-role")).toContainText("Medarbetare");
    await expect(page.getByTestId("home-team")).toHaveText("Plattform");
    await expect(page.getByTestId("home-manager")).toHaveText("Magnus Ek");
    await expect(page.getByText("2026", { exact: true })).toBeVisible();
    await screenshot(page, "home-sv-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "home-sv-phone");

    await page.getByTestId("home-manager").getByRole("link").click();
    await expect(page.getByRole("heading", { name: "Magnus Ek" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Elin Sjöberg" })).toBeVisible();
    await screenshot(page, "person-sv-phone");
  });

  test("another organisation's URL shows the not-found page", async ({ page }) => {
    const response = await page.goto("/o/demo-ltd");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
    await screenshot(page, "not-found-sv");
    await page.goto("/o/exempel-ab/people/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
  });

  test("switching language changes the page and is remembered", async ({ page }) => {
    await page.goto("/o/exempel-ab");
    await chooseLanguage(page, "English");
    await expect(page.getByRole("heading", { name: "Welcome, Elin Sjöberg" })).toBeVisible();
    await expect(page.getByTestId("home-role")).toContainText("Employee");
    await screenshot(page, "home-en-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "home-en-phone");
    await page.reload();
    await expect(page.getByRole("heading", { name: "Welcome, Elin Sjöberg" })).toBeVisible();
    await page.goto("/o/demo-ltd");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await screenshot(page, "not-found-en");
    await page.goto("/o/exempel-ab");
    await chooseLanguage(page, "Svenska");
    await expect(page.getByRole("heading", { name: "Välkommen, Elin Sjöberg" })).toBeVisible();
  });
});

test("a member of two organisations switches between them", async ({ page }) => {
  await signIn(page, "chef@exempel.se", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/o\/(exempel-ab|demo-ltd)$/);
  await page.goto("/o/exempel-ab");
  await expect(page.getByTestId("home-role")).toContainText("Chef");
  await page.getByLabel("Byt organisation").selectOption("demo-ltd");
  await expect(page).toHaveURL(/\/o\/demo-ltd$/);
  await expect(page.getByTestId("home-role")).toContainText(/Administratör|Administrator/);
  await screenshot(page, "home-demo-ltd");
  await page.getByRole("button", { name: /Kontomeny|Account menu/ }).click();
  await screenshot(page, "user-menu-open");
  await page.getByRole("button", { name: /Logga ut på alla enheter|Sign out on all devices/ }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText(/utloggad på alla enheter|signed out on every device/)).toBeVisible();
});
