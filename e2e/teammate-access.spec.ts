import { expect, test } from "@playwright/test";
import { signIn, users } from "./support/people";

// These journeys sign in as various people themselves, so they start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test("a read-only teammate sees keys but no way to change them", async ({ page }) => {
  await signIn(page, users.reed);
  await page.goto("/settings/api_keys");
  await expect(page.getByRole("heading", { name: "API Keys", level: 1 })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Production mail", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create API Key" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
});

test("a restricted teammate has no Teammates page and sees only key events in the audit log", async ({ page }) => {
  await signIn(page, users.rita);
  const nav = page.getByRole("navigation", { name: "Settings" });
  await expect(nav.getByRole("link", { name: "Teammates" })).toHaveCount(0);
  await page.goto("/settings/teammates");
  await expect(page.getByText("You do not have permission to view teammates")).toBeVisible();
  await page.goto("/settings/audit_log");
  const actions = page.getByLabel("Action").locator("option");
  await expect(actions).toHaveText(["All actions", "Key created", "Key updated", "Key deleted", "Key disabled", "Key enabled", "Key rolled"]);
});

test("a member of two accounts switches between them in the header", async ({ page }) => {
  await signIn(page, users.gus);
  await page.goto("/settings/api_keys");
  await expect(page.getByRole("cell", { name: "Globex newsletter sender", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Switch account (current: Globex Newsletters)" }).click();
  await page.getByRole("menuitem", { name: "Acme Mail" }).click();
  await expect(page.getByRole("button", { name: "Switch account (current: Acme Mail)" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Production mail", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Globex newsletter sender", exact: true })).toHaveCount(0);
  // Read-only at Acme: no Create button there.
  await expect(page.getByRole("button", { name: "Create API Key" })).toHaveCount(0);
});

test("an anonymous visitor of the new pages is sent to sign in", async ({ page }) => {
  for (const path of ["/settings/teammates", "/settings/audit_log", "/support"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in/);
  }
});
