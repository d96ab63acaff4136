import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { signIn } from "./support/sign-in.ts";
import { sessionOwners } from "./support/users.ts";

// Each journey holds two sessions of one person, in two browser contexts (two browsers, as far as
// the server can tell), and shows which of them the server still accepts.
test.use({ storageState: { cookies: [], origins: [] } });

async function signedIn(browser: Browser, user: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return { context, page };
}

async function expectSignedIn(page: Page) {
  await page.goto("/settings/api_keys");
  await expect(page.getByRole("heading", { name: "API Keys", level: 1 })).toBeVisible();
}

async function expectSignedOut(page: Page) {
  await page.goto("/settings/api_keys");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

test("signing out ends the session on the server: a copy of its cookie no longer works", async ({ browser }) => {
  const first = await signedIn(browser, sessionOwners.signOut);
  // The same cookie in a second browser, as if it had been copied before sign-out.
  const copy = await browser.newContext({ storageState: await first.context.storageState() });
  const copyPage = await copy.newPage();
  await expectSignedIn(copyPage);

  await first.page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(first.page).toHaveURL(/\/sign-in/);

  await expectSignedOut(copyPage);
  await Promise.all([first.context.close(), copy.close()]);
});

test("signing out through Auth.js's own route ends the session on the server too", async ({ playwright, baseURL }) => {
  const user = sessionOwners.signOutViaApi;
  const holder = await playwright.request.newContext({ baseURL });
  const csrf = async () => ((await (await holder.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  await holder.post("/api/auth/callback/credentials", { form: { email: user.email, password: user.password, csrfToken: await csrf(), callbackUrl: "/" }, maxRedirects: 0 });
  const copied = await holder.storageState();
  const copy = await playwright.request.newContext({ baseURL, storageState: copied });
  expect((await copy.get("/settings/api_keys", { maxRedirects: 0 })).status()).toBe(200);

  await holder.post("/api/auth/signout", { form: { csrfToken: await csrf(), callbackUrl: "/" }, maxRedirects: 0 });
  const refused = await copy.get("/settings/api_keys", { maxRedirects: 0 });
  expect(refused.status()).toBe(307);
  expect(refused.headers().location).toMatch(/\/sign-in/);
  await Promise.all([holder.dispose(), copy.dispose()]);
});

test("changing the password ends the person's other sessions and keeps this one", async ({ browser }) => {
  const user = sessionOwners.passwordChanger;
  const here = await signedIn(browser, user);
  const elsewhere = await signedIn(browser, user);
  const newPassword = "a-new-passphrase-for-pat";

  await here.page.getByRole("banner").getByRole("link", { name: user.name }).click();
  await expect(here.page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
  await here.page.getByLabel("Current password").fill(user.password);
  await here.page.getByLabel("New password", { exact: true }).fill(newPassword);
  await here.page.getByLabel("Confirm new password").fill(newPassword);
  await here.page.getByRole("button", { name: "Change password" }).click();
  await expect(here.page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();

  await expectSignedOut(elsewhere.page);
  await expectSignedIn(here.page);
  // The new password is the one that works now.
  await signIn(elsewhere.page, { email: user.email, password: newPassword });
  await Promise.all([here.context.close(), elsewhere.context.close()]);
});

test("“Sign out of all other sessions” ends the others and keeps this one", async ({ browser }) => {
  const user = sessionOwners.everywhere;
  const here = await signedIn(browser, user);
  const elsewhere = await signedIn(browser, user);
  await expectSignedIn(elsewhere.page);

  await here.page.goto("/profile");
  await here.page.getByRole("button", { name: "Sign out of all other sessions" }).click();
  await expect(here.page.getByRole("status").filter({ hasText: "Every other session is signed out." })).toBeVisible();

  await expectSignedOut(elsewhere.page);
  await expectSignedIn(here.page);
  await Promise.all([here.context.close(), elsewhere.context.close()]);
});
