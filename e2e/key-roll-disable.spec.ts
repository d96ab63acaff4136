import { expect, test, type Page } from "@playwright/test";
import { API_KEY_FORMAT, createKeyOnPage, keyRowById, openCreateDialog, rowAction, uniqueKeyName, v3 } from "./support/api-keys-page.ts";

const keyId = (key: string) => key.split(".")[1]!;

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

test("roll a key: with a grace both keys work; with Expire now only the new one does", async ({ page, baseURL }) => {
  const name = uniqueKeyName("Roll");
  const first = await createKeyOnPage(page, "General", name);

  // One hour's grace: both work now (the hour itself is proved with an injected clock in
  // lib/data/api-key-lifecycle.test.ts), and both rows show the link.
  const second = await roll(page, name, "In 1 hour");
  expect(await status(baseURL, first)).toBe(200);
  expect(await status(baseURL, second)).toBe(200);
  await expect(keyRowById(page, keyId(first)).getByText(`Replaced by ${keyId(second)}`)).toBeVisible();
  await expect(keyRowById(page, keyId(second)).getByText(`Replaces ${keyId(first)}`)).toBeVisible();
  await expect(keyRowById(page, keyId(first)).getByText(/^Expires /)).toBeVisible();

  // Expire now: the second key is refused from its next request, the third works.
  await page.locator(`#api-key-actions-${keyId(second)}`).click();
  await page.getByRole("menuitem", { name: "Roll key", exact: true }).click();
  const dialog = page.getByRole("alertdialog", { name: "Roll API Key" });
  await dialog.getByRole("radio", { name: "Expire now" }).check();
  await dialog.getByRole("button", { name: "Roll key" }).click();
  const created = page.getByRole("alertdialog", { name: "API Key Created" });
  const third = await created.getByRole("textbox", { name: "API key" }).inputValue();
  await created.getByRole("button", { name: "Done" }).click();

  expect(await status(baseURL, second)).toBe(401);
  expect(await status(baseURL, third)).toBe(200);
  const expired = keyRowById(page, keyId(second));
  await expect(expired.getByText("Expired", { exact: true })).toBeVisible();

  // An expired key can only be deleted.
  await page.locator(`#api-key-actions-${keyId(second)}`).click();
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
