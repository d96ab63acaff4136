import { expect, test, type Locator, type Page } from "@playwright/test";
import { API_KEY_FORMAT, uniqueKeyName } from "./support/api-keys-page.ts";

// Without the mouse: create, copy, edit and delete a key. The menus follow the WAI-ARIA menu
// button pattern, dialogs keep focus inside and hand it back somewhere sensible.

/** Presses Tab until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** Tabs through a dialog more times than it has controls; focus must never leave it. */
async function expectFocusTrapped(page: Page, dialog: Locator, presses = 8): Promise<void> {
  for (let press = 0; press < presses; press++) {
    await page.keyboard.press(press % 3 === 2 ? "Shift+Tab" : "Tab");
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
}

test("a key is created, copied, edited and deleted with the keyboard alone", async ({ page, context, baseURL }) => {
  test.setTimeout(60_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const name = uniqueKeyName("Keyboard");
  await page.goto("/settings/api_keys");
  await expect(page.getByRole("table")).toBeVisible();

  // The Create menu button: Enter opens it on its first item, arrows wrap, Escape closes it and
  // returns focus to the button.
  const create = page.getByRole("button", { name: "Create API Key" });
  await tabTo(page, create);
  await expect(create).toHaveAttribute("aria-haspopup", "menu");
  await page.keyboard.press("Enter");
  await expect(create).toHaveAttribute("aria-expanded", "true");
  const general = page.getByRole("menuitem", { name: "General API Key" });
  const billing = page.getByRole("menuitem", { name: "Billing API Key" });
  await expect(general).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(billing).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(general).toBeFocused();
  await page.keyboard.press("End");
  await expect(billing).toBeFocused();
  await page.keyboard.press("Home");
  await expect(general).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(create).toBeFocused();

  // Escape on the form's dialog gives focus back to Create.
  await page.keyboard.press("ArrowDown");
  await expect(general).toBeFocused();
  await page.keyboard.press("Enter");
  const form = page.getByRole("dialog", { name: "Create General API Key" });
  await expect(form.getByLabel("API Key Name")).toBeFocused();
  await expectFocusTrapped(page, form);
  await page.keyboard.press("Escape");
  await expect(form).toBeHidden();
  await expect(create).toBeFocused();

  // Create: the form opens at Full Access, so a name and Enter are enough.
  await page.keyboard.press("Enter");
  await expect(general).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(form.getByLabel("API Key Name")).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");

  // The shown-once dialog traps focus; Copy says it worked; Done hands focus to the new row.
  const created = page.getByRole("alertdialog", { name: "API Key Created" });
  await expect(created).toBeVisible();
  await expectFocusTrapped(page, created);
  const copy = created.getByRole("button", { name: "Copy", exact: true });
  await tabTo(page, copy);
  await page.keyboard.press("Enter");
  await expect(created.getByText("Copied to clipboard")).toBeVisible();
  const key = await page.evaluate(() => navigator.clipboard.readText());
  expect(key).toMatch(API_KEY_FORMAT);
  await tabTo(page, created.getByRole("button", { name: "Done" }));
  await page.keyboard.press("Enter");
  await expect(created).toBeHidden();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "API key created" })).toBeVisible();

  // Edit: the key's name (a link to its page) is the next stop, then the row's gear; its menu
  // opens on Edit; Save hands focus back to it.
  await page.keyboard.press("Tab");
  await expect(row.getByRole("link", { name, exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  const gear = row.getByRole("button", { name: `Actions for ${name}` });
  await expect(gear).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Edit" })).toBeFocused();
  await page.keyboard.press("Enter");
  const edit = page.getByRole("dialog", { name: `Edit API Key: ${name}` });
  const renamed = `${name} renamed`;
  await expect(edit.getByLabel("API Key Name")).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.type(" renamed");
  await page.keyboard.press("Enter");
  await expect(edit).toBeHidden();
  const renamedGear = page.getByRole("button", { name: `Actions for ${renamed}`, exact: true });
  await expect(renamedGear).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "API key saved" })).toBeVisible();

  // Delete: ArrowDown opens the menu, End reaches Delete (the last item). Escape on the confirmation
  // returns to the gear; confirming moves focus to the next row's gear.
  const rows = page.getByRole("row");
  const position = await rows.evaluateAll((all, wanted) => all.findIndex((r) => r.textContent?.includes(wanted)), renamed);
  const nextName = (await rows.nth(position + 1).getByRole("button").getAttribute("aria-label"))?.replace("Actions for ", "");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Edit" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(page.getByRole("menuitem", { name: "Delete" })).toBeFocused();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("alertdialog", { name: "Delete API Key" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(renamedGear).toBeFocused();

  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Edit" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(page.getByRole("menuitem", { name: "Delete" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expectFocusTrapped(page, confirm, 5);
  await tabTo(page, confirm.getByRole("button", { name: "Delete", exact: true }));
  await page.keyboard.press("Enter");
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "API key deleted" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: renamed })).toHaveCount(0);
  expect(nextName).toBeTruthy();
  // Focus lands on the next row's gear, never on <body>. Other journeys share the owner's account
  // and may delete that row meanwhile: then the row after it, or Create, takes focus.
  await expect(page.locator(":focus")).toHaveAccessibleName(/^(Actions for .+|Create API Key)$/);
  const nextGear = page.getByRole("button", { name: `Actions for ${nextName}`, exact: true });
  if ((await nextGear.count()) > 0) await expect(nextGear).toBeFocused();
});
