import { readFileSync, existsSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { findSecret } from "../test/secret-forms.ts";
import { e2eDatabaseFile } from "./support/database.ts";
import { API_KEY_FORMAT, keyRow, levelRadio, openCreateDialog, uniqueKeyName, v3 } from "./support/api-keys-page.ts";

// A key's secret leaves the server once, in its create response (the page's action or /v3),
// sent with Cache-Control: no-store; afterwards no page, no RSC payload, no log line and no
// byte of the database holds it, in plain, hex or base64 form.
// Every page the owner can open (the support pages refuse them), and below, each key's own page.
const pages = [
  "/",
  "/settings/api_keys",
  "/settings/teammates",
  "/settings/billing",
  "/settings/audit_log",
  "/settings/email_activity",
  "/profile",
  "/support",
  "/sign-in",
];

test("a secret is in its create response only, sent with no-store, and nowhere after", async ({ page, baseURL }) => {
  const name = uniqueKeyName("Secret scan");
  await page.goto("/settings/api_keys");
  const form = await openCreateDialog(page, "General");
  await form.getByLabel("API Key Name").fill(name);
  await form.getByRole("group", { name: "API Key Permissions" }).getByRole("radio", { name: /^Full Access/ }).check();
  // The action's response is taken on its way to the page (route.fetch): Chromium may drop a
  // response's body once the router moves on, so reading it afterwards is not reliable.
  let action: { headers: Record<string, string>; body: Buffer } | undefined;
  await page.route(
    (url) => url.pathname === "/settings/api_keys",
    async (route) => {
      if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.fallback();
      const response = await route.fetch();
      action = { headers: response.headers(), body: await response.body() };
      await route.fulfill({ response });
    },
  );
  await form.getByRole("button", { name: "Create & View" }).click();
  const created = page.getByRole("alertdialog", { name: "API Key Created" });
  await expect(created).toBeVisible();
  await page.unrouteAll();
  if (!action) throw new Error("the create action's response was not seen");
  const pageKey = await created.getByRole("textbox", { name: "API key" }).inputValue();
  expect(pageKey).toMatch(API_KEY_FORMAT);
  // The action's answer carries the key: no cache on the way may keep it.
  expect(findSecret(action.body, pageKey)).toContain("key");
  expect(action.headers["cache-control"]).toContain("no-store");
  await created.getByRole("button", { name: "Done" }).click();

  const apiResponse = await v3(baseURL, pageKey, "POST", "/v3/api_keys", { name: uniqueKeyName("Secret scan API"), scopes: ["mail.send"] });
  expect(apiResponse.status).toBe(201);
  expect(apiResponse.headers.get("cache-control")).toBe("no-store");
  const { api_key: apiKey, api_key_id: apiKeyId } = (await apiResponse.json()) as { api_key: string; api_key_id: string };
  expect((await v3(baseURL, apiKey, "GET", "/v3/scopes")).status).toBe(200);

  try {
    await expect(keyRow(page, name)).toBeVisible();
    for (const path of [...pages, `/settings/api_keys/${pageKey.split(".")[1]}`, `/settings/api_keys/${apiKeyId}`]) {
      for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
        const response = await page.request.get(path, { headers });
        const body = await response.body();
        for (const key of [pageKey, apiKey]) expect({ path, headers, found: findSecret(body, key) }).toEqual({ path, headers, found: [] });
      }
    }
    // The page still names the key by its id: the scan reads what the owner is shown.
    expect((await (await page.request.get("/settings/api_keys")).text())).toContain(pageKey.split(".")[1]);
    for (const id of [pageKey.split(".")[1]!, apiKeyId]) {
      const keyPage = await page.request.get(`/settings/api_keys/${id}`);
      expect({ status: keyPage.status(), showsId: (await keyPage.text()).includes(id) }).toEqual({ status: 200, showsId: true });
    }

    const log = readFileSync("test-results/e2e-server.log");
    const file = e2eDatabaseFile();
    const database = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path)));
    expect(database.includes(Buffer.from(apiKeyId))).toBe(true);
    for (const key of [pageKey, apiKey]) {
      expect({ log: findSecret(log, key), database: findSecret(database, key) }).toEqual({ log: [], database: [] });
    }
  } finally {
    await v3(baseURL, pageKey, "DELETE", `/v3/api_keys/${apiKeyId}`);
    await v3(baseURL, pageKey, "DELETE", `/v3/api_keys/${pageKey.split(".")[1]}`);
  }
});

test("a name made of markup is shown as text and never run", async ({ page, baseURL }) => {
  const name = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> ${uniqueKeyName("xss")}`;
  await page.goto("/settings/api_keys");
  const form = await openCreateDialog(page, "General");
  await form.getByLabel("API Key Name").fill(name);
  // An owner's form opens on the Full Access preset; the per-category editor is Restricted Access.
  await form.getByRole("radio", { name: "Restricted Access" }).check();
  await levelRadio(form, "Mail Send", "Full Access").check();
  await form.getByRole("button", { name: "Create & View" }).click();
  const created = page.getByRole("alertdialog", { name: "API Key Created" });
  const key = await created.getByRole("textbox", { name: "API key" }).inputValue();
  await created.getByRole("button", { name: "Done" }).click();

  try {
    await page.reload();
    await expect(keyRow(page, name)).toBeVisible();
    await expect(page.locator("table img, table script")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.goto("/settings/audit_log");
    await expect(page.getByText(name).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  } finally {
    await v3(baseURL, key, "DELETE", `/v3/api_keys/${key.split(".")[1]}`);
  }
});
