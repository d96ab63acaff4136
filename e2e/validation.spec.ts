import { expect, test } from "@playwright/test";
import { keyRow, levelRadio, openCreateDialog, uniqueKeyName } from "./support/api-keys-page.ts";

test("an incomplete key form says what is missing where the person looks, and creates nothing", async ({ page }) => {
  const name = uniqueKeyName("Never created");
  await page.goto("/settings/api_keys");
  const form = await openCreateDialog(page, "General");
  const submit = form.getByRole("button", { name: "Create & View" });
  const summary = form.getByRole("alert");
  const nameField = form.getByLabel("API Key Name");

  // The name field holds no more than the rule allows.
  await expect(nameField).toHaveAttribute("maxlength", "100");
  await nameField.fill("x".repeat(120));
  await expect(nameField).toHaveValue("x".repeat(100));
  await nameField.fill("");

  // No name: a summary at the top, focus on the field, the field's error linked to it.
  await form.getByRole("radio", { name: "Restricted Access" }).check();
  await levelRadio(form, "Mail Send", "Full Access").check();
  await submit.click();
  await expect(summary).toContainText("Enter a name for the API key");
  await expect(nameField).toBeFocused();
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  await expect(nameField).toHaveAccessibleDescription("Enter a name for the API key");

  // A name, but restricted with every category at No Access: the editor says so as it happens,
  // and on submit the summary names it and focus moves to the permissions.
  await nameField.fill(name);
  await levelRadio(form, "Mail Send", "No Access").check();
  await expect(form.getByText("0 of 28 categories granted")).toBeVisible();
  await submit.click();
  await expect(summary).toContainText("Choose at least one permission");
  await expect(summary).not.toContainText("Enter a name for the API key");
  const permissions = form.getByRole("group", { name: "Permissions by category" });
  await expect(permissions).toBeFocused();
  await expect(permissions).toHaveAccessibleDescription("Choose at least one permission");
  await expect(permissions).toBeInViewport();

  // The summary's link leads back to the problem too.
  await nameField.focus();
  await summary.getByRole("link", { name: "Choose at least one permission" }).click();
  await expect(permissions).toBeFocused();

  await expect(page.getByRole("alertdialog", { name: "API Key Created" })).toHaveCount(0);
  await form.getByRole("button", { name: "Cancel" }).click();
  await expect(form).toBeHidden();
  await page.reload();
  await expect(page.getByRole("table")).toBeVisible();
  await expect(keyRow(page, name)).toHaveCount(0);
});

test("every new key form opens ready to submit", async ({ page }) => {
  await page.goto("/settings/api_keys");
  const general = await openCreateDialog(page, "General");
  await expect(general.getByRole("radio", { name: "Full Access" })).toBeChecked();
  await expect(general.getByRole("radio", { name: "Full Access" })).toHaveAccessibleDescription(/^Every general permission/);
  await general.getByRole("button", { name: "Cancel" }).click();

  const billing = await openCreateDialog(page, "Billing");
  await expect(levelRadio(billing, "Billing", "Read Access")).toBeChecked();
  await billing.getByRole("button", { name: "Cancel" }).click();
  await expect(billing).toBeHidden();
});
