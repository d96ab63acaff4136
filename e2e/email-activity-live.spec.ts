import { expect, test } from "@playwright/test";
import { createKeyOnPage, uniqueKeyName, v3 } from "./support/api-keys-page.ts";

// Email Activity while it is open: a message sent meanwhile appears without a reload, and the
// change is announced politely.

test("a message sent while the page is open appears without a reload", async ({ page, baseURL }) => {
  const key = await createKeyOnPage(page, "General", uniqueKeyName("Live mailer"));
  const subject = `Live ${Date.now().toString(36)}-${process.pid}`;
  try {
    await page.goto("/settings/email_activity");
    const table = page.getByRole("table", { name: "Messages, newest first" });
    await expect(page.getByRole("heading", { name: "Email Activity", level: 1 })).toBeVisible();
    // Gone if the document were reloaded.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    const response = await v3(baseURL, key, "POST", "/v3/mail/send", {
      personalizations: [{ to: [{ email: "ada@example.com" }] }],
      from: { email: "live@example.com" },
      subject,
      content: [{ type: "text/plain", value: "hello" }],
    });
    expect(response.status).toBe(202);
    await expect(table.getByRole("row").filter({ hasText: subject })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("status").filter({ hasText: "New messages arrived" })).toBeAttached();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  } finally {
    await v3(baseURL, key, "DELETE", `/v3/api_keys/${key.split(".")[1]}`);
  }
});
