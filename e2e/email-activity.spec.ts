import { Client } from "@sendgrid/client";
import { MailService } from "@sendgrid/mail";
import { expect, test } from "@playwright/test";
import nodemailer from "nodemailer";
import { createKeyOnPage, uniqueKeyName, v3 } from "./support/api-keys-page.ts";
import { e2eSmtpRelayPort } from "./support/smtp-relay.ts";

// A person makes a key on the page, their code sends with it (SendGrid's library over HTTP,
// nodemailer over the served SMTP relay), and the messages show in Settings › Email Activity.

test("messages sent with a key made on the page show in Email Activity, can be searched and opened, and their scripts never run", async ({ page, baseURL }) => {
  const keyName = uniqueKeyName("Mailer");
  const key = await createKeyOnPage(page, "General", keyName);
  const stamp = `${Date.now().toString(36)}-${process.pid}`;
  const httpSubject = `Invoice ${stamp}`;
  const smtpSubject = `Over SMTP ${stamp}`;

  try {
    const client = new Client();
    client.setApiKey(key);
    client.setDefaultRequest("baseUrl", baseURL!);
    const mail = new MailService();
    mail.setClient(client);
    const [response] = await mail.send({
      to: "ada@example.com",
      from: "billing@example.com",
      subject: httpSubject,
      text: "Your invoice is attached.",
      // Each of these would add a line to the document if any script ran in the preview.
      html: `<p>Hello from Keyward</p><script>document.body.append("script ran")</script><img src="data:," onerror="document.body.append('handler ran')" onload="document.body.append('handler ran')">`,
      attachments: [{ content: Buffer.from("total: 42\n").toString("base64"), filename: "invoice.txt", type: "text/plain" }],
    });
    expect(response.statusCode).toBe(202);

    const smtp = nodemailer.createTransport({ host: "127.0.0.1", port: e2eSmtpRelayPort, auth: { user: "apikey", pass: key } });
    const info = await smtp.sendMail({ from: "robot@example.com", to: "grace@example.com", subject: smtpSubject, text: "Sent over SMTP" });
    expect(info.response).toMatch(/^250 /);

    await page.goto("/settings/email_activity");
    await expect(page.getByRole("heading", { name: "Email Activity", level: 1 })).toBeVisible();
    const table = page.getByRole("table", { name: "Messages, newest first" });
    const httpRow = table.getByRole("row").filter({ hasText: httpSubject });
    await expect(httpRow).toContainText("ada@example.com");
    await expect(httpRow).toContainText(keyName);
    await expect(httpRow).toContainText("processed");
    await expect(table.getByRole("row").filter({ hasText: smtpSubject })).toContainText("grace@example.com");

    await page.getByRole("searchbox", { name: "Search" }).fill(`Invoice ${stamp}`);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=Invoice/);
    await expect(table.getByRole("link", { name: httpSubject })).toBeVisible();
    await expect(table.getByRole("row").filter({ hasText: smtpSubject })).toHaveCount(0);

    await table.getByRole("link", { name: httpSubject }).click();
    await expect(page.getByRole("heading", { name: httpSubject, level: 1 })).toBeVisible();
    const preview = page.getByTitle("HTML preview");
    await expect(preview).toHaveAttribute("sandbox", "");
    const frame = preview.contentFrame();
    await expect(frame.getByText("Hello from Keyward")).toBeVisible();
    // Give a script every chance to have run before checking it did not.
    await page.waitForTimeout(500);
    await expect(frame.getByText("script ran")).toHaveCount(0);
    await expect(frame.getByText("handler ran")).toHaveCount(0);
    await expect(page.getByText("Your invoice is attached.", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Raw source" })).toBeVisible();

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "invoice.txt" }).click();
    expect((await download).suggestedFilename()).toBe("invoice.txt");
  } finally {
    await v3(baseURL, key, "DELETE", `/v3/api_keys/${key.split(".")[1]}`);
  }
});
