import { expect, test, type Page } from "@playwright/test";
import { chooseLanguage, DEMO_PASSWORD, EMPLOYEE_STATE, screenshot as keep, signIn } from "./support";

const ORG = "/o/exempel-ab";
// unique per run, so the test does not depend on what the demo seed holds
const RUN = Date.now().toString(36).slice(-5);
const ORG_GOAL = `Fler nöjda kunder efter köpet ${RUN}`;
const GOAL_TITLE = `Snabbare kontakt med nya kunder ${RUN}`;

const EDIT_URL = new RegExp(`${ORG}/goals/[0-9a-f-]{36}/edit#`);

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A screenshot once the coach has caught up with the typing. */
async function screenshot(page: Page, name: string) {
  await expect(page.getByTestId("coach-panel")).toHaveAttribute("data-stale", "false");
  await keep(page, name);
}

const stepHeading = (page: Page, name: string) => page.getByRole("heading", { level: 2, name, exact: true });
const coachHere = (page: Page) => page.getByTestId("coach-here");
const notice = (page: Page) => page.getByTestId("editor-notice");

async function next(page: Page, heading: string) {
  await page.getByRole("button", { name: /^Nästa/ }).click();
  await expect(stepHeading(page, heading)).toBeVisible();
  await expect(stepHeading(page, heading)).toBeFocused();
}

async function scale(page: Page, question: RegExp, value: number) {
  await page.getByRole("group", { name: question }).getByRole("radio", { name: `${value} av 10` }).check();
}

test.beforeAll("a manager writes the organisation goal the employee will link to", async ({ browser }, testInfo) => {
  // signed out, whatever the tests below use
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: "sv-SE", storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, "chef@exempel.se", DEMO_PASSWORD);
  // Magnus belongs to two organisations; the sign-in lands in one of them
  await expect(page).toHaveURL(/\/o\/[a-z-]+$/);
  await page.goto(`${ORG}/goals/new?level=ORGANIZATION`);
  await expect(page.getByRole("radio", { name: /^Organisationsmål/ })).toBeChecked();
  await page.getByLabel("Kort namn på målet").fill(ORG_GOAL);
  await page.getByRole("button", { name: "Spara utkast" }).click();
  await expect(notice(page)).toHaveText("Utkastet är sparat. Fortsätt nu eller kom tillbaka senare.");
  await expect(page).toHaveURL(EDIT_URL);
  const orgGoalId = /goals\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];

  // "add a team goal under this organisation goal": the address fills in level and link
  await page.goto(`${ORG}/goals/new?parentGoalId=${orgGoalId}`);
  await expect(page.getByRole("radio", { name: /^Teammål/ })).toBeChecked();
  await expect(page.getByLabel("Vilket team äger målet?")).toHaveValue(/.+/);
  await expect(page.getByRole("radio", { name: ORG_GOAL })).toBeChecked();
  await expect(page.getByLabel(`Hur bidrar målet till ”${ORG_GOAL}”?`)).toBeVisible();
  await screenshot(page, "goal-editor-0-team-under-org-sv-desktop");
  await context.close();
});

test.describe("the guided SMARTA editor", () => {
  test.use({ storageState: EMPLOYEE_STATE });

  test("an employee writes a performance goal step by step, saves midway and proposes it", async ({ page }) => {
    await page.goto(`${ORG}/goals/new`);
    await expect(page.getByRole("heading", { level: 1, name: "Nytt mål" })).toBeVisible();
    await expect(page.getByTestId("save-state")).toHaveText("Inte sparat än");
    const stepper = page.getByRole("navigation", { name: "Stegen i målet" });
    await expect(stepper.getByRole("button", { name: "Målet" })).toHaveAttribute("aria-current", "step");

    // step 0: an employee may only write her own individual goals
    await expect(page.getByTestId("goal-fixed")).toContainText("Individuellt mål");
    await expect(page.getByTestId("goal-fixed")).toContainText("Elin Sjöberg (du)");
    await expect(page.getByRole("radio", { name: /^Prestationsmål/ })).toBeChecked();
    await expect(page.getByText("Utgår från din nuvarande roll och ditt ansvar")).toBeVisible();
    await page.getByLabel("Kort namn på målet").fill(GOAL_TITLE);
    const search = page.getByRole("searchbox", { name: "Sök bland målen" });
    if (await search.isVisible()) await search.fill(RUN);
    await page.getByRole("radio", { name: ORG_GOAL }).check();
    await page.getByLabel(`Hur bidrar målet till ”${ORG_GOAL}”?`).fill("Snabb kontakt efter köpet gör fler kunder nöjda.");
    // the coach already knows the goal is aligned: no alignment finding on this step
    await expect(coachHere(page).locator('[data-code="notAligned"]')).toHaveCount(0);
    await screenshot(page, "goal-editor-0-goal-sv-desktop");

    // S: the coach flags a statement that opens with a direction, and clears once it opens with the action
    await next(page, "S – Specifikt");
    await page.getByLabel("Vad ska göras?").fill("Ringa varje ny kund inom en vecka efter köpet och fråga hur starten gått.");
    await page.getByLabel("Vilken effekt förväntar ni er av det som görs?").fill("Kunderna kommer igång snabbare och hör av sig mindre till supporten.");
    const statement = page.getByRole("textbox", { name: "Målformulering", exact: true });
    await statement.fill("Öka kundnöjdheten till 85 % innan 18 december 2026.");
    await expect(coachHere(page).locator('[data-code="startsWithDirection"]')).toBeVisible();
    await expect(page.getByTestId("coach-letter-S")).toHaveAttribute("data-state", "weak");
    await screenshot(page, "goal-editor-s-coach-hint-sv-desktop");

    await page.getByLabel("Handling eller beteende").fill("Ringa varje ny kund inom en vecka efter köpet");
    await page.getByLabel("Mätbart resultat").fill("en kundnöjdhet på minst 85 %");
    await page.getByLabel("Tidsram").fill("18 december 2026");
    // the statement was written by hand, so the builder asks before replacing it
    await expect(statement).toHaveValue("Öka kundnöjdheten till 85 % innan 18 december 2026.");
    await page.getByRole("button", { name: "Bygg meningen från delarna igen" }).click();
    await expect(statement).toHaveValue(
      "Ringa varje ny kund inom en vecka efter köpet för att uppnå en kundnöjdhet på minst 85 % innan 18 december 2026.",
    );
    await expect(coachHere(page).locator('[data-code="startsWithDirection"]')).toHaveCount(0);
    await expect(page.getByTestId("coach-letter-S")).toHaveAttribute("data-state", "good");
    await screenshot(page, "goal-editor-1-s-sv-desktop");

    // save midway: the draft is created and the address becomes the edit page, on the same step
    await expect(page.getByTestId("save-state")).toHaveText("Osparade ändringar");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await expect(notice(page)).toHaveText("Utkastet är sparat. Fortsätt nu eller kom tillbaka senare.");
    await expect(page).toHaveURL(new RegExp(`${ORG}/goals/[0-9a-f-]{36}/edit#s$`));
    await expect(page.getByTestId("save-state")).toHaveText("Allt är sparat");
    await page.reload();
    await expect(stepHeading(page, "S – Specifikt")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Redigera mål" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Målformulering", exact: true })).toHaveValue(
      "Ringa varje ny kund inom en vecka efter köpet för att uppnå en kundnöjdhet på minst 85 % innan 18 december 2026.",
    );
    // the builder finds its parts again in the saved statement
    await expect(page.getByLabel("Mätbart resultat")).toHaveValue("en kundnöjdhet på minst 85 %");
    await expect(page.getByTestId("goal-status")).toHaveAttribute("data-status", "DRAFT");

    // M
    await next(page, "M – Mätbart");
    await page.getByRole("radio", { name: /^Procent/ }).check();
    await page.getByLabel("Nuläge (%)").fill("78");
    await page.getByLabel("Minsta godtagbara resultat (%)").fill("82");
    await page.getByLabel("Målnivå (%)").fill("85");
    await page.getByLabel("Överträffat (%)").fill("80");
    await expect(coachHere(page).locator('[data-code="stretchShortOfTarget"]')).toBeVisible();
    await page.getByLabel("Överträffat (%)").fill("90");
    await expect(coachHere(page).locator('[data-code="stretchShortOfTarget"]')).toHaveCount(0);
    await page.getByLabel("Varifrån kommer underlaget?").selectOption("SURVEY");
    await page.getByLabel("Beskriv källan").fill("Enkäten som går ut två veckor efter köpet.");
    await page.getByLabel("Hur följer ni målet mellan avstämningarna?").fill("Jag för en lista över samtalen och tittar på enkätsvaren varje fredag.");
    await screenshot(page, "goal-editor-2-m-sv-desktop");

    // A
    await next(page, "A – Accepterat");
    await scale(page, /Hur motiverande är målet för dig/, 8);
    await page.getByLabel("Varför motiverar målet dig?").fill("Jag gillar att prata med kunderna och ser direkt vad samtalen ger.");
    // arrow keys move along the scale, as in any group of radio buttons
    await page.getByRole("group", { name: /Hur viktigt är det för organisationen/ }).getByRole("radio", { name: "6 av 10" }).check();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("group", { name: /Hur viktigt är det för organisationen/ }).getByRole("radio", { name: "7 av 10" })).toBeChecked();
    await page.getByLabel("Vad innebär det om vi inte når målet?").fill("Fler kunder hör av sig med frågor som vi kunde ha svarat på tidigt.");
    await page.getByLabel("Vad innebär det om vi lyckas?").fill("Nöjdare kunder och färre ärenden till supporten.");
    await screenshot(page, "goal-editor-3-a-sv-desktop");

    // R: the levels from M are shown, not asked again
    await next(page, "R – Realistiskt");
    await scale(page, /Hur troligt är det att ni når målet/, 7);
    await page.getByLabel("Motivera siffran du satte").fill("Samtalen är enkla att hinna med, men enkätsvaren beror också på leveransen.");
    await expect(page.getByText("Ni bestämde nivåerna under M: minst 82 %, överträffat 90 %.")).toBeVisible();
    await page.getByLabel("Vilka risker finns, och vad kan påverka utfallet?").fill("Långa leveranstider kan dra ned nöjdheten oavsett samtalen.");
    await page.getByLabel("Vilken kompetens, vilka resurser och vilket stöd behövs?").fill("En lista över nya kunder varje måndag från säljstöd.");
    await page.getByLabel("Vad kan ni justera om olyckan är framme?").fill("Skicka ett mejl i stället för att ringa de veckor det är många nya kunder.");
    await page.getByLabel("Finns det något som kan göra målet lättare att nå?").fill("En färdig samtalsmall.");
    await page.getByLabel("Vad behöver prioriteras ned för att målet ska få plats?").fill("Den interna veckorapporten blir varannan vecka.");
    await page.getByLabel("Vem kan hjälpa dig att nå målet?").fill("Magnus och säljstöd.");
    await screenshot(page, "goal-editor-4-r-sv-desktop");

    // T: dates inside the period, the cadence, and an action plan reordered by keyboard
    await next(page, "T – Tidsbundet");
    await expect(page.getByTestId("period-dates")).toContainText("Perioden 2026 pågår");
    await page.getByLabel("När ska målet vara uppfyllt?").fill("2026-12-18");
    await page.getByLabel("Hur ofta stämmer ni av målet?").selectOption("BIWEEKLY");
    await page.getByRole("button", { name: "Lägg till steg" }).click();
    await expect(page.getByLabel("Steg 1", { exact: true })).toBeFocused();
    await page.keyboard.type("Ring de första tio kunderna");
    await page.getByTestId("plan-step").nth(0).getByLabel("Klart senast").fill("2026-12-04");
    await page.getByRole("button", { name: "Lägg till steg" }).click();
    await expect(page.getByLabel("Steg 2", { exact: true })).toBeFocused();
    await page.keyboard.type("Sammanställ enkätsvaren");
    await page.getByTestId("plan-step").nth(1).getByLabel("Klart senast").fill("2026-12-16");
    await page.getByRole("button", { name: "Flytta steg 2 uppåt" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Steg 1", { exact: true })).toHaveValue("Sammanställ enkätsvaren");
    await expect(page.getByRole("button", { name: "Flytta steg 1 nedåt" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Steg 1", { exact: true })).toHaveValue("Ring de första tio kunderna");
    await screenshot(page, "goal-editor-5-t-sv-desktop");

    // the summary: statement, SMARTA at a glance, nothing blocks but the signatures
    await next(page, "Sammanfattning");
    await expect(page.getByTestId("summary-statement")).toHaveText(
      "Ringa varje ny kund inom en vecka efter köpet för att uppnå en kundnöjdhet på minst 85 % innan 18 december 2026.",
    );
    await expect(page.getByTestId("no-blockers")).toBeVisible();
    await expect(page.getByTestId("blocker-signatures")).toContainText("Ägaren och ägarens chef skriver båda under");
    await expect(page.getByText("Osparade ändringar sparas först när du föreslår målet.")).toBeVisible();
    await screenshot(page, "goal-editor-6-summary-sv-desktop");

    // phone: the coach sits below the form, nothing scrolls sideways
    await page.setViewportSize({ width: 390, height: 844 });
    await noHorizontalScroll(page);
    await screenshot(page, "goal-editor-6-summary-sv-phone");
    await page.getByRole("navigation", { name: "Stegen i målet" }).getByRole("button", { name: "Specifikt" }).click();
    await expect(stepHeading(page, "S – Specifikt")).toBeVisible();
    await noHorizontalScroll(page);
    await screenshot(page, "goal-editor-1-s-sv-phone");
    await page.setViewportSize({ width: 1280, height: 900 });

    // save, then look at the S step and the summary in English on desktop and phone
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(notice(page)).toHaveText("Ändringarna är sparade.");
    await chooseLanguage(page, "English");
    await page.keyboard.press("Escape");
    await expect(stepHeading(page, "S – Specific")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Goal statement", exact: true })).toHaveValue(/^Ringa varje ny kund/);
    await screenshot(page, "goal-editor-1-s-en-desktop");
    await page.getByRole("navigation", { name: "Steps of the goal" }).getByRole("button", { name: "Summary" }).click();
    await expect(stepHeading(page, "Summary")).toBeVisible();
    await expect(page.getByTestId("blocker-signatures")).toContainText("The owner and the owner's manager both sign");
    await screenshot(page, "goal-editor-6-summary-en-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await noHorizontalScroll(page);
    await screenshot(page, "goal-editor-6-summary-en-phone");
    await page.getByRole("navigation", { name: "Steps of the goal" }).getByRole("button", { name: "Specific" }).click();
    await expect(stepHeading(page, "S – Specific")).toBeVisible();
    await screenshot(page, "goal-editor-1-s-en-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
    await chooseLanguage(page, "Svenska");
    await page.keyboard.press("Escape");

    // propose: the goal page shows it proposed, waiting for both signatures
    await page.getByRole("navigation", { name: "Stegen i målet" }).getByRole("button", { name: "Sammanfattning" }).click();
    await page.getByRole("button", { name: "Föreslå målet" }).click();
    await expect(page).toHaveURL(new RegExp(`${ORG}/goals/[0-9a-f-]{36}$`));
    await expect(page.getByTestId("goal-status").first()).toHaveAttribute("data-status", "PROPOSED");
  });

  test("errors stay beside their fields, and a stale save offers the latest version without losing typing", async ({ page, context }) => {
    await page.goto(`${ORG}/goals/new`);
    await page.getByLabel("Kort namn på målet").fill(`Dela kunskap i teamet ${RUN}`);
    await page.getByRole("radio", { name: /^Utvecklingsmål/ }).check();
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await expect(page).toHaveURL(EDIT_URL);
    const editUrl = page.url().replace(/#.*$/, "");

    // a field the browser can check: the error sits beside it and the stepper marks the step
    await page.getByLabel("Kort namn på målet").fill("");
    await page.getByRole("navigation", { name: "Stegen i målet" }).getByRole("button", { name: "Mätbart" }).click();
    await page.getByRole("radio", { name: /^Tal/ }).check();
    await page.getByLabel("Nuläge").fill("tolv");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(notice(page)).toHaveText("Rätta de markerade fälten, sedan sparar du igen. Det du har skrivit finns kvar.");
    await expect(page.getByText("Skriv ett tal, till exempel 12 eller 12,5.")).toBeVisible();
    await expect(page.getByLabel("Nuläge")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("step-goal")).toHaveAttribute("data-errors", "true");
    await expect(page.getByTestId("step-m")).toHaveAttribute("data-errors", "true");
    await expect(page.getByTestId("step-goal")).toHaveAccessibleName(/har fel att rätta/);
    await screenshot(page, "goal-editor-field-errors-sv-desktop");
    await page.getByLabel("Nuläge").fill("12");
    await page.getByTestId("step-goal").click();
    await expect(page.getByText("Ge målet en rubrik.")).toBeVisible();
    await page.getByLabel("Kort namn på målet").fill(`Dela kunskap i teamet ${RUN}`);
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(notice(page)).toHaveText("Ändringarna är sparade.");

    // someone saves the same goal in another tab meanwhile
    const other = await context.newPage();
    await other.goto(`${editUrl}#a`);
    await expect(stepHeading(other, "A – Accepterat")).toBeVisible();
    await other.getByLabel("Vad innebär det om vi lyckas?").fill("Teamet klarar sig när någon är borta.");
    await other.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(notice(other)).toHaveText("Ändringarna är sparade.");
    await other.close();

    // the first tab's save is refused with who changed it; loading the latest keeps what was typed here
    await page.getByRole("navigation", { name: "Stegen i målet" }).getByRole("button", { name: "Specifikt" }).click();
    await page.getByLabel("Vad ska du lära dig?").fill("Att leda en workshop.");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    const conflict = page.getByTestId("conflict");
    await expect(conflict).toContainText("Någon annan har sparat målet medan du skrev");
    await expect(conflict).toContainText("Elin Sjöberg sparade en ändring den");
    await expect(page.getByLabel("Vad ska du lära dig?")).toHaveValue("Att leda en workshop.");
    await screenshot(page, "goal-editor-conflict-sv-desktop");
    await conflict.getByRole("button", { name: "Hämta den senaste versionen" }).click();
    await expect(notice(page)).toContainText("Den senaste versionen är hämtad.");
    await expect(page.getByLabel("Vad ska du lära dig?")).toHaveValue("Att leda en workshop.");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await expect(notice(page)).toHaveText("Ändringarna är sparade.");
    await page.getByRole("navigation", { name: "Stegen i målet" }).getByRole("button", { name: "Accepterat" }).click();
    await expect(page.getByLabel("Vad innebär det om vi lyckas?")).toHaveValue("Teamet klarar sig när någon är borta.");
  });
});
