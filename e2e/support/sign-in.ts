import { expect, type Page } from "@playwright/test";

export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/api_keys$/);
  await expect(page.getByRole("heading", { name: "API Keys", level: 1 })).toBeVisible();
}
