import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations, VIEWPORTS } from "./support/axe.ts";
import { levelRadio, openCreateDialog, rowAction, uniqueKeyName } from "./support/api-keys-page.ts";
import { signIn, users } from "./support/people.ts";
import { signIn as signInAs } from "./support/sign-in.ts";
import { emptyOwner } from "./support/users.ts";

// Every state the issue lists, at a desktop and a phone width: axe must find nothing.
const signedOut = { cookies: [], origins: [] };
// Each test visits several states and runs axe on each: generous bounds on a shared, busy machine.
// The tests share nothing they change (each creates its own keys; the support review of Globex
// is started by whichever width comes first, see startReview), so they spread over the workers
// instead of running one after another in one (6.9 minutes of a CI run).
test.describe.configure({ mode: "parallel", timeout: 120_000 });

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test("the keys page: list, Create menu, each form with and without errors, the shown-once key, gear menu, edit, delete", async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto("/settings/api_keys");
      await expect(page.getByRole("table")).toBeVisible();
      await expectNoViolations(page, "keys list");

      await page.getByRole("button", { name: "Create API Key" }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      await expectNoViolations(page, "Create menu");
      await page.keyboard.press("Escape");

      let form = await openCreateDialog(page, "General");
      await expectNoViolations(page, "General form, Full Access");
      await form.getByRole("button", { name: "Create & View" }).click();
      await expect(form.getByRole("alert")).toBeVisible();
      await expectNoViolations(page, "General form, Full Access, with errors");
      await form.getByRole("radio", { name: "Restricted Access" }).check();
      await expectNoViolations(page, "General form, Restricted, with errors");
      await form.getByRole("button", { name: "Cancel" }).click();

      form = await openCreateDialog(page, "General");
      await form.getByRole("radio", { name: "Restricted Access" }).check();
      await expectNoViolations(page, "General form, Restricted");
      await form.getByRole("button", { name: "Cancel" }).click();

      form = await openCreateDialog(page, "Billing");
      await expectNoViolations(page, "Billing form");
      await levelRadio(form, "Billing", "No Access").check();
      await form.getByRole("button", { name: "Create & View" }).click();
      await expect(form.getByRole("alert")).toBeVisible();
      await expectNoViolations(page, "Billing form, with errors");
      await form.getByRole("button", { name: "Cancel" }).click();

      const name = uniqueKeyName("Axe");
      form = await openCreateDialog(page, "General");
      await form.getByLabel("API Key Name").fill(name);
      await form.getByRole("button", { name: "Create & View" }).click();
      const created = page.getByRole("alertdialog", { name: "API Key Created" });
      await expect(created).toBeVisible();
      await expectNoViolations(page, "shown-once dialog");
      await created.getByRole("button", { name: "Done" }).click();

      await page.getByRole("button", { name: `Actions for ${name}`, exact: true }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      await expectNoViolations(page, "gear menu");
      await page.keyboard.press("Escape");

      await rowAction(page, name, "Edit");
      await expect(page.getByRole("dialog", { name: `Edit API Key: ${name}` })).toBeVisible();
      await expectNoViolations(page, "edit dialog");
      await page.getByRole("button", { name: "Cancel" }).click();

      await rowAction(page, name, "Delete");
      const confirm = page.getByRole("alertdialog", { name: "Delete API Key" });
      await expect(confirm).toBeVisible();
      await expectNoViolations(page, "delete confirmation");
      await confirm.getByRole("button", { name: "Delete", exact: true }).click();
      await expect(page.getByRole("status").filter({ hasText: "API key deleted" })).toBeVisible();
      await expectNoViolations(page, "after a delete");
    });

    test("key lifecycle: the roll dialog, a rolled and a disabled key, search results, a key's own page", async ({ page }) => {
      test.setTimeout(180_000);
      const name = uniqueKeyName("Axe lifecycle");
      await page.goto("/settings/api_keys");
      const form = await openCreateDialog(page, "General");
      await form.getByLabel("API Key Name").fill(name);
      await form.getByRole("combobox", { name: "Expires" }).selectOption("On a date");
      await expectNoViolations(page, "create form with an expiry date");
      await form.getByLabel("Expiry date (UTC)").fill("2031-03-01");
      await form.getByRole("button", { name: "Create & View" }).click();
      const created = page.getByRole("alertdialog", { name: "API Key Created" });
      // axe must see the dialog, not the page while the create is still under way.
      await expect(created).toBeVisible();
      await expectNoViolations(page, "shown-once key with its environment line");
      await created.getByRole("button", { name: "Done" }).click();

      await rowAction(page, name, "Roll key");
      const roll = page.getByRole("alertdialog", { name: "Roll API Key" });
      await expect(roll).toBeVisible();
      await expectNoViolations(page, "roll dialog");
      await roll.getByRole("button", { name: "Roll key" }).click();
      await page.getByRole("alertdialog", { name: "API Key Created" }).getByRole("button", { name: "Done" }).click();
      await page.getByRole("button", { name: `Actions for ${name}`, exact: true }).first().click();
      await page.getByRole("menuitem", { name: "Disable", exact: true }).click();
      await expect(page.getByText("Disabled", { exact: true }).first()).toBeVisible();

      await page.goto(`/settings/api_keys?q=${encodeURIComponent(name)}&sort=name`);
      await expect(page.getByRole("table")).toBeVisible();
      await expectNoViolations(page, "search results with a rolled and a disabled key");

      await page.getByRole("link", { name, exact: true }).first().click();
      await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
      await expectNoViolations(page, "a key's own page");
    });

    test("teammates, invitation, audit log and billing pages", async ({ page }) => {
      await page.goto("/settings/teammates");
      await expect(page.getByRole("heading", { name: "Teammates", level: 1 })).toBeVisible();
      await expectNoViolations(page, "teammates");
      await page.getByRole("button", { name: "Invite Teammate" }).click();
      await expect(page.getByRole("dialog", { name: "Invite Teammate" })).toBeVisible();
      await expectNoViolations(page, "invitation");
      await page.getByRole("button", { name: "Cancel" }).click();

      await page.goto("/settings/audit_log");
      await expect(page.getByRole("heading", { name: "Audit Log", level: 1 })).toBeVisible();
      await expectNoViolations(page, "audit log");

      await page.goto("/settings/billing");
      await expect(page.getByRole("heading", { name: "Billing", level: 1 })).toBeVisible();
      await expectNoViolations(page, "billing");
    });

    test.describe("signed out", () => {
      test.use({ storageState: signedOut });

      test("sign-in, with and without an error, and the 404 page", async ({ page }) => {
        await page.goto("/sign-in");
        await expectNoViolations(page, "sign-in");
        await page.getByLabel("E-mail").fill(users.acmeOwner);
        await page.getByLabel("Password").fill("not-the-password");
        await page.getByRole("button", { name: "Sign in" }).click();
        await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
        await expectNoViolations(page, "sign-in with an error");

        const response = await page.goto("/no-such-page");
        expect(response?.status()).toBe(404);
        await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
        await expectNoViolations(page, "404");
      });

      test("an empty keys list", async ({ page }) => {
        await signInAs(page, emptyOwner);
        await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
        await expectNoViolations(page, "empty keys list");
      });

      test("a read-only member's keys page", async ({ page }) => {
        await signIn(page, users.reed);
        await page.goto("/settings/api_keys");
        await expect(page.getByText("You can view API keys but not create or change them.")).toBeVisible();
        await expectNoViolations(page, "read-only keys list");
      });

      test("support: search, a review of keys and of the audit log", async ({ page }) => {
        await signIn(page, users.support);
        await page.goto("/support?q=globex");
        await expect(page.getByRole("link", { name: "Globex Newsletters" })).toBeVisible();
        await expectNoViolations(page, "support search");
        await page.getByRole("link", { name: "Globex Newsletters" }).click();
        await startReview(page, "Review API keys");
        await expectNoViolations(page, "support review of keys");
        await page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name: "Audit Log" }).click();
        await expect(page.getByRole("link", { name: "Audit Log", exact: true })).toHaveAttribute("aria-current", "page");
        await startReview(page, "Review audit log");
        await expectNoViolations(page, "support review of the audit log");
      });
    });
  });
}

// A review starts with a POST (a button) and then stays open for a while: the first width's run
// starts it, the second finds it open. The page before it is checked too. Globex, because
// support-review.spec.ts proves that a review of Acme Mail starts closed.
async function startReview(page: Page, button: "Review API keys" | "Review audit log") {
  const start = page.getByRole("button", { name: button });
  const reviewed = page.getByRole("heading", { name: "Globex Newsletters", level: 1 });
  await expect(start.or(reviewed)).toBeVisible();
  if (await start.isVisible()) {
    await expectNoViolations(page, `support review, before "${button}"`);
    await start.click();
  }
  await expect(reviewed).toBeVisible();
}
