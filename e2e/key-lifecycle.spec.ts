import { readFileSync } from "node:fs";
import { expect, test, type Response } from "@playwright/test";
import { API_KEY_FORMAT, keyRow, levelRadio, openCreateDialog, rowAction, uniqueKeyName } from "./support/api-keys-page.ts";

test("create a restricted key, see its secret once, edit it and delete it", async ({ page, context, baseURL }) => {
  const name = uniqueKeyName("Lifecycle");
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await page.goto("/settings/api_keys");

  // Create: General API Key, Restricted Access, Mail Send full and Stats read.
  const form = await openCreateDialog(page, "General");
  await form.getByLabel("API Key Name").fill(name);
  await form.getByRole("radio", { name: /^Restricted Access/ }).check();
  await levelRadio(form, "Mail Send", "Full Access").check();
  await levelRadio(form, "Stats", "Read Access").check();
  await form.getByRole("button", { name: "Create & View" }).click();

  // The secret, once.
  const created = page.getByRole("alertdialog", { name: "API Key Created" });
  await expect(created).toBeVisible();
  const keyBox = created.getByRole("textbox", { name: "API key" });
  await expect(keyBox).not.toBeEditable();
  const key = await keyBox.inputValue();
  expect(key).toMatch(API_KEY_FORMAT);
  const [, id, secret] = key.split(".") as [string, string, string];

  await created.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(created.getByText("Copied to clipboard")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  // The format is named, and the key comes as an environment-variable line with its own Copy.
  await expect(created).toContainText("starts with SG. and is 69 characters long");
  await expect(created.getByRole("textbox", { name: "Environment variable line" })).toHaveValue(`SENDGRID_API_KEY=${key}`);
  await created.getByRole("button", { name: "Copy line" }).click();
  await expect(created.getByText("Line copied to clipboard")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`SENDGRID_API_KEY=${key}`);

  // Only "Done" closes it: not Escape, however often (Chromium stops honouring a cancelled
  // Escape after the first), not a click on the backdrop.
  for (let press = 0; press < 3; press++) {
    await page.keyboard.press("Escape");
    await expect(created).toBeVisible();
  }
  await page.mouse.click(5, 5);
  await page.keyboard.press("Escape");
  await expect(created).toBeVisible();
  await expect(keyBox).toHaveValue(key);
  await created.getByRole("button", { name: "Done" }).click();
  await expect(created).toBeHidden();

  const row = keyRow(page, name);
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell", { name: id, exact: true })).toBeVisible();

  // After a reload nothing the server sends carries the secret: not the HTML, not the RSC payload
  // of a client-side navigation, not any script or data response.
  const bodies: Promise<string>[] = [];
  const record = (response: Response) => bodies.push(response.text().catch(() => ""));
  page.on("response", record);
  await page.reload();
  await expect(row).toBeVisible();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API Keys" }).click();
  await expect(row).toBeVisible();
  page.off("response", record);
  const rsc = await page.request.get("/settings/api_keys", { headers: { RSC: "1" } });
  const html = await page.request.get("/settings/api_keys");
  expect(await rsc.text()).toContain(id);
  expect(await html.text()).toContain(id);
  for (const body of [await page.content(), await rsc.text(), await html.text(), ...(await Promise.all(bodies))]) {
    expect(body).not.toContain(secret);
  }

  // Edit: Stats to No Access, Alerts to Read Access.
  await rowAction(page, name, "Edit");
  let edit = page.getByRole("dialog", { name: `Edit API Key: ${name}` });
  await expect(levelRadio(edit, "Mail Send", "Full Access")).toBeChecked();
  await expect(levelRadio(edit, "Stats", "Read Access")).toBeChecked();
  await levelRadio(edit, "Stats", "No Access").check();
  await levelRadio(edit, "Alerts", "Read Access").check();
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();

  await page.reload();
  await rowAction(page, name, "Edit");
  edit = page.getByRole("dialog", { name: `Edit API Key: ${name}` });
  await expect(levelRadio(edit, "Stats", "No Access")).toBeChecked();
  await expect(levelRadio(edit, "Alerts", "Read Access")).toBeChecked();
  await expect(levelRadio(edit, "Mail Send", "Full Access")).toBeChecked();
  await edit.getByRole("button", { name: "Cancel" }).click();
  await expect(edit).toBeHidden();

  // Delete, after a confirmation that names the key and says it is permanent.
  await rowAction(page, name, "Delete");
  const confirm = page.getByRole("alertdialog", { name: "Delete API Key" });
  await expect(confirm).toContainText(name);
  await expect(confirm).toContainText(/permanent/i);
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("table")).toBeVisible();
  await expect(row).toHaveCount(0);

  // Nothing the server printed while all this happened carries the secret.
  const serverLog = readFileSync("test-results/e2e-server.log", "utf8");
  expect(serverLog).toContain("Keyward production server");
  expect(serverLog).not.toContain(secret);
});
