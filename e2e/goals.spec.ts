import { expect, test, type Page } from "@playwright/test";
import { chooseLanguage, DEMO_PASSWORD, EMPLOYEE_STATE, screenshot, signIn } from "./support";

const ORG = "/o/exempel-ab";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function signInAs(page: Page, email: string) {
  await signIn(page, email, DEMO_PASSWORD);
  // a person in two organisations lands in one of them
  await expect(page).toHaveURL(/\/o\/[a-z-]+$/);
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const rows = (page: Page) => page.getByTestId("goal-row");
const priorityTitles = (page: Page) => page.getByRole("list", { name: "Mina mål i prioritetsordning" }).getByTestId("goal-link");
const treeNode = (page: Page, title: string) =>
  page.getByTestId("alignment-node").filter({ has: page.getByRole("link", { name: title, exact: true }) }).first();

test("a leader follows an organisation goal down to the goals linked under it and through the alignment tree", async ({ page }) => {
  await signInAs(page, "chef@exempel.se");
  await page.goto(`${ORG}/goals?scope=organization&level=ORGANIZATION`);
  await expect(page.getByRole("link", { name: "Organisationen" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByLabel("Nivå")).toHaveValue("ORGANIZATION");
  await expect(rows(page).first()).toBeVisible();
  await screenshot(page, "goals-list-organization-sv-desktop");

  // the first active organisation goal that has goals linked under it
  const titles = await rows(page)
    .filter({ has: page.getByTestId("goal-status").filter({ hasText: "Aktivt" }) })
    .getByTestId("goal-link")
    .allTextContents();
  let title = "";
  const linked = page.getByTestId("linked-goals").getByRole("link");
  for (const candidate of titles.map((text) => text.trim())) {
    await page.getByTestId("goal-link").filter({ hasText: candidate }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: candidate })).toBeVisible();
    await expect(page.getByRole("heading", { name: /(kopplat|kopplade) hit$/ })).toBeVisible();
    if ((await linked.count()) > 0) {
      title = candidate;
      break;
    }
    await page.goBack();
  }
  expect(title, "an active organisation goal with goals linked under it").not.toBe("");
  await expect(page.getByTestId("goal-statement")).not.toBeEmpty();
  for (const letter of ["S", "M", "A", "R", "T"]) await expect(page.getByTestId(`smarta-${letter}`)).toBeVisible();
  await expect(page.getByTestId("measure-levels")).toContainText("Målnivå");
  await expect(page.getByText("Det här är ett organisationsmål – högst upp i målträdet.")).toBeVisible();
  const childTitle = (await linked.first().textContent())!.trim();
  await expect(page.getByTestId("signatures")).toContainText("Skrev under");
  await expect(page.getByTestId("history-entry").first()).toBeVisible();
  await screenshot(page, "goal-page-organization-sv-desktop");

  // down to a linked goal: its path leads back up to the organisation goal
  await linked.first().click();
  await expect(page.getByRole("heading", { level: 1, name: childTitle })).toBeVisible();
  await expect(page.getByTestId("alignment-path").getByRole("link", { name: title })).toBeVisible();
  await screenshot(page, "goal-page-team-sv-desktop");

  // the alignment tree of the goal's period
  await page.getByRole("link", { name: "Visa i målträdet" }).click();
  await expect(page).toHaveURL(new RegExp(`${ORG}/alignment\\?period=`));
  await expect(page.getByRole("heading", { level: 1, name: "Målträd" })).toBeVisible();
  const top = treeNode(page, title);
  await expect(top).toBeVisible();
  await expect(top.getByTestId("node-count").first()).toHaveText(/kopplade? mål|direkt/);
  await screenshot(page, "alignment-sv-desktop");

  // collapse and expand one organisation goal with its disclosure button, by keyboard
  const toggle = page.getByRole("button", { name: `Dölj målen under ${title}` });
  await toggle.focus();
  await page.keyboard.press("Enter");
  const expand = page.getByRole("button", { name: `Visa målen under ${title}` });
  await expect(expand).toHaveAttribute("aria-expanded", "false");
  await expect(top.getByRole("link", { name: childTitle, exact: true })).toBeHidden();
  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(top.getByRole("link", { name: childTitle, exact: true })).toBeVisible();

  // collapse all, expand all
  await page.getByRole("button", { name: "Fäll ihop alla" }).click();
  await expect(top.getByRole("link", { name: childTitle, exact: true })).toBeHidden();
  await page.getByRole("button", { name: "Fäll ut alla" }).click();
  await expect(top.getByRole("link", { name: childTitle, exact: true })).toBeVisible();

  // search: the matches and the goals above them stay, the match is highlighted
  const word = childTitle.split(/\s+/).find((part) => part.length >= 5) ?? childTitle;
  await page.getByRole("searchbox", { name: "Sök mål" }).fill(word.toLowerCase());
  await expect(page.getByTestId("alignment-matches")).toHaveText(/\d+ mål matchar/);
  await expect(treeNode(page, childTitle).locator("mark").first()).toBeVisible();
  await expect(treeNode(page, title)).toBeVisible();
  await screenshot(page, "alignment-search-sv-desktop");
  await page.getByRole("searchbox", { name: "Sök mål" }).fill("zzzz-inget-mål");
  await expect(page.getByText("Inget mål matchar ”zzzz-inget-mål”")).toBeVisible();
  await page.getByRole("searchbox", { name: "Sök mål" }).fill("");

  await page.setViewportSize(PHONE);
  await noHorizontalScroll(page);
  await screenshot(page, "alignment-sv-phone");
});

test.describe("my priorities", () => {
  test.use({ storageState: EMPLOYEE_STATE });

  test("the employee reorders her goals with the keyboard, and the order is kept", async ({ page }) => {
    await page.goto(`${ORG}/goals`);
    await expect(page.getByRole("link", { name: "Mina mål" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { name: "Mina prioriteringar" })).toBeVisible();
    const before = (await priorityTitles(page).allTextContents()).map((text) => text.trim());
    expect(before.length).toBeGreaterThanOrEqual(2);
    await screenshot(page, "goals-list-mine-sv-desktop");

    // Space lifts, ArrowDown moves, Space drops; every step is announced
    const handle = page.getByRole("button", { name: `Flytta ${before[0]}, prioritet 1 av ${before.length}` });
    await handle.focus();
    await page.keyboard.press("Space");
    await expect(page.getByTestId("reorder-announcement")).toHaveText(`${before[0]} är upplyft på plats 1 av ${before.length}. Flytta med pilarna, släpp med mellanslag.`);
    await page.keyboard.press("ArrowDown");
    await expect(page.getByTestId("reorder-announcement")).toHaveText(`${before[0]} ligger nu på plats 2 av ${before.length}.`);
    await screenshot(page, "goals-list-reorder-lifted-sv");
    await page.keyboard.press("Space");
    await expect(page.getByTestId("reorder-announcement")).toHaveText("Den nya ordningen är sparad.");
    const moved = [before[1]!, before[0]!, ...before.slice(2)];
    await expect(priorityTitles(page)).toHaveText(moved);

    // Escape puts a lifted goal back where it was
    await page.getByRole("button", { name: new RegExp(`^Flytta ${escape(before[1]!)},`) }).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("reorder-announcement")).toHaveText(new RegExp(`^Flytten är ångrad`));
    await expect(priorityTitles(page)).toHaveText(moved);

    // kept on the server
    await page.reload();
    await expect(priorityTitles(page)).toHaveText(moved);

    // and back as it was, with the pointer this time
    const second = page.getByRole("button", { name: new RegExp(`^Flytta ${escape(before[0]!)},`) });
    const from = (await second.boundingBox())!;
    const to = (await rows(page).first().boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 8; step += 1) {
      await page.mouse.move(from.x + from.width / 2, from.y + ((to.y + 8 - from.y) * step) / 8);
    }
    await page.mouse.up();
    await expect(page.getByTestId("reorder-announcement")).toHaveText("Den nya ordningen är sparad.");
    await expect(priorityTitles(page)).toHaveText(before);

    // the list as cards on a phone, the filters in the address
    await page.setViewportSize(PHONE);
    await expect(rows(page).first()).toBeVisible();
    await noHorizontalScroll(page);
    await screenshot(page, "goals-list-mine-sv-phone");
    await page.setViewportSize(DESKTOP);
    await page.getByLabel("Status").selectOption("CANCELLED");
    await expect(page).toHaveURL(/status=CANCELLED/);
    await page.getByRole("link", { name: "Mitt team" }).click();
    await expect(page).toHaveURL(/scope=team/);
    await expect(page).toHaveURL(/status=CANCELLED/);
    await page.getByRole("button", { name: "Rensa filter" }).first().click();
    await expect(page).not.toHaveURL(/status=/);
  });
});

test("the manager signs a proposed goal and it becomes active", async ({ page }) => {
  await signInAs(page, "chef@exempel.se");
  await page.goto(`${ORG}/goals?scope=team&status=PROPOSED`);
  await expect(page.getByTestId("goal-count")).toHaveText(/\d+ mål/);
  const waiting = rows(page).filter({ hasText: "Väntar på chefens underskrift" });
  await expect(waiting.first()).toBeVisible();
  const title = (await waiting.first().getByTestId("goal-link").textContent())!.trim();
  await waiting.first().getByTestId("goal-link").click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("goal-status").first()).toHaveText("Föreslaget");
  await expect(page.getByTestId("coach-blockers")).toContainText("Inget hindrar aktivering");
  await expect(page.getByTestId("manager-signature")).toHaveText("Har inte skrivit under");
  await screenshot(page, "goal-page-proposed-sv-desktop");

  await page.getByRole("button", { name: "Skriv under" }).click();
  await expect(page.getByTestId("goal-notice")).toHaveText("Båda har skrivit under – målet är aktivt.");
  await expect(page.getByTestId("goal-status").first()).toHaveText("Aktivt");
  await expect(page.getByTestId("manager-signature")).toHaveText(/^Skrev under /);
  await expect(page.getByTestId("coach-blockers")).toHaveCount(0);
  await expect(page.getByTestId("history-entry").first()).toContainText("Målet blev aktivt");
  await expect(page.getByRole("button", { name: "Skriv under" })).toHaveCount(0);

  await page.setViewportSize(PHONE);
  await noHorizontalScroll(page);
  await screenshot(page, "goal-page-active-sv-phone");
  await page.setViewportSize(DESKTOP);

  // the tree shows it active too
  await page.getByRole("link", { name: "Visa i målträdet" }).click();
  await expect(treeNode(page, title).getByTestId("goal-status").first()).toHaveText("Aktivt");
});

test("an unknown goal shows the goal's not-found page", async ({ page }) => {
  await signInAs(page, "medarbetare@exempel.se");
  // (the page streams behind its loading skeleton, so the answer's status is sent before the goal is looked up)
  await page.goto(`${ORG}/goals/00000000-0000-4000-8000-000000000000`);
  await expect(page.getByRole("heading", { name: "Målet finns inte" })).toBeVisible();
  await page.goto(`${ORG}/goals/not-a-goal`);
  await expect(page.getByRole("heading", { name: "Målet finns inte" })).toBeVisible();
  await page.getByRole("link", { name: "Till målen" }).click();
  await expect(page).toHaveURL(new RegExp(`${ORG}/goals$`));
});

test("the goal pages in English, on desktop and phone", async ({ page }) => {
  await signInAs(page, "chef@exempel.se");
  await page.goto(`${ORG}/goals`);
  await chooseLanguage(page, "English");
  await page.keyboard.press("Escape");
  await page.goto(`${ORG}/goals?scope=organization`);
  await expect(page.getByRole("heading", { level: 1, name: "Goals" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Which goals" }).getByRole("link", { name: "Organisation" })).toHaveAttribute("aria-current", "page");
  await expect(rows(page).first()).toBeVisible();
  await screenshot(page, "goals-list-organization-en-desktop");
  await page.setViewportSize(PHONE);
  await noHorizontalScroll(page);
  await screenshot(page, "goals-list-organization-en-phone");
  await page.setViewportSize(DESKTOP);

  await rows(page).first().getByTestId("goal-link").click();
  await expect(page.getByRole("heading", { name: "SMARTA – the answers behind the goal" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(page.getByTestId("history-entry").first()).toBeVisible();
  await screenshot(page, "goal-page-en-desktop");
  await page.setViewportSize(PHONE);
  await noHorizontalScroll(page);
  await screenshot(page, "goal-page-en-phone");
  await page.setViewportSize(DESKTOP);

  await page.goto(`${ORG}/alignment`);
  await expect(page.getByRole("heading", { level: 1, name: "Alignment" })).toBeVisible();
  await expect(page.getByTestId("alignment-summary")).toContainText("organisation goal");
  await screenshot(page, "alignment-en-desktop");
  await page.setViewportSize(PHONE);
  await noHorizontalScroll(page);
  await screenshot(page, "alignment-en-phone");

  // leave Magnus in Swedish for other specs
  await page.setViewportSize(DESKTOP);
  await chooseLanguage(page, "Svenska");
});

/** A title as a regular expression, literally. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
