import { expect, test, type Page } from "@playwright/test";
import { signIn, unique, users } from "./support/people";

// Gus signs in himself (two tabs share his cookies), so the journey starts signed out.
test.use({ storageState: { cookies: [], origins: [] } });

async function switchTo(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole("button", { name: `Switch account (current: ${from})` }).click();
  await page.getByRole("menuitem", { name: to, exact: true }).click();
  await expect(page.getByRole("button", { name: `Switch account (current: ${to})` })).toBeVisible();
}

test("a tab left open on one account refuses to act after a switch in another tab", async ({ page: tabA, context }) => {
  const name = unique("stale tab key");
  await signIn(tabA, users.gus);

  // Tab A: Globex's API keys, the create form filled in.
  await tabA.goto("/settings/api_keys");
  await expect(tabA.getByRole("button", { name: "Switch account (current: Globex Newsletters)" })).toBeVisible();
  await tabA.getByRole("button", { name: "Create API Key" }).click();
  await tabA.getByRole("menuitem", { name: "General API Key" }).click();
  const form = tabA.getByRole("dialog", { name: "Create General API Key" });
  await form.getByLabel("API Key Name").fill(name);
  await form.getByRole("radio", { name: "Full Access", exact: true }).check();

  // Tab B: Gus switches to Acme Mail, where he is read-only.
  const tabB = await context.newPage();
  await tabB.goto("/settings/api_keys");
  await switchTo(tabB, "Globex Newsletters", "Acme Mail");

  // Tab A still shows Globex: its save is refused, and says why.
  await form.getByRole("button", { name: "Create & View" }).click();
  await expect(form.getByRole("alert")).toContainText("You switched accounts in another tab. Reload the page to continue.");
  await expect(tabA.getByRole("alertdialog", { name: "API Key Created" })).toHaveCount(0);

  // No key was made in either account.
  await tabB.reload();
  await expect(tabB.getByRole("cell", { name: "Production mail", exact: true })).toBeVisible();
  await expect(tabB.getByText(name, { exact: true })).toHaveCount(0);
  await switchTo(tabB, "Acme Mail", "Globex Newsletters");
  await expect(tabB.getByRole("cell", { name: "Globex newsletter sender", exact: true })).toBeVisible();
  await expect(tabB.getByText(name, { exact: true })).toHaveCount(0);
});
