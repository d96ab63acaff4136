import { expect, test } from "@playwright/test";
import { levelRadio, openCreateDialog, uniqueKeyName } from "./support/api-keys-page.ts";
import { signIn } from "./support/sign-in.ts";
import { limitOwner } from "./support/users.ts";

// prepare-database.ts gives this owner an account that already holds 100 keys.
test.use({ storageState: { cookies: [], origins: [] } });

test("an account with 100 keys cannot create another", async ({ page }) => {
  const name = uniqueKeyName("One too many");
  await signIn(page, limitOwner);
  await expect(page.getByText("100 of 100 keys")).toBeVisible();
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(101);

  const form = await openCreateDialog(page, "General");
  await form.getByLabel("API Key Name").fill(name);
  await form.getByRole("radio", { name: "Restricted Access" }).check();
  await levelRadio(form, "Mail Send", "Full Access").check();
  await form.getByRole("button", { name: "Create & View" }).click();

  await expect(form.getByRole("alert")).toContainText("You have reached the limit of 100 API keys");
  await expect(page.getByRole("alertdialog", { name: "API Key Created" })).toHaveCount(0);

  await page.reload();
  await expect(page.getByText("100 of 100 keys")).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
});
