import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { expectNoViolations, VIEWPORTS } from "./support/axe.ts";
import { e2eDatabaseFile } from "./support/database.ts";
import { signIn } from "./support/sign-in.ts";
import { faultAdmin } from "./support/users.ts";

// The branded error pages, reached through a real fault: a row of the fault admin's own account is
// corrupted in the server's database (a stored scope list that is not JSON, as a bad manual edit
// or a broken restore would leave it), so the server's render throws. Nothing in the app knows it
// is being tested. Each test repairs what it broke, and the tests run one after another, as they
// share the account.
test.describe.configure({ mode: "serial", timeout: 90_000 });
test.use({ storageState: { cookies: [], origins: [] } });

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test("a page that fails keeps the dashboard's frame: a branded message, ways back, Try again once the fault is gone", async ({ page }) => {
      await signIn(page, faultAdmin);
      await withFault(`UPDATE "ApiKey" SET scopes = 'not json' WHERE accountId = (SELECT id FROM "Account" WHERE name = ?)`, async () => {
        await page.goto("/settings/api_keys");
        const error = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Something went wrong", level: 1 }) });
        await expect(error).toContainText("The page could not be loaded. Nothing was changed.");
        await expect(error).toContainText(/Reference: \w+/);
        await expect(error.getByRole("button", { name: "Try again" })).toBeVisible();
        await expect(error.getByRole("link", { name: "Back to your settings" })).toHaveAttribute("href", "/");
        // The header and the settings navigation stay: the person can go elsewhere.
        await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
        await expectNoViolations(page, "the dashboard's error page");

        await openSettingsLink(page, "Teammates");
        await expect(page.getByRole("heading", { name: "Teammates", level: 1 })).toBeVisible();
        await openSettingsLink(page, "API Keys");
        await expect(error.getByRole("button", { name: "Try again" })).toBeVisible();
      });
      await page.getByRole("button", { name: "Try again" }).click();
      await expect(page.getByRole("heading", { name: "API Keys", level: 1 })).toBeVisible();
      await expect(page.getByRole("link", { name: faultAdmin.keyName, exact: true })).toBeVisible();
    });

    test("a failure in the dashboard's own frame shows the app's branded error page, with a way back", async ({ page }) => {
      await signIn(page, faultAdmin);
      await withFault(`UPDATE "Membership" SET scopes = 'not json' WHERE accountId = (SELECT id FROM "Account" WHERE name = ?)`, async () => {
        const response = await page.goto("/settings/teammates");
        expect(response?.status()).toBe(500);
        await expect(page.getByRole("heading", { name: "Something went wrong", level: 1 })).toBeVisible();
        await expect(page.getByText("The page could not be shown. Nothing was changed.")).toBeVisible();
        await expect(page.getByRole("link", { name: "Back to Keyward" })).toHaveAttribute("href", "/");
        await expect(page.getByRole("navigation", { name: "Settings" })).toHaveCount(0);
        await expectNoViolations(page, "the app's error page");
      });
      await page.getByRole("button", { name: "Try again" }).click();
      await expect(page.getByRole("heading", { name: "Teammates", level: 1 })).toBeVisible();
      await page.goto("/settings/teammates");
      await expect(page.getByRole("heading", { name: "Teammates", level: 1 })).toBeVisible();
    });
  });
}

/** Runs `during` with the statement applied to the fault admin's account, then puts the rows back. */
async function withFault(statement: string, during: () => Promise<void>) {
  const table = /UPDATE "(\w+)"/.exec(statement)![1]!;
  const db = new Database(e2eDatabaseFile(), { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  const where = `accountId = (SELECT id FROM "Account" WHERE name = ?)`;
  const saved = db.prepare(`SELECT rowid, scopes FROM "${table}" WHERE ${where}`).all(faultAdmin.accountName) as { rowid: number; scopes: string }[];
  expect(saved.length).toBeGreaterThan(0);
  try {
    db.prepare(statement).run(faultAdmin.accountName);
    await during();
  } finally {
    const restore = db.prepare(`UPDATE "${table}" SET scopes = ? WHERE rowid = ?`);
    for (const row of saved) restore.run(row.scopes, row.rowid);
    db.close();
  }
}

/** Follows a settings link, through the Menu button where the navigation is collapsed. */
async function openSettingsLink(page: Page, name: string) {
  const nav = page.getByRole("navigation", { name: "Settings" });
  const menu = nav.getByRole("button", { name: /^Menu/ });
  if (await menu.isVisible()) await menu.click();
  await nav.getByRole("link", { name, exact: true }).click();
}
