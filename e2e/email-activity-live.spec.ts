import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { createKeyOnPage, uniqueKeyName, v3 } from "./support/api-keys-page.ts";
import { e2eDatabaseFile } from "./support/database.ts";

// Email Activity while it is open: a message sent meanwhile appears without a reload, a queued
// message's new status shows too, and each change is announced politely.

/** Sends a one-line message with the key, as a program would. */
function sendMail(baseURL: string | undefined, key: string, subject: string) {
  return v3(baseURL, key, "POST", "/v3/mail/send", {
    personalizations: [{ to: [{ email: "ada@example.com" }] }],
    from: { email: "live@example.com" },
    subject,
    content: [{ type: "text/plain", value: "hello" }],
  });
}

/** Runs a statement on the e2e server's database from outside, as the delivery worker would write. */
function writeRow(sql: string, ...values: (string | null)[]) {
  const db = new Database(e2eDatabaseFile(), { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    expect(db.prepare(sql).run(...values).changes).toBe(1);
  } finally {
    db.close();
  }
}

test("a message sent while the page is open appears without a reload", async ({ page, baseURL }) => {
  const key = await createKeyOnPage(page, "General", uniqueKeyName("Live mailer"));
  const subject = `Live ${Date.now().toString(36)}-${process.pid}`;
  try {
    await page.goto("/settings/email_activity");
    const table = page.getByRole("table", { name: "Messages, newest first" });
    await expect(page.getByRole("heading", { name: "Email Activity", level: 1 })).toBeVisible();
    // Gone if the document were reloaded.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    const response = await sendMail(baseURL, key, subject);
    expect(response.status).toBe(202);
    await expect(table.getByRole("row").filter({ hasText: subject })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("status").filter({ hasText: "New messages arrived" })).toBeAttached();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  } finally {
    await v3(baseURL, key, "DELETE", `/v3/api_keys/${key.split(".")[1]}`);
  }
});

test("a queued message's new status shows without a reload", async ({ page, baseURL }) => {
  const key = await createKeyOnPage(page, "General", uniqueKeyName("Relayed mailer"));
  const subject = `Relayed ${Date.now().toString(36)}-${process.pid}`;
  try {
    const response = await sendMail(baseURL, key, subject);
    expect(response.status).toBe(202);
    const id = response.headers.get("x-message-id")!;
    // The e2e server has no upstream relay: the message is queued for one from outside, as the
    // pipeline queues it when SMTP_RELAY_URL is set (SQLite text, as Prisma's adapter writes it).
    const inAMinute = new Date(Date.now() + 60_000).toISOString().replace("Z", "+00:00");
    writeRow(`UPDATE "EmailMessage" SET "deliverAfter" = ? WHERE "id" = ?`, inAMinute, id);

    await page.goto("/settings/email_activity");
    const row = page.getByRole("table", { name: "Messages, newest first" }).getByRole("row").filter({ hasText: subject });
    await expect(row).toContainText("processed");
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    // The relay accepts it: the worker records the outcome.
    const attempts = JSON.stringify([{ at: new Date().toISOString(), outcome: "delivered", response: "250 2.0.0 Ok" }]);
    writeRow(`UPDATE "EmailMessage" SET "status" = 'delivered', "deliverAfter" = NULL, "deliveryAttempts" = ? WHERE "id" = ?`, attempts, id);
    await expect(row).toContainText("delivered", { timeout: 15_000 });
    await expect(page.getByRole("status").filter({ hasText: "A message is now delivered." })).toBeAttached();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  } finally {
    await v3(baseURL, key, "DELETE", `/v3/api_keys/${key.split(".")[1]}`);
  }
});
