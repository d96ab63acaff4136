import { expect, test } from "@playwright/test";
import { keyRow, levelRadio, openCreateDialog, uniqueKeyName } from "./support/api-keys-page.ts";

test("an incomplete key form says what is missing and creates nothing", async ({ page }) => {
  const name = uniqueKeyName("Never created");
  await page.goto("/settings/api_keys");
  const form = await openCreateDialog(page, "General");
  const submit = form.getByRole("button", { name: "Create & View" });

  // No name.
  await form.getByRole("radio", { name: /^Restricted Access/ }).check();
  await levelRadio(form, "Mail Send", "Full Access").check();
  await submit.click();
  await expect(form.getByText("Enter a name for the API key")).toBeVisible();
  await expect(form.getByLabel("API Key Name")).toHaveAttribute("aria-invalid", "true");

  // A name, but restricted with every category at No Access.
  await form.getByLabel("API Key Name").fill(name);
  await levelRadio(form, "Mail Send", "No Access").check();
  await submit.click();
  await expect(form.getByText("Choose at least one permission")).toBeVisible();
  await expect(form.getByText("Enter a name for the API key")).toHaveCount(0);

  await expect(page.getByRole("alertdialog", { name: "API Key Created" })).toHaveCount(0);
  await form.getByRole("button", { name: "Cancel" }).click();
  await expect(form).toBeHidden();
  await page.reload();
  await expect(page.getByRole("table")).toBeVisible();
  await expect(keyRow(page, name)).toHaveCount(0);
});
