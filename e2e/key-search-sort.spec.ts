import { expect, test, type Page } from "@playwright/test";
import { createKeyOnPage, keyRowById, uniqueKeyName, v3 } from "./support/api-keys-page.ts";

const keyId = (key: string) => key.split(".")[1]!;

/** The names of the rows shown, top to bottom (the table's first column). */
async function shownNames(page: Page) {
  return page.getByRole("table").getByRole("row").locator("td:first-child a").allTextContents();
}

test("search by name or id and sort by name or last use, kept in the URL", async ({ page, baseURL }) => {
  const prefix = uniqueKeyName("Find");
  // Created b, a, c: newest first is c, a, b; by name a, b, c.
  const keyB = await createKeyOnPage(page, "General", `${prefix} b`);
  const keyA = await createKeyOnPage(page, "General", `${prefix} a`);
  await createKeyOnPage(page, "General", `${prefix} c`);

  const search = page.getByRole("search", { name: "API keys" });
  await search.getByRole("searchbox", { name: "Search keys" }).fill(prefix);
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect.poll(() => shownNames(page)).toEqual([`${prefix} c`, `${prefix} a`, `${prefix} b`]);

  await search.getByRole("combobox", { name: "Sort by" }).selectOption("Name (A–Z)");
  await expect(page).toHaveURL(/[?&]sort=name/);
  await expect.poll(() => shownNames(page)).toEqual([`${prefix} a`, `${prefix} b`, `${prefix} c`]);

  // The URL alone brings the same view back.
  await page.reload();
  await expect(search.getByRole("searchbox", { name: "Search keys" })).toHaveValue(prefix);
  await expect(search.getByRole("combobox", { name: "Sort by" })).toHaveValue("name");
  await expect.poll(() => shownNames(page)).toEqual([`${prefix} a`, `${prefix} b`, `${prefix} c`]);

  // By id: exactly that key.
  await search.getByRole("searchbox", { name: "Search keys" }).fill(keyId(keyA));
  await search.getByRole("button", { name: "Search" }).click();
  await expect.poll(() => shownNames(page)).toEqual([`${prefix} a`]);

  // Last used: b was used, so it comes first; the others say Never. Last use is written in
  // batches, so the page is reloaded until it shows.
  expect((await v3(baseURL, keyB, "GET", "/v3/scopes")).status).toBe(200);
  await page.goto(`/settings/api_keys?q=${encodeURIComponent(prefix)}&sort=last_used`);
  await expect(async () => {
    await page.reload();
    expect(await shownNames(page)).toEqual([`${prefix} b`, `${prefix} c`, `${prefix} a`]);
    await expect(keyRowById(page, keyId(keyB)).getByText("Just now")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(keyRowById(page, keyId(keyA)).getByText("Never")).toBeVisible();

  // The exact time shows on focus, not only on hover.
  const used = keyRowById(page, keyId(keyB)).getByText("Just now");
  await used.focus();
  await expect(page.getByRole("tooltip").filter({ hasText: /UTC$/ })).toBeVisible();

  // Nothing matches: said plainly.
  await search.getByRole("searchbox", { name: "Search keys" }).fill(`${prefix} zzz`);
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText(`No API keys match “${prefix} zzz”.`)).toBeVisible();
});
