import { expect, type Locator, type Page } from "@playwright/test";

// SendGrid's key format: "SG." + 22-character id + "." + 43-character secret, all base64url.
export const API_KEY_FORMAT = /^SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/;

let sequence = 0;
/** Names unique across workers and runs, so journeys never trip over each other's keys. */
export function uniqueKeyName(label: string): string {
  return `${label} ${Date.now().toString(36)}-${process.pid}-${sequence++}`;
}

/** Opens "Create API Key" › General or Billing and returns the form's dialog. */
export async function openCreateDialog(page: Page, type: "General" | "Billing"): Promise<Locator> {
  await page.getByRole("button", { name: "Create API Key" }).click();
  await page.getByRole("menuitem", { name: `${type} API Key` }).click();
  const dialog = page.getByRole("dialog", { name: `Create ${type} API Key` });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The radio for one level ("No Access", "Read Access", "Full Access") of one permission category. */
export function levelRadio(scope: Locator, category: string, level: string): Locator {
  return scope.getByRole("group", { name: category, exact: true }).getByRole("radio", { name: level, exact: true });
}

/** A key's row found by its id: rolled keys share their name. */
export function keyRowById(page: Page, id: string): Locator {
  return page.getByRole("row").filter({ has: page.getByRole("cell", { name: id, exact: true }) });
}

export function keyRow(page: Page, name: string): Locator {
  return page.getByRole("row").filter({ has: page.getByText(name, { exact: true }) });
}

/** Opens the gear menu of a key's row and picks an item. */
export async function rowAction(page: Page, name: string, item: "Edit" | "Delete" | "Roll key" | "Disable" | "Enable") {
  await page.getByRole("button", { name: `Actions for ${name}`, exact: true }).click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
}

/** Creates a key on the page (a general Full Access key, or a billing key with Billing Full) and returns it. */
export async function createKeyOnPage(page: Page, type: "General" | "Billing", name: string): Promise<string> {
  await page.goto("/settings/api_keys");
  const form = await openCreateDialog(page, type);
  await form.getByLabel("API Key Name").fill(name);
  if (type === "General") await form.getByRole("group", { name: "API Key Permissions" }).getByRole("radio", { name: /^Full Access/ }).check();
  else await levelRadio(form, "Billing", "Full Access").check();
  await form.getByRole("button", { name: "Create & View" }).click();
  const created = page.getByRole("alertdialog", { name: "API Key Created" });
  const key = await created.getByRole("textbox", { name: "API key" }).inputValue();
  await created.getByRole("button", { name: "Done" }).click();
  await expect(created).toBeHidden();
  return key;
}

/** Calls Keyward's /v3 API with a key, as a program would. */
export function v3(baseURL: string | undefined, key: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${baseURL}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
