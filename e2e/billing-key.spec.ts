import { expect, test } from "@playwright/test";
import { API_KEY_FORMAT, keyRow, levelRadio, openCreateDialog, uniqueKeyName } from "./support/api-keys-page.ts";

test("a billing key offers only the Billing category", async ({ page }) => {
  const name = uniqueKeyName("Billing");
  await page.goto("/settings/api_keys");

  const form = await openCreateDialog(page, "Billing");
  const billing = form.getByRole("group", { name: "Billing", exact: true });
  await expect(billing).toBeVisible();
  await expect(form.getByRole("radio")).toHaveCount(3);
  await expect(billing.getByRole("radio")).toHaveCount(3);
  await expect(form.getByRole("radio", { name: /^Restricted Access/ })).toHaveCount(0);

  await form.getByLabel("API Key Name").fill(name);
  await levelRadio(form, "Billing", "Full Access").check();
  await form.getByRole("button", { name: "Create & View" }).click();

  const created = page.getByRole("alertdialog", { name: "API Key Created" });
  const key = await created.getByRole("textbox", { name: "API key" }).inputValue();
  expect(key).toMatch(API_KEY_FORMAT);
  await created.getByRole("button", { name: "Done" }).click();

  const row = keyRow(page, name);
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell", { name: key.split(".")[1], exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Billing", exact: true })).toBeVisible();
});
