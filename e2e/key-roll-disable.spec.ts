import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { API_KEY_FORMAT, createKeyOnPage, keyRowById, openCreateDialog, rowAction, uniqueKeyName, v3 } from "./support/api-keys-page.ts";
import { e2eDatabaseFile } from "./support/database.ts";

const keyId = (key: string) => key.split(".")[1]!;
const HOUR_MS = 3_600_000;

/** A key's expiry as the server stored it in the e2e database. */
function storedExpiry(id: string): Date;
function storedExpiry(id: string, options: { nullable: true }): Date | null;
function storedExpiry(id: string, options?: { nullable: true }): Date | null {
  const db = new Database(e2eDatabaseFile(), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`SELECT "expiresAt" FROM "ApiKey" WHERE "id" = ?`).get(id) as { expiresAt: string | null } | undefined;
    expect(row).toBeDefined();
    if (row!.expiresAt === null) {
      if (!options?.nullable) throw new Error(`key ${id} has no expiry`);
      return null;
    }
    return new Date(row!.expiresAt);
  } finally {
    db.close();
  }
}

/** Moves a key's stored expiry, in the text Prisma's SQLite adapter writes ("…T05:00:00.000+00:00"). */
function setStoredExpiry(id: string, expiresAt: Date) {
  const db = new Database(e2eDatabaseFile(), { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    expect(db.prepare(`UPDATE "ApiKey" SET "expiresAt" = ? WHERE "id" = ?`).run(expiresAt.toISOString().replace("Z", "+00:00"), id).changes).toBe(1);
  } finally {
    db.close();
  }
}

async function status(baseURL: string | undefined, key: string) {
  return (await v3(baseURL, key, "GET", "/v3/scopes")).status;
}

/** Rolls the key named `name` with the given grace and returns the replacement, shown once. */
async function roll(page: Page, name: string, grace: "Expire now" | "In 1 hour") {
  await rowAction(page, name, "Roll key");
  const dialog = page.getByRole("alertdialog", { name: "Roll API Key" });
  await dialog.getByRole("radio", { name: grace }).check();
  await dialog.getByRole("button", { name: "Roll key" }).click();
  const created = page.getByRole("alertdialog", { name: "API Key Created" });
  const key = await created.getByRole("textbox", { name: "API key" }).inputValue();
  expect(key).toMatch(API_KEY_FORMAT);
  await created.getByRole("button", { name: "Done" }).click();
  await expect(created).toBeHidden();
  return key;
}

test("disable a key: /v3 refuses it at once; enable it: /v3 accepts it again", async ({ page, baseURL }) => {
  const name = uniqueKeyName("Disable");
  const key = await createKeyOnPage(page, "General", name);
  const row = keyRowById(page, keyId(key));
  expect(await status(baseURL, key)).toBe(200);

  await rowAction(page, name, "Disable");
  await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `API key disabled: ${name}` })).toBeVisible();
  expect(await status(baseURL, key)).toBe(401);

  await rowAction(page, name, "Enable");
  await expect(row.getByText("Disabled", { exact: true })).toBeHidden();
  expect(await status(baseURL, key)).toBe(200);
});

test("roll with a 1-hour grace: both keys work during the hour, only the new one after it, and the audit log records the roll", async ({ page, baseURL }) => {
  const name = uniqueKeyName("Roll");
  const first = await createKeyOnPage(page, "General", name);
  const before = Date.now();
  const second = await roll(page, name, "In 1 hour");

  // During the grace: both keys work, and both rows show the link.
  expect(await status(baseURL, first)).toBe(200);
  expect(await status(baseURL, second)).toBe(200);
  await expect(keyRowById(page, keyId(first)).getByText(`Replaced by ${keyId(second)}`)).toBeVisible();
  await expect(keyRowById(page, keyId(second)).getByText(`Replaces ${keyId(first)}`)).toBeVisible();
  await expect(keyRowById(page, keyId(first)).getByText(/^Expires /)).toBeVisible();

  // The grace is an hour from the roll. The server has no clock a test may set, so the hour
  // passes for this key alone: its stored expiry moves back by the grace, from outside the app.
  const expiresAt = storedExpiry(keyId(first));
  expect(expiresAt.getTime()).toBeGreaterThanOrEqual(before + HOUR_MS);
  expect(expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + HOUR_MS);
  expect(storedExpiry(keyId(second), { nullable: true })).toBeNull();
  setStoredExpiry(keyId(first), new Date(expiresAt.getTime() - HOUR_MS));

  // After the grace: the old key is refused from its very next request (it was accepted just
  // before, so nothing may remember it), the new one still works, and the page says so.
  expect(await status(baseURL, first)).toBe(401);
  expect(await status(baseURL, second)).toBe(200);
  await page.reload();
  await expect(keyRowById(page, keyId(first)).getByText("Expired", { exact: true })).toBeVisible();
  await expect(keyRowById(page, keyId(second)).getByText("Expired", { exact: true })).toBeHidden();

  // The audit log records the roll: the old key, its replacement and the end of the grace.
  await page.goto("/settings/audit_log?action=key.rolled");
  const event = page.getByRole("row").filter({ hasText: `Replaced by ${keyId(second)}; old key expires ${expiresAt.toISOString()}` });
  await expect(event).toHaveCount(1);
  await expect(event.getByRole("cell", { name: name, exact: true })).toBeVisible();
  await expect(event.getByRole("cell", { name: "Key rolled", exact: true })).toBeVisible();
});

test("roll with Expire now: the old key is refused at once, the new one works, the old one can only be deleted", async ({ page, baseURL }) => {
  const name = uniqueKeyName("Roll now");
  const first = await createKeyOnPage(page, "General", name);
  const second = await roll(page, name, "Expire now");

  expect(await status(baseURL, first)).toBe(401);
  expect(await status(baseURL, second)).toBe(200);
  await expect(keyRowById(page, keyId(first)).getByText("Expired", { exact: true })).toBeVisible();

  // An expired key can only be deleted.
  await page.locator(`#api-key-actions-${keyId(first)}`).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Delete"]);
  await page.keyboard.press("Escape");
});

test("a key created with an expiry date shows it", async ({ page }) => {
  const name = uniqueKeyName("Expiring");
  await page.goto("/settings/api_keys");
  const form = await openCreateDialog(page, "General");
  await form.getByLabel("API Key Name").fill(name);
  await form.getByRole("combobox", { name: "Expires" }).selectOption("On a date");
  await form.getByLabel("Expiry date (UTC)").fill("2031-03-01");
  await form.getByRole("button", { name: "Create & View" }).click();
  const created = page.getByRole("alertdialog", { name: "API Key Created" });
  const key = await created.getByRole("textbox", { name: "API key" }).inputValue();
  await created.getByRole("button", { name: "Done" }).click();
  await expect(keyRowById(page, keyId(key)).getByText("Expires 2031-03-01 00:00 UTC")).toBeVisible();
});
