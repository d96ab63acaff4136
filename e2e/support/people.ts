import { expect, type Page } from "@playwright/test";

// Seeded by prisma/seed.ts.
export const DEMO_PASSWORD = "keyward-demo-1";
export const users = {
  acmeOwner: "owner@acme.test",
  rita: "rita@acme.test",
  reed: "reed@acme.test",
  gus: "owner@globex.test",
  support: "support@keyward.test",
} as const;

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** A name no earlier run used, so specs need no clean-up to be re-run. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * As a signed-in owner: invites `email` as a Restricted teammate with the given categories at
 * Full Access, and returns the one-time link from the dialog.
 */
export async function inviteRestrictedTeammate(page: Page, email: string, fullCategories: string[]): Promise<string> {
  await page.goto("/settings/teammates");
  await page.getByRole("button", { name: "Invite Teammate" }).click();
  const invite = page.getByRole("dialog", { name: "Invite Teammate" });
  await invite.getByLabel("E-mail address").fill(email);
  await invite.getByRole("radio", { name: /^Restricted/ }).check();
  for (const category of fullCategories) {
    await invite.getByRole("group", { name: category, exact: true }).getByRole("radio", { name: "Full Access" }).check();
  }
  await invite.getByRole("button", { name: "Invite" }).click();
  const created = page.getByRole("alertdialog", { name: "Invitation Created" });
  const link = await created.getByLabel("Invitation link").inputValue();
  await created.getByRole("button", { name: "Done" }).click();
  return link;
}

/** As an anonymous visitor: accepts an invitation link as a new person, who is then signed in. */
export async function acceptInvitation(page: Page, link: string, name: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Join and sign in" }).click();
  await expect(page.getByRole("banner")).toContainText(name);
}
