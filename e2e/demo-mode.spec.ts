import { expect, test } from "@playwright/test";
import { API_KEY_FORMAT, createKeyOnPage, uniqueKeyName } from "./support/api-keys-page.ts";
import { unique } from "./support/people.ts";

// The demo (`npm start`, KEYWARD_DEMO=1): a banner on every page, signed in or not, and open sign-up.
const BANNER = "Demo data — do not use real keys";

test("the demo banner is on the pages of a signed-in person", async ({ page }) => {
  for (const path of ["/settings/api_keys", "/settings/teammates", "/settings/audit_log"]) {
    await page.goto(path);
    await expect(page.getByRole("complementary", { name: "Demo notice" })).toHaveText(BANNER);
  }
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the banner is on the signed-out pages too, and /setup is gone since the demo has users", async ({ page }) => {
    for (const path of ["/sign-in", "/sign-up", "/forgot-password"]) {
      await page.goto(path);
      await expect(page.getByText(BANNER)).toBeVisible();
    }
    expect((await page.goto("/setup"))?.status()).toBe(404);
  });

  test("without outgoing mail, Forgot password? says to ask an administrator", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page.getByText("Ask an administrator of this Keyward server for a link")).toBeVisible();
    await expect(page.getByRole("button", { name: "Send reset link" })).toHaveCount(0);
  });

  test("anyone can sign up in the demo, owning a new account, and create a key in it", async ({ page }) => {
    const email = `${unique("signup")}@example.test`;
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Your name").fill("Sid Signup");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Account name").fill("Sid's Sends");
    await page.getByLabel("Password", { exact: true }).fill("sid's long passphrase");
    await page.getByLabel("Confirm password").fill("sid's long passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/settings\/api_keys$/);
    await expect(page.getByRole("banner")).toContainText("Sid's Sends");
    expect(await createKeyOnPage(page, "General", uniqueKeyName("Sid key"))).toMatch(API_KEY_FORMAT);
  });
});
