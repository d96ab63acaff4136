import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { e2eDatabaseFile } from "./support/database.ts";
import { createKeyOnPage, levelRadio, openCreateDialog, rowAction, uniqueKeyName } from "./support/api-keys-page.ts";

// The page's server actions, called directly as crafted POSTs rather than through the form: with
// another account's key id, with extra fields the form never sends, and from a foreign Origin.
// Each is refused and the database is exactly as before.

interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  args: unknown[];
}

/** Does something on the page, as a person would, and keeps the action request it sent. */
async function capture(page: Page, act: () => Promise<void>): Promise<CapturedAction> {
  const request = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await act();
  const sent = await request;
  const headers = Object.fromEntries(Object.entries(sent.headers()).filter(([name]) => /^(next-action|next-router-state-tree|accept|content-type)$/i.test(name)));
  return { url: sent.url(), headers, args: JSON.parse(sent.postData() ?? "[]") as unknown[] };
}

async function captureCreate(page: Page): Promise<CapturedAction> {
  await page.goto("/settings/api_keys");
  const form = await openCreateDialog(page, "General");
  await form.getByLabel("API Key Name").fill(uniqueKeyName("Captured"));
  // An owner's form opens on the Full Access preset; the per-category editor is Restricted Access.
  await form.getByRole("radio", { name: "Restricted Access" }).check();
  await levelRadio(form, "Mail Send", "Full Access").check();
  const action = await capture(page, () => form.getByRole("button", { name: "Create & View" }).click());
  await page.getByRole("alertdialog", { name: "API Key Created" }).getByRole("button", { name: "Done" }).click();
  return action;
}

async function captureEdit(page: Page, name: string): Promise<CapturedAction> {
  await page.goto("/settings/api_keys");
  await rowAction(page, name, "Edit");
  const edit = page.getByRole("dialog", { name: `Edit API Key: ${name}` });
  const action = await capture(page, () => edit.getByRole("button", { name: "Save" }).click());
  await expect(edit).toBeHidden();
  return action;
}

async function captureDelete(page: Page, name: string): Promise<CapturedAction> {
  await page.goto("/settings/api_keys");
  await rowAction(page, name, "Delete");
  const confirm = page.getByRole("alertdialog", { name: "Delete API Key" });
  const action = await capture(page, () => confirm.getByRole("button", { name: "Delete", exact: true }).click());
  await expect(confirm).toBeHidden();
  return action;
}

// Other journeys write to the same database at the same time, so the snapshot covers exactly what
// a crafted request could touch: the other account's key, and anything bearing a crafted name.
const craftedName = uniqueKeyName("Crafted");

function snapshot(foreignId: string) {
  const db = new Database(e2eDatabaseFile(), { readonly: true, fileMustExist: true });
  try {
    return {
      foreignKey: db.prepare(`SELECT id, accountId, name, type, scopes, secretHash, updatedAt FROM "ApiKey" WHERE id = ?`).get(foreignId),
      craftedKeys: db.prepare(`SELECT count(*) AS n FROM "ApiKey" WHERE name LIKE ?`).get(`${craftedName}%`),
      events: db.prepare(`SELECT count(*) AS n FROM "AuditEvent" WHERE targetKeyId = ? OR targetName LIKE ?`).get(foreignId, `${craftedName}%`),
    };
  } finally {
    db.close();
  }
}

function foreignKeyId(accountId: string): string {
  const db = new Database(e2eDatabaseFile(), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`SELECT id FROM "ApiKey" WHERE accountId <> ? LIMIT 1`).get(accountId) as { id: string } | undefined;
    if (!row) throw new Error("the seed has no key in another account");
    return row.id;
  } finally {
    db.close();
  }
}

test("crafted action POSTs are refused and change nothing", async ({ page }) => {
  const create = await captureCreate(page);
  const [accountId, captured] = create.args as [string, Record<string, unknown>];
  const input = { ...captured, name: craftedName };
  const editedName = uniqueKeyName("Crafted edit");
  await createKeyOnPage(page, "General", editedName);
  const edit = await captureEdit(page, editedName);
  const del = await captureDelete(page, editedName);
  const [, , capturedEdit] = edit.args as [string, string, Record<string, unknown>];
  const editInput = { ...capturedEdit, name: `${craftedName} edit` };
  const other = foreignKeyId(accountId);

  const post = (action: CapturedAction, args: unknown[], extraHeaders: Record<string, string> = {}) =>
    page.request.post(action.url, { headers: { ...action.headers, ...extraHeaders }, data: JSON.stringify(args) });
  const extras = { accountId: "another-account", secretHash: "0".repeat(64), type: "billing", scopes: ["billing.read", "billing.update"] };
  const foreignOrigin = { origin: "https://attacker.example" };

  const attempts: [string, () => ReturnType<typeof post>][] = [
    ["create with accountId, secretHash, type and billing scopes added", () => post(create, [accountId, { ...input, ...extras }])],
    ["create with a secretHash alone added", () => post(create, [accountId, { ...input, secretHash: "0".repeat(64) }])],
    ["create for an account the caller is not in", () => post(create, ["another-account", input])],
    ["create from a foreign Origin", () => post(create, [accountId, input], foreignOrigin)],
    ["edit of another account's key", () => post(edit, [accountId, other, { ...editInput, name: `${craftedName} taken over` }])],
    ["edit with extra fields", () => post(edit, [accountId, other, { ...editInput, ...extras }])],
    ["edit from a foreign Origin", () => post(edit, [accountId, other, editInput], foreignOrigin)],
    ["delete of another account's key", () => post(del, [accountId, other])],
    ["delete from a foreign Origin", () => post(del, [accountId, other], foreignOrigin)],
  ];
  // The replay itself works: the captured create, sent again unchanged, makes a key.
  const control = await post(create, [accountId, { ...input, name: uniqueKeyName("Replayed") }]);
  expect(control.status()).toBe(200);
  expect(await control.text()).toMatch(/SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/);

  const before = snapshot(other);
  expect(before.foreignKey).toBeDefined();
  const statuses: string[] = [];
  for (const [what, send] of attempts) {
    const response = await send();
    const body = await response.text();
    statuses.push(`${what}: ${response.status()}`);
    // Refused: an error status or the action's own refusal, and never a new key's secret.
    expect(body, what).not.toMatch(/SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/);
    expect(response.status() !== 200 || /"ok":false/.test(body), `${what}: ${response.status()} ${body.slice(0, 300)}`).toBe(true);
    // server.ts answers a cross-site action itself, before Next (which would answer 500).
    if (what.endsWith("from a foreign Origin")) expect(response.status(), what).toBe(403);
    expect(snapshot(other), what).toEqual(before);
  }
  console.log(statuses.join("\n"));
});
