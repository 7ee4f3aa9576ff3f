import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, EMPLOYEE_STATE, signIn } from "./support";

setup("sign in once as the demo employee", async ({ page }) => {
  await signIn(page, "medarbetare@exempel.se", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/o\/exempel-ab$/);
  await page.context().storageState({ path: EMPLOYEE_STATE });
});
