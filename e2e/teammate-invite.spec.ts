import { expect, test } from "@playwright/test";
import { signIn, signOut, unique, users } from "./support/people";

// These journeys sign in as various people themselves, so they start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("an owner invites a restricted teammate, who joins through the link and works within their permissions", async ({ page }) => {
  const email = `${unique("teammate")}@example.test`;
  const keyName = unique("teammate key");

  // The owner invites: Restricted, API Keys full and Mail Send full.
  await signIn(page, users.acmeOwner);
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Teammates" }).click();
  await expect(page.getByRole("heading", { name: "Teammates", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Invite Teammate" }).click();
  const invite = page.getByRole("dialog", { name: "Invite Teammate" });
  await invite.getByLabel("E-mail address").fill(email);
  await invite.getByRole("radio", { name: /^Restricted/ }).check();
  await invite.getByRole("group", { name: "API Keys" }).getByRole("radio", { name: "Full Access" }).check();
  await invite.getByRole("group", { name: "Mail Send" }).getByRole("radio", { name: "Full Access" }).check();
  await invite.getByRole("button", { name: "Invite" }).click();

  // The link is shown once, with Copy.
  const created = page.getByRole("alertdialog", { name: "Invitation Created" });
  await expect(created).toContainText("will not be shown again");
  const link = await created.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await created.getByRole("button", { name: "Copy" }).click();
  await expect(created.getByText("Copied to clipboard")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await created.getByRole("button", { name: "Done" }).click();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Invited");
  await expect(row).toContainText("Restricted");
  await expect(page.locator("body")).not.toContainText(link.split("/invite/")[1]!);
  await signOut(page);

  // The invitee sets a name and password and is signed in.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Join Acme Mail" })).toBeVisible();
  await page.getByLabel("Your name").fill("Nia Newcomer");
  await page.getByLabel("Password", { exact: true }).fill("nia-password-123");
  await page.getByLabel("Confirm password").fill("nia-password-123");
  await page.getByRole("button", { name: "Join and sign in" }).click();
  await expect(page.getByRole("heading", { name: "API Keys", level: 1 })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Nia Newcomer");

  // She creates a key within her scopes; levels above hers are disabled, with the reason.
  await page.getByRole("button", { name: "Create API Key" }).click();
  await expect(page.getByRole("menuitem", { name: "Billing API Key" })).toHaveCount(0);
  await page.getByRole("menuitem", { name: "General API Key" }).click();
  const form = page.getByRole("dialog", { name: "Create General API Key" });
  await expect(form.getByRole("radio", { name: "Full Access" }).first()).toBeDisabled();
  await form.getByRole("radio", { name: /^Restricted Access/ }).check();
  const stats = form.getByRole("group", { name: "Stats" });
  await expect(stats.getByRole("radio", { name: "Read Access" })).toBeDisabled();
  await expect(stats).toContainText("Higher levels exceed your own permissions.");
  await expect(form.getByRole("group", { name: "Mail Send" }).getByRole("radio", { name: "Full Access" })).toBeEnabled();
  await form.getByLabel("API Key Name").fill(keyName);
  await form.getByRole("group", { name: "Mail Send" }).getByRole("radio", { name: "Full Access" }).check();
  await form.getByRole("button", { name: "Create & View" }).click();
  const secret = page.getByRole("alertdialog", { name: "API Key Created" });
  await expect(secret.getByLabel("API key")).toHaveValue(/^SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
  await secret.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row").filter({ hasText: keyName })).toContainText("Nia Newcomer");

  // The link is single-use.
  await signOut(page);
  await page.goto(link);
  await expect(page.getByRole("status")).toHaveText(/already been used/);
});

test("a made-up invitation link says it is not valid", async ({ page }) => {
  await page.goto(`/invite/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "Invitation unavailable" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(/not valid/);
});
