import { expect, test, type Page } from "@playwright/test";
import { openCreateDialog, rowAction } from "./support/api-keys-page.ts";

// At 390 × 844 the whole product works without sideways scrolling, a 100-character name included.
test.use({ viewport: { width: 390, height: 844 } });

async function expectNoSidewaysScroll(page: Page, state: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page width in state "${state}"`).toBeLessThanOrEqual(innerWidth);
}

test("on a phone, a key with a 100-character name is created and deleted, and the page never scrolls sideways", async ({ page }) => {
  // 100 characters, with no space to break at: the worst case for a layout.
  const name = `Phone-${Date.now().toString(36)}-${"x".repeat(100)}`.slice(0, 100);
  await page.goto("/settings/api_keys");
  await expect(page.getByRole("table")).toBeVisible();
  await expectNoSidewaysScroll(page, "keys list");

  // The settings navigation sits behind a Menu button that says where the person is.
  const nav = page.getByRole("navigation", { name: "Settings" });
  const menu = nav.getByRole("button", { name: /^Menu/ });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Audit Log" })).toBeHidden();
  await menu.click();
  await expect(nav.getByRole("link", { name: "API Keys" })).toHaveAttribute("aria-current", "page");
  await expectNoSidewaysScroll(page, "menu open");
  await nav.getByRole("link", { name: "Audit Log" }).click();
  await expect(page.getByRole("heading", { name: "Audit Log", level: 1 })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expectNoSidewaysScroll(page, "audit log");
  await menu.click();
  await nav.getByRole("link", { name: "API Keys" }).click();
  await expect(page.getByRole("heading", { name: "API Keys", level: 1 })).toBeVisible();

  const form = await openCreateDialog(page, "General");
  await form.getByLabel("API Key Name").fill(name);
  await expectNoSidewaysScroll(page, "create form");
  await form.getByRole("button", { name: "Create & View" }).click();
  const created = page.getByRole("alertdialog", { name: "API Key Created" });
  const keyBox = created.getByRole("textbox", { name: "API key" });
  await expect(keyBox).toBeVisible();
  // The whole key is in view: the box is as tall as its wrapped content needs, nothing clipped.
  expect(await keyBox.evaluate((box) => box.scrollHeight <= box.clientHeight && box.scrollWidth <= box.clientWidth)).toBe(true);
  await expectNoSidewaysScroll(page, "shown-once dialog");
  await created.getByRole("button", { name: "Done" }).click();

  // The row keeps Name and Action; the gear is on screen, and the ID sits under the name.
  const row = page.getByRole("row").filter({ hasText: name });
  const gear = row.getByRole("button", { name: `Actions for ${name}` });
  await expect(gear).toBeInViewport();
  await expectNoSidewaysScroll(page, "list with a 100-character name");
  const header = page.getByRole("banner");
  await expect(header.getByRole("button", { name: "Sign out" })).toBeInViewport();
  expect(await header.evaluate((element) => element.getBoundingClientRect().height)).toBeLessThan(80);

  await rowAction(page, name, "Delete");
  const confirm = page.getByRole("alertdialog", { name: "Delete API Key" });
  await expectNoSidewaysScroll(page, "delete confirmation");
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "API key deleted" })).toBeVisible();
  await expect(row).toHaveCount(0);
  await expectNoSidewaysScroll(page, "after the delete");

  // The other settings pages and their dialogs fit as well.
  for (const path of ["/settings/teammates", "/settings/billing", "/no-such-page"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, path);
  }
  await page.goto("/settings/teammates");
  await page.getByRole("button", { name: "Invite Teammate" }).click();
  await page.getByRole("dialog", { name: "Invite Teammate" }).getByRole("radio", { name: "Restricted" }).check();
  await expectNoSidewaysScroll(page, "invitation dialog");
});
