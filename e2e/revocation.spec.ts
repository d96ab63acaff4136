import { expect, test } from "@playwright/test";
import { openCreateDialog, rowAction, uniqueKeyName } from "./support/api-keys-page.ts";

interface Call {
  startedAt: number;
  status: number;
}

test("a key deleted on the page is refused by /v3 from the next request on", async ({ page, baseURL }) => {
  const name = uniqueKeyName("Revoked");
  await page.goto("/settings/api_keys");
  const form = await openCreateDialog(page, "General");
  await form.getByLabel("API Key Name").fill(name);
  await form.getByRole("group", { name: "API Key Permissions" }).getByRole("radio", { name: /^Full Access/ }).check();
  await form.getByRole("button", { name: "Create & View" }).click();
  const created = page.getByRole("alertdialog", { name: "API Key Created" });
  const key = await created.getByRole("textbox", { name: "API key" }).inputValue();
  await created.getByRole("button", { name: "Done" }).click();

  // A program keeps calling the API with the key while a person deletes it on the page.
  const calls: Call[] = [];
  let running = true;
  const program = (async () => {
    while (running) {
      const startedAt = Date.now();
      const response = await fetch(`${baseURL}/v3/scopes`, { headers: { Authorization: `Bearer ${key}` } });
      await response.arrayBuffer();
      calls.push({ startedAt, status: response.status });
    }
  })();
  await expect.poll(() => calls.filter((call) => call.status === 200).length).toBeGreaterThan(5);

  await rowAction(page, name, "Delete");
  const confirm = page.getByRole("alertdialog", { name: "Delete API Key" });
  // The server action answers only after the deletion has committed.
  const deleted = page.waitForResponse((response) => response.request().method() === "POST" && "next-action" in response.request().headers());
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await deleted;
  const committedBy = Date.now();
  await expect(confirm).toBeHidden();
  await expect.poll(() => calls.filter((call) => call.startedAt > committedBy).length).toBeGreaterThan(5);
  running = false;
  await program;

  expect(calls.filter((call) => call.startedAt < committedBy).some((call) => call.status === 200)).toBe(true);
  const after = calls.filter((call) => call.startedAt > committedBy);
  expect(after.map((call) => call.status)).toEqual(after.map(() => 401));

  const refused = await fetch(`${baseURL}/v3/api_keys`, { headers: { Authorization: `Bearer ${key}` } });
  expect(refused.status).toBe(401);
  expect(await refused.json()).toEqual({ errors: [{ field: null, message: "authorization required" }] });
});
