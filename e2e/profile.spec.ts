import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in.ts";
import { sessionOwners } from "./support/users.ts";

test.use({ storageState: { cookies: [], origins: [] } });

test("a person renames themselves, and a weak new password is refused with the reason", async ({ page }) => {
  const user = sessionOwners.profile;
  await signIn(page, user);
  await page.goto("/profile");

  await page.getByRole("textbox", { name: "Name" }).fill("Prof Renamed");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Name saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("banner").getByRole("link", { name: "Prof Renamed" })).toBeVisible();

  const current = page.getByLabel("Current password");
  const fresh = page.getByLabel("New password", { exact: true });
  const confirm = page.getByLabel("Confirm new password");
  const change = page.getByRole("button", { name: "Change password" });

  await current.fill(user.password);
  await fresh.fill("too-short");
  await confirm.fill("too-short");
  await change.click();
  await expect(fresh).toHaveAccessibleDescription("Use at least 12 characters");

  // Long enough, but in the bundled list: only the server knows, and says so on the field.
  await fresh.fill("1qaz2wsx3edc");
  await confirm.fill("1qaz2wsx3edc");
  await change.click();
  await expect(fresh).toHaveAccessibleDescription(/too common/);

  await current.fill("not-my-password");
  await fresh.fill("violet-harbor-stapler-42");
  await confirm.fill("violet-harbor-stapler-42");
  await change.click();
  await expect(current).toHaveAccessibleDescription("Your current password is not correct");
  // Nothing changed: the old password still signs in.
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await signIn(page, user);
});
