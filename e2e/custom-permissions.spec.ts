import { expect, test } from "@playwright/test";
import { createKeyOnPage, levelRadio, rowAction, uniqueKeyName, v3 } from "./support/api-keys-page.ts";

test("scopes that match no whole level show as Custom and are kept unless that category changes", async ({ page, baseURL }) => {
  const caller = await createKeyOnPage(page, "General", uniqueKeyName("Custom caller"));
  // Through the API a key can hold part of a category: Alerts' create scope without its read.
  const name = uniqueKeyName("Partly alerts");
  const created = await v3(baseURL, caller, "POST", "/v3/api_keys", { name, scopes: ["alerts.create", "mail.send"] });
  expect(created.status).toBe(201);
  const { api_key_id: id } = (await created.json()) as { api_key_id: string };

  await page.reload();
  await rowAction(page, name, "Edit");
  const edit = page.getByRole("dialog", { name: `Edit API Key: ${name}` });
  await expect(levelRadio(edit, "Alerts", "Custom")).toBeChecked();
  // mail.send alone is only part of Mail Send (which also has the batch scopes): Custom too.
  await expect(levelRadio(edit, "Mail Send", "Custom")).toBeChecked();
  await levelRadio(edit, "Stats", "Read Access").check();
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();

  const read = await v3(baseURL, caller, "GET", `/v3/api_keys/${id}`);
  const { scopes } = (await read.json()) as { scopes: string[] };
  expect(scopes).toContain("alerts.create");
  expect(scopes).not.toContain("alerts.read");
  expect(scopes).toContain("mail.send");
  expect(scopes).toContain("stats.read");

  // Choosing a whole level for the category replaces the partial one.
  await page.reload();
  await rowAction(page, name, "Edit");
  await levelRadio(edit, "Alerts", "Read Access").check();
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  const after = (await (await v3(baseURL, caller, "GET", `/v3/api_keys/${id}`)).json()) as { scopes: string[] };
  expect(after.scopes).toContain("alerts.read");
  expect(after.scopes).not.toContain("alerts.create");

  for (const keyId of [id, caller.split(".")[1]!]) await v3(baseURL, caller, "DELETE", `/v3/api_keys/${keyId}`);
});
