import { expect, test } from "@playwright/test";
import { owner } from "./support/users.ts";

test.use({ storageState: { cookies: [], origins: [] } });

test("an anonymous visit to the API keys page goes to sign-in", async ({ page }) => {
  await page.goto("/settings/api_keys");
  await expect(page).toHaveURL(/\/sign-in(\?|$)/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("a wrong password is refused", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(owner.email);
  await page.getByLabel("Password").fill(`${owner.password}-wrong`);
  await page.getByRole("button", { name: "Sign in" }).click();

  // Next's route announcer is also an alert: look inside the page's main content only.
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Incorrect e-mail or password");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/settings/api_keys");
  await expect(page).toHaveURL(/\/sign-in/);
});
