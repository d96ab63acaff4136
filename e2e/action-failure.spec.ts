import { expect, test, type Page } from "@playwright/test";
import { keyRow, levelRadio, openCreateDialog, uniqueKeyName } from "./support/api-keys-page.ts";

// An action that fails unexpectedly (here: the server answers 500) must not fail silently: the
// form says so, stays open with what was typed, and nothing is saved.
async function failServerActions(page: Page) {
  await page.route("**/settings/api_keys", async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      await route.fulfill({ status: 500, contentType: "text/plain", body: "Internal Server Error" });
    } else {
      await route.fallback();
    }
  });
}

test("a create that fails unexpectedly says nothing was saved", async ({ page }) => {
  const name = uniqueKeyName("Doomed");
  await page.goto("/settings/api_keys");
  await failServerActions(page);

  const form = await openCreateDialog(page, "General");
  await form.getByLabel("API Key Name").fill(name);
  await form.getByRole("radio", { name: "Restricted Access" }).check();
  await levelRadio(form, "Mail Send", "Full Access").check();
  await form.getByRole("button", { name: "Create & View" }).click();

  await expect(form.getByRole("alert")).toContainText("Something went wrong. Nothing was saved.");
  await expect(form.getByLabel("API Key Name")).toHaveValue(name);
  await expect(form.getByRole("button", { name: "Create & View" })).toBeEnabled();
  await expect(page.getByRole("alertdialog", { name: "API Key Created" })).toHaveCount(0);

  await page.unrouteAll();
  await page.reload();
  await expect(keyRow(page, name)).toHaveCount(0);
});
