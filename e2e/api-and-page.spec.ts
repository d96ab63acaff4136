import { expect, test } from "@playwright/test";
import { createKeyOnPage, keyRow, rowAction, uniqueKeyName, v3 } from "./support/api-keys-page.ts";

// The API and the page share lib/data: a change made through one shows on the other at once.

test("a key created, renamed and deleted through the API or the page shows on the other at once", async ({ page, baseURL }) => {
  const callerName = uniqueKeyName("API caller");
  const key = await createKeyOnPage(page, "General", callerName);
  const callerId = key.split(".")[1]!;

  try {
    // API → page: a key created through /v3 is listed after a reload.
    const name = uniqueKeyName("Made by API");
    const created = await v3(baseURL, key, "POST", "/v3/api_keys", { name, scopes: ["mail.send"] });
    expect(created.status).toBe(201);
    const { api_key_id: id } = (await created.json()) as { api_key_id: string };
    await page.reload();
    await expect(keyRow(page, name)).toBeVisible();
    await expect(keyRow(page, name).getByRole("cell", { name: id, exact: true })).toBeVisible();

    // Page → API: renamed on the page, read back through /v3.
    const renamed = uniqueKeyName("Renamed on page");
    await rowAction(page, name, "Edit");
    const edit = page.getByRole("dialog", { name: `Edit API Key: ${name}` });
    await edit.getByLabel("API Key Name").fill(renamed);
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit).toBeHidden();
    const read = await v3(baseURL, key, "GET", `/v3/api_keys/${id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ api_key_id: id, name: renamed });

    // API → page: deleted through /v3, gone from the list after a reload.
    expect((await v3(baseURL, key, "DELETE", `/v3/api_keys/${id}`)).status).toBe(204);
    await page.reload();
    await expect(keyRow(page, callerName)).toBeVisible();
    await expect(keyRow(page, renamed)).toHaveCount(0);
  } finally {
    await v3(baseURL, key, "DELETE", `/v3/api_keys/${callerId}`);
  }
});

test("the billing e-mail changed through the API shows on Settings › Billing, and the reverse", async ({ page, baseURL }) => {
  const keyName = uniqueKeyName("Billing API");
  const billingKey = await createKeyOnPage(page, "Billing", keyName);
  const stamp = `${Date.now().toString(36)}-${process.pid}`;

  // API → page.
  const fromApi = `api-${stamp}@example.test`;
  const patched = await v3(baseURL, billingKey, "PATCH", "/v3/billing/profile", { billing_email: fromApi });
  expect(patched.status).toBe(200);
  await page.goto("/settings/billing");
  const email = page.getByLabel("Billing e-mail");
  await expect(email).toHaveValue(fromApi);

  // Page → API.
  const fromPage = `page-${stamp}@example.test`;
  await email.fill(fromPage);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Billing e-mail saved.")).toBeVisible();
  const read = await v3(baseURL, billingKey, "GET", "/v3/billing/profile");
  expect(read.status).toBe(200);
  expect(await read.json()).toMatchObject({ billing_email: fromPage });

  // A billing key cannot manage keys: it is deleted on the page.
  await page.goto("/settings/api_keys");
  await rowAction(page, keyName, "Delete");
  await page.getByRole("alertdialog", { name: "Delete API Key" }).getByRole("button", { name: "Delete", exact: true }).click();
  await expect(keyRow(page, keyName)).toHaveCount(0);
});
