import { expect, test, type Page } from "@playwright/test";
import { linkIn, startSmtpReceiver, type SmtpReceiver } from "../../test/smtp-receiver.ts";
import { API_KEY_FORMAT, createKeyOnPage, uniqueKeyName, v3 } from "../support/api-keys-page.ts";
import { productionSmtpPort } from "../support/production.ts";

// The production command (`npm run serve`: NODE_ENV=production, no KEYWARD_DEMO) on an empty
// database, as a team gets it: nobody exists, /setup makes the first owner, mail goes out through
// SMTP_URL to a real SMTP receiver this spec runs. One story, in order.
test.describe.configure({ mode: "serial" });

const owner = { name: "Petra Prod", email: "petra@team.test", account: "Team Mail", password: "a long production passphrase" };
const BANNER = "Demo data — do not use real keys";
let mail: SmtpReceiver;

test.beforeAll(async () => {
  mail = await startSmtpReceiver(productionSmtpPort);
});
test.afterAll(async () => {
  await mail?.close();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test("sign-up is closed and there is no demo banner", async ({ page }) => {
  expect((await page.goto("/sign-up"))?.status()).toBe(404);
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveCount(0);
  await expect(page.getByText(BANNER)).toHaveCount(0);
});

test("the first visitor goes from /setup to a working API key, and /setup is gone after", async ({ page, baseURL }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up Keyward" })).toBeVisible();
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("E-mail").fill(owner.email);
  await page.getByLabel("Account name").fill(owner.account);
  await page.getByLabel("Password", { exact: true }).fill("too short");
  await page.getByLabel("Confirm password").fill("too short");
  await page.getByRole("button", { name: "Create owner account" }).click();
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/Use at least 12 characters/);

  await page.getByLabel("Password", { exact: true }).fill(owner.password);
  await page.getByLabel("Confirm password").fill(owner.password);
  await page.getByRole("button", { name: "Create owner account" }).click();
  await expect(page).toHaveURL(/\/settings\/api_keys$/);
  await expect(page.getByRole("banner")).toContainText(owner.name);
  await expect(page.getByText(BANNER)).toHaveCount(0);

  const key = await createKeyOnPage(page, "General", uniqueKeyName("First key"));
  expect(key).toMatch(API_KEY_FORMAT);
  expect((await v3(baseURL, key, "GET", "/v3/scopes")).status).toBe(200);

  expect((await page.goto("/setup"))?.status()).toBe(404);
});

test("an invitation is mailed to the invitee, not shown to the owner", async ({ page, browser }) => {
  await signIn(page, owner.email, owner.password);
  await page.goto("/settings/teammates");
  await page.getByRole("button", { name: "Invite Teammate" }).click();
  const invite = page.getByRole("dialog", { name: "Invite Teammate" });
  await invite.getByLabel("E-mail address").fill("ivan@team.test");
  await invite.getByRole("radio", { name: /^Admin/ }).check();
  await invite.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation mailed to ivan@team.test" })).toBeVisible();
  await expect(page.getByRole("alertdialog", { name: "Invitation Created" })).toHaveCount(0);

  const message = await mail.waitFor("ivan@team.test");
  expect(message.subject).toBe(`${owner.name} invited you to ${owner.account} on Keyward`);
  const link = linkIn(message, "http://localhost:");
  const ivan = await browser.newContext();
  try {
    const ivanPage = await ivan.newPage();
    await ivanPage.goto(link);
    await ivanPage.getByLabel("Your name").fill("Ivan Invited");
    await ivanPage.getByLabel("Password", { exact: true }).fill("ivan's own passphrase");
    await ivanPage.getByLabel("Confirm password").fill("ivan's own passphrase");
    await ivanPage.getByRole("button", { name: "Join and sign in" }).click();
    await expect(ivanPage.getByRole("banner")).toContainText("Ivan Invited");
  } finally {
    await ivan.close();
  }
});

test("a forgotten password is reset through a mailed one-time link", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  // The sign-in page has an "E-mail" field too: fill the new page's, once it is there.
  await expect(page.getByRole("heading", { name: "Forgot password", level: 1 })).toBeVisible();
  await page.getByLabel("E-mail").fill(owner.email.toUpperCase());
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account uses that address" })).toBeVisible();

  const link = linkIn(await mail.waitFor(owner.email), "http://localhost:");
  expect(link).toContain("/reset-password/");
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByLabel("Confirm new password").fill("a different passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByLabel("Confirm new password")).toHaveAccessibleDescription("The passwords do not match");
  await page.getByLabel("Confirm new password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("banner")).toContainText(owner.name);

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("status")).toHaveText("This password link has already been used. Ask for a new one if you need to.");

  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Incorrect e-mail or password" })).toBeVisible();
  await signIn(page, owner.email, "a brand new passphrase");
});
