import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in.ts";
import { emptyOwner } from "./support/users.ts";

// prepare-database.ts gives this owner an account with no keys. The journey creates none, so the
// account stays empty for every run.
test.use({ storageState: { cookies: [], origins: [] } });

test("an account without keys explains them and offers to create one", async ({ page }) => {
  await signIn(page, emptyOwner);

  await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
  await expect(page.getByText(/API keys let your applications send email/)).toBeVisible();
  await expect(page.getByText("0 of 100 keys")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);

  const create = page.getByRole("button", { name: "Create API Key" });
  await expect(create).toHaveCount(1);
  await create.click();
  await page.getByRole("menuitem", { name: "General API Key" }).click();
  const form = page.getByRole("dialog", { name: "Create General API Key" });
  await expect(form.getByLabel("API Key Name")).toBeVisible();
  await form.getByRole("button", { name: "Cancel" }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText("0 of 100 keys")).toBeVisible();
});
