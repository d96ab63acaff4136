import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { keyRowById, openCreateDialog, levelRadio, uniqueKeyName } from "./support/api-keys-page.ts";
import { e2eDatabaseFile } from "./support/database.ts";

test("a key's own page: permissions, raw scopes, a curl line with its id, and its history", async ({ page }) => {
  const name = uniqueKeyName("Page");
  await page.goto("/settings/api_keys");
  const form = await openCreateDialog(page, "General");
  await form.getByLabel("API Key Name").fill(name);
  await form.getByRole("radio", { name: /^Restricted Access/ }).check();
  await levelRadio(form, "Mail Send", "Full Access").check();
  await form.getByRole("button", { name: "Create & View" }).click();
  const created = page.getByRole("alertdialog", { name: "API Key Created" });
  const key = await created.getByRole("textbox", { name: "API key" }).inputValue();
  const [, id, secret] = key.split(".") as [string, string, string];
  await created.getByRole("button", { name: "Done" }).click();

  await keyRowById(page, id).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/settings/api_keys/${id}$`));
  const permissions = page.getByRole("region", { name: "Permissions" });
  await expect(permissions.getByRole("row", { name: "Mail Send Full Access" })).toBeVisible();
  await expect(permissions.getByRole("list", { name: "Raw scopes" }).getByRole("listitem")).toHaveText([
    "mail.batch.create",
    "mail.batch.delete",
    "mail.batch.read",
    "mail.batch.update",
    "mail.send",
  ]);
  const tryIt = page.getByRole("region", { name: "Try this key" });
  await expect(tryIt).toContainText(`Bearer SG.${id}.<YOUR_SECRET>`);
  await expect(tryIt).toContainText("/v3/scopes");
  await expect(tryIt).toContainText("The API key ID alone is not the key");
  await expect(page.getByRole("region", { name: "History" }).getByRole("cell", { name: "Created", exact: true })).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  // An id that is not this account's is simply not there. (The dashboard's loading state streams
  // the page, so the answer's status is already sent; the not-found page is what shows.)
  await page.goto("/settings/api_keys/AAAAAAAAAAAAAAAAAAAAAA");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "AAAAAAAAAAAAAAAAAAAAAA" })).toBeHidden();
});

// The key's page is looked up before anything is streamed (no loading boundary above it), so "not
// yours" and "not there" are a real 404, as for an unknown address, and look the same.
test("another account's key, an unknown id and an unknown message answer HTTP 404 with the branded page", async ({ page }) => {
  for (const path of [`/settings/api_keys/${keyOfAnotherAccount()}`, "/settings/api_keys/AAAAAAAAAAAAAAAAAAAAAA", "/settings/api_keys/not-an-id", "/settings/email_activity/no-such-message"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to Keyward" })).toHaveAttribute("href", "/");
  }
});

// Any key outside Acme Mail, the demo owner's only account; read at test time, as journeys delete keys.
function keyOfAnotherAccount(): string {
  const db = new Database(e2eDatabaseFile(), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`SELECT k.id FROM "ApiKey" k JOIN "Account" a ON a.id = k.accountId WHERE a.name <> 'Acme Mail' LIMIT 1`).get() as { id: string } | undefined;
    if (!row) throw new Error("the e2e database has no key outside Acme Mail");
    return row.id;
  } finally {
    db.close();
  }
}
