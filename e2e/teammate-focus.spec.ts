import { expect, test } from "@playwright/test";

// The teammates page hands focus back after its dialogs and confirms each change, as the keys page does.
test("after the invitation dialogs focus returns to Invite Teammate, and the change is confirmed", async ({ page }) => {
  const email = `focus-${Date.now().toString(36)}@example.test`;
  await page.goto("/settings/teammates");
  const inviteButton = page.getByRole("button", { name: "Invite Teammate" });

  await inviteButton.click();
  const invite = page.getByRole("dialog", { name: "Invite Teammate" });
  await page.keyboard.press("Escape");
  await expect(invite).toBeHidden();
  await expect(inviteButton).toBeFocused();

  // A problem is summarised at the top of the form, and focus goes to the field.
  await inviteButton.click();
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(invite.getByRole("alert")).toBeVisible();
  await expect(invite.getByLabel("E-mail address")).toBeFocused();
  await invite.getByLabel("E-mail address").fill(email);
  await invite.getByRole("radio", { name: "Admin" }).check();
  await invite.getByRole("button", { name: "Invite" }).click();
  const created = page.getByRole("alertdialog", { name: "Invitation Created" });
  await created.getByRole("button", { name: "Done" }).click();
  await expect(created).toBeHidden();
  await expect(inviteButton).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: `Invitation created for ${email}` })).toBeVisible();

  await page.getByRole("button", { name: `Actions for invitation to ${email}` }).click();
  await page.getByRole("menuitem", { name: "Revoke invitation" }).click();
  await page.getByRole("alertdialog", { name: "Revoke Invitation" }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation revoked for ${email}` })).toBeVisible();
  await expect(inviteButton).toBeFocused();
});
