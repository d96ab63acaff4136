import { expect, test } from "@playwright/test";
import { acceptInvitation, inviteRestrictedTeammate, signIn, signOut, unique, users } from "./support/people";

// These journeys sign in as various people themselves, so they start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test("someone who already has a sign-in joins a second account after signing in, then switches between the two", async ({ page }) => {
  const email = `${unique("two-accounts")}@example.test`;
  const password = "tia-password-123";

  // Tia becomes a member of Acme Mail through a first invitation.
  await signIn(page, users.acmeOwner);
  const acmeLink = await inviteRestrictedTeammate(page, email, ["API Keys"]);
  await signOut(page);
  await acceptInvitation(page, acmeLink, "Tia Twice", password);
  await signOut(page);

  // Globex's owner invites the same address.
  await signIn(page, users.gus);
  await page.getByRole("button", { name: /^Switch account/ }).click();
  await page.getByRole("menuitem", { name: /^Globex Newsletters/ }).click();
  await expect(page.getByRole("button", { name: "Switch account (current: Globex Newsletters)" })).toBeVisible();
  const globexLink = await inviteRestrictedTeammate(page, email, ["Mail Send"]);
  await signOut(page);

  // Opening the link offers to sign in, which comes back to the link, which offers to join.
  await page.goto(globexLink);
  await page.getByRole("link", { name: "Sign in to accept" }).click();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Join Globex Newsletters" }).click();
  await expect(page.getByRole("button", { name: "Switch account (current: Globex Newsletters)" })).toBeVisible();

  // At Globex she may not see API keys; at Acme she may.
  await page.goto("/settings/api_keys");
  await expect(page.getByText("You do not have permission to view API keys")).toBeVisible();
  await page.getByRole("button", { name: "Switch account (current: Globex Newsletters)" }).click();
  await page.getByRole("menuitem", { name: "Acme Mail" }).click();
  await expect(page.getByRole("cell", { name: "Production mail", exact: true })).toBeVisible();
});

test("a link for someone else tells a signed-in person whose it is", async ({ page }) => {
  await signIn(page, users.acmeOwner);
  const link = await inviteRestrictedTeammate(page, `${unique("other")}@example.test`, ["API Keys"]);
  await signOut(page);
  await signIn(page, users.reed);
  await page.goto(link);
  await expect(page.getByText(/You are signed in as reed@acme\.test/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Join/ })).toHaveCount(0);
});
