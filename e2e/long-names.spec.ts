import { expect, test } from "@playwright/test";
import { createKeyOnPage, keyRow, rowAction } from "./support/api-keys-page.ts";

// At desktop width a 100-character name wraps inside its column: the Action column stays in the
// card, the columns keep their widths, and the whole name can be read.
test("a 100-character name wraps in place and column widths stay put", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/settings/api_keys");
  const headerWidths = () => page.getByRole("columnheader").evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().width)));
  const before = await headerWidths();

  const name = `Long-${Date.now().toString(36)}-${"n".repeat(100)}`.slice(0, 100);
  await createKeyOnPage(page, "General", name);
  const row = keyRow(page, name);
  await expect(row).toBeVisible();
  expect(await headerWidths()).toEqual(before);

  const card = await page.getByRole("table").boundingBox();
  const gear = await row.getByRole("button", { name: `Actions for ${name}` }).boundingBox();
  expect(gear!.x + gear!.width).toBeLessThanOrEqual(card!.x + card!.width);
  await expect(row.getByText(name, { exact: true })).toBeVisible();

  await rowAction(page, name, "Delete");
  await page.getByRole("alertdialog", { name: "Delete API Key" }).getByRole("button", { name: "Delete", exact: true }).click();
  await expect(row).toHaveCount(0);
});
