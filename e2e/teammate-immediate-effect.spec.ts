import { expect, test } from "@playwright/test";
import { acceptInvitation, inviteRestrictedTeammate, signIn, unique, users } from "./support/people";

// These journeys sign in as various people themselves, so they start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test("a teammate's reduced permissions and removal count at their next request, without signing out", async ({ browser }) => {
  // Two people, an invitation and six page loads: longer than one journey's default time.
  test.slow();
  const ownerContext = await browser.newContext();
  const teammateContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const teammate = await teammateContext.newPage();
  const email = `${unique("changing")}@example.test`;

  await signIn(owner, users.acmeOwner);
  const link = await inviteRestrictedTeammate(owner, email, ["API Keys", "Mail Send"]);
  await acceptInvitation(teammate, link, "Cam Changing", "cam-password-123");

  // The teammate opens the create form while still allowed to create keys…
  await teammate.goto("/settings/api_keys");
  await teammate.getByRole("button", { name: "Create API Key" }).click();
  await teammate.getByRole("menuitem", { name: "General API Key" }).click();
  const form = teammate.getByRole("dialog", { name: "Create General API Key" });
  await form.getByLabel("API Key Name").fill("too late");
  await form.getByRole("radio", { name: /^Restricted Access/ }).check();
  await form.getByRole("group", { name: "Mail Send" }).getByRole("radio", { name: "Full Access" }).check();

  // …the owner reduces API Keys to Read Access…
  await owner.goto("/settings/teammates");
  await owner.getByRole("button", { name: "Actions for Cam Changing" }).click();
  await owner.getByRole("menuitem", { name: "Edit" }).click();
  const edit = owner.getByRole("dialog", { name: "Edit Teammate: Cam Changing" });
  await edit.getByRole("group", { name: "API Keys" }).getByRole("radio", { name: "Read Access" }).check();
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();

  // …and the teammate's save is refused by the server, in the form.
  await form.getByRole("button", { name: "Create & View" }).click();
  await expect(form.getByRole("alert")).toContainText("You do not have permission to create API keys");
  await form.getByRole("button", { name: "Cancel" }).click();
  await teammate.reload();
  await expect(teammate.getByRole("button", { name: "Create API Key" })).toHaveCount(0);

  // Removed: the next page load shows no account at all.
  await owner.getByRole("button", { name: "Actions for Cam Changing" }).click();
  await owner.getByRole("menuitem", { name: "Remove" }).click();
  await owner.getByRole("alertdialog", { name: "Remove Teammate" }).getByRole("button", { name: "Remove" }).click();
  await expect(owner.getByRole("row").filter({ hasText: email })).toHaveCount(0);
  await teammate.reload();
  await expect(teammate.getByText("You are not a member of any account yet.")).toBeVisible();
  await expect(teammate.getByRole("cell", { name: "Production mail", exact: true })).toHaveCount(0);

  await ownerContext.close();
  await teammateContext.close();
});
