import { expect, test } from "@playwright/test";
import { expectNoViolations, VIEWPORTS } from "./support/axe.ts";
import { createKeyOnPage, keyRow, keyRowById, uniqueKeyName, v3 } from "./support/api-keys-page.ts";

// Counts reach the database within about a second (the server flushes every second): the pages
// are reloaded until they show them, never waited on blindly.
test.describe.configure({ timeout: 120_000 });

test("a key's use shows on its page as a 7-day chart with a table, and in the list as a 24-hour sparkline", async ({ page, baseURL }) => {
  const name = uniqueKeyName("Usage");
  const key = await createKeyOnPage(page, "General", name);
  const id = key.split(".")[1]!;

  // Unused yet: the list says so in the sparkline's name.
  await expect(keyRowById(page, id).getByRole("img", { name: "0 requests in the last 24 hours" })).toBeVisible();

  // Three requests and one mail/send request with two messages (two personalizations).
  for (let i = 0; i < 3; i++) expect((await v3(baseURL, key, "GET", "/v3/scopes")).status).toBe(200);
  const sent = await v3(baseURL, key, "POST", "/v3/mail/send", {
    personalizations: [{ to: [{ email: "ada@example.com" }] }, { to: [{ email: "grace@example.com" }] }],
    from: { email: "sender@example.com" },
    subject: "Counted",
    content: [{ type: "text/plain", value: "Hi" }],
  });
  expect(sent.status).toBe(202);

  await page.goto(`/settings/api_keys/${id}`);
  const usage = page.getByRole("region", { name: "Usage" });
  const chart = usage.getByRole("img", { name: "Bar chart of requests and messages per day: 4 requests and 2 messages in the last 7 days" });
  await expect(async () => {
    await page.reload();
    await expect(chart).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // The same numbers as a table, one row per day, today last.
  const table = usage.getByRole("table", { name: "Requests and messages per day, last 7 days (UTC)" });
  await expect(table).toBeHidden();
  await usage.getByText("Show as table").click();
  await expect(table).toBeVisible();
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(8);
  await expect(rows.first()).toHaveText(/Day\s*Requests\s*Messages/);
  const today = new Date().toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });
  await expect(table.getByRole("row", { name: `${today} 4 2` })).toBeVisible();
  await expect(rows.nth(1).getByRole("cell")).toHaveText(["0", "0"]);
  await expectNoViolations(page, "key page with usage, table shown");

  await page.goto("/settings/api_keys");
  await expect(keyRowById(page, id).getByRole("img", { name: "4 requests and 2 messages in the last 24 hours" })).toBeVisible();
  await expect(keyRowById(page, id)).not.toContainText("Unused");
});

test("a key with no use in 30 days is marked Unused; a new one is not", async ({ page }) => {
  await page.goto("/settings/api_keys");
  // The demo seed made "Stats dashboard" 45 days ago and never used it.
  await expect(keyRow(page, "Stats dashboard").getByText("Unused", { exact: true })).toBeVisible();
  await expect(keyRow(page, "Production mail").getByText("Unused", { exact: true })).toHaveCount(0);
  // The seed's week of use for "Production mail" is drawn too.
  await expect(keyRow(page, "Production mail").getByRole("img", { name: /^[\d,]+ requests and [\d,]+ messages in the last 24 hours$/ })).toBeVisible();

  await keyRow(page, "Stats dashboard").getByRole("link", { name: "Stats dashboard", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Stats dashboard", level: 1 })).toBeVisible();
  await expect(page.getByText("Unused (no use in the last 30 days)")).toBeVisible();
  await expect(page.getByRole("img", { name: "Bar chart of requests and messages per day: 0 requests and 0 messages in the last 7 days" })).toBeVisible();
});

for (const viewport of VIEWPORTS) {
  test(`the key page with a week of use is axe-clean at ${viewport.width} px, table shown or not`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/settings/api_keys");
    const row = keyRow(page, "Production mail");
    await row.getByRole("link", { name: "Production mail", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Production mail", level: 1 })).toBeVisible();
    await expectNoViolations(page, "key page with a week of use");
    await page.getByText("Show as table").click();
    await expectNoViolations(page, "key page, usage table shown");
  });
}
