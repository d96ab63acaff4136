// POST /v3/mail/send with real parts: SendGrid's own @sendgrid/mail against the /v3 handler on a
// real database, checked in the Email Activity table.
import { Client } from "@sendgrid/client";
import { MailService } from "@sendgrid/mail";
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { testProviders } from "@/lib/db/test-database";
import { createApiKey } from "@/lib/data/api-key-writes";
import { asUser, createAccount, createMember } from "@/lib/data/test-fixtures";
import { call, insertKey, type RunningApi, useApiServer } from "./testing/api-server";

const SEND = "/v3/mail/send";
const minimal = {
  personalizations: [{ to: [{ email: "ada@example.com" }] }],
  from: { email: "sender@example.com" },
  subject: "Hello",
  content: [{ type: "text/plain", value: "Hi" }],
};

describe.each(testProviders)("POST /v3/mail/send on %s", (provider) => {
  let db: PrismaClient;
  let api: RunningApi;
  useApiServer(provider, (server) => ({ db, api } = server));

  async function accountWithKey(scopes: string[] = ["mail.send"], type: "general" | "billing" = "general") {
    const account = await createAccount(db);
    const key = await insertKey(db, account.id, scopes, type, "Sender key");
    return { account, ...key };
  }

  it("@sendgrid/mail sends unchanged through a key made on the page; the message is stored whole", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const made = await createApiKey(asUser(db, owner.id, account.id), { name: "Mailer", type: "general", scopes: ["mail.send"] });
    if (!made.ok) throw new Error(made.message);
    const client = new Client();
    client.setApiKey(made.data.key);
    client.setDefaultRequest("baseUrl", api.url);
    const mail = new MailService();
    mail.setClient(client);

    const [response] = await mail.send({
      to: "ada@example.com",
      cc: "grace@example.com",
      from: { email: "sender@example.com", name: "Sender" },
      subject: "Quarterly report",
      text: "See the report.",
      html: "<p>See the <b>report</b>.</p>",
      categories: ["reports"],
      customArgs: { run: "7" },
      trackingSettings: { clickTracking: { enable: true } },
      attachments: [{ content: Buffer.from("a,b\n1,2\n").toString("base64"), filename: "report.csv", type: "text/csv", disposition: "attachment" }],
    });
    expect(response.statusCode).toBe(202);
    const id = response.headers["x-message-id"] as string;
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const stored = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      accountId: account.id,
      keyId: made.data.apiKey.id,
      keyName: "Mailer",
      source: "api",
      status: "processed",
      fromEmail: "sender@example.com",
      fromName: "Sender",
      toEmails: "ada@example.com, grace@example.com",
      subject: "Quarterly report",
      textBody: "See the report.",
      htmlBody: "<p>See the <b>report</b>.</p>",
    });
    expect(stored.raw).toContain("Subject: Quarterly report");
    expect(stored.raw).toContain('filename=report.csv');
    expect(stored.sizeBytes).toBe(Buffer.byteLength(stored.raw));
    expect(JSON.parse(stored.attachments)).toEqual([
      { filename: "report.csv", type: "text/csv", disposition: "attachment", contentId: null, content: Buffer.from("a,b\n1,2\n").toString("base64") },
    ]);
    expect(JSON.parse(stored.details)).toMatchObject({ categories: ["reports"], custom_args: { run: "7" }, tracking_settings: { click_tracking: { enable: true } } });
  });

  it("stores one message per personalization, with its substitutions and subject", async () => {
    const { account, key } = await accountWithKey();
    const response = await call(api, key, "POST", SEND, {
      ...minimal,
      personalizations: [
        { to: [{ email: "a@example.com" }], substitutions: { "-name-": "Ada" } },
        { to: [{ email: "b@example.com" }], subject: "Own subject", substitutions: { "-name-": "Bob" } },
      ],
      content: [{ type: "text/plain", value: "Hello -name-" }],
    });
    expect(response.status).toBe(202);
    const id = response.headers.get("x-message-id")!;
    const rows = await db.emailMessage.findMany({ where: { accountId: account.id }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.id, row.toEmails, row.subject, row.textBody])).toEqual([
      [id, "a@example.com", "Hello", "Hello Ada"],
      [`${id}.1`, "b@example.com", "Own subject", "Hello Bob"],
    ]);
  });

  it.each([
    ["no personalizations", { ...minimal, personalizations: [] }, "personalizations", "The personalizations field is required and must have at least one personalization."],
    ["no to", { ...minimal, personalizations: [{ cc: [{ email: "c@example.com" }] }] }, "personalizations.0.to", "The to array is required for all personalization objects, and must have at least one email object with a valid email address."],
    ["a bad recipient", { ...minimal, personalizations: [{ to: [{ email: "nope" }] }] }, "personalizations.0.to.0.email", "Does not contain a valid address."],
    ["a bad sender", { ...minimal, from: { email: "nope" } }, "from.email", "Does not contain a valid address."],
    ["no subject anywhere", { ...minimal, subject: undefined }, "personalizations.0.subject", "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined."],
    ["html before text", { ...minimal, content: [{ type: "text/html", value: "<p>x</p>" }, { type: "text/plain", value: "x" }] }, "content.0.type", "If present, text/plain content must be first, followed by text/html, followed by any other content."],
    ["an attachment not in base64", { ...minimal, attachments: [{ content: "not base64!", filename: "a.txt" }] }, "attachments.0.content", "The attachment content must be base64 encoded."],
    ["an inline attachment without content_id", { ...minimal, attachments: [{ content: "YQ==", filename: "a.png", disposition: "inline" }] }, "attachments.0.content_id", "The content_id parameter is required if your attachment is inline."],
    ["template_id", { ...minimal, template_id: "d-123" }, "template_id", "Templates are not supported by Keyward: send the content itself."],
    ["batch_id", { ...minimal, batch_id: "abc" }, "batch_id", "Batches are not supported by Keyward: leave batch_id out."],
    [
      "1,001 recipients",
      { ...minimal, personalizations: [{ to: Array.from({ length: 600 }, (_, i) => ({ email: `t${i}@example.com` })), cc: Array.from({ length: 401 }, (_, i) => ({ email: `c${i}@example.com` })) }] },
      "personalizations",
      "The total number of recipients must be no more than 1000.",
    ],
  ])("refuses %s with 400 and SendGrid's field path, storing nothing", async (_, body, field, message) => {
    const { account, key } = await accountWithKey();
    const response = await call(api, key, "POST", SEND, body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(answer.errors).toContainEqual({ field, message });
    expect(await db.emailMessage.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("sandbox mode validates, answers 200 and stores nothing", async () => {
    const { account, key } = await accountWithKey();
    const sandboxed = { ...minimal, mail_settings: { sandbox_mode: { enable: true } } };
    const response = await call(api, key, "POST", SEND, sandboxed);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect((await call(api, key, "POST", SEND, { ...sandboxed, from: {} })).status).toBe(400);
    expect(await db.emailMessage.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("only a general key holding mail.send may send; a deleted key is refused at once", async () => {
    const withoutScope = await accountWithKey(["api_keys.read"]);
    expect((await call(api, withoutScope.key, "POST", SEND, minimal)).status).toBe(403);
    const billingKey = await accountWithKey(["billing.read", "billing.update"], "billing");
    expect((await call(api, billingKey.key, "POST", SEND, minimal)).status).toBe(403);
    const sender = await accountWithKey();
    expect((await call(api, sender.key, "POST", SEND, minimal)).status).toBe(202);
    await db.apiKey.delete({ where: { id: sender.id } });
    expect((await call(api, sender.key, "POST", SEND, minimal)).status).toBe(401);
    expect(await db.emailMessage.count({ where: { accountId: { in: [withoutScope.account.id, billingKey.account.id] } } })).toBe(0);
    expect(await db.emailMessage.count({ where: { accountId: sender.account.id } })).toBe(1);
  });

  it("takes bodies up to 30 MB on this route only, and refuses a larger one with 413", async () => {
    const { account, key } = await accountWithKey();
    const fiveMegabytes = Buffer.alloc(5 * 1024 * 1024, 7).toString("base64");
    const big = { ...minimal, attachments: [{ content: fiveMegabytes, filename: "big.bin" }] };
    expect((await call(api, key, "POST", SEND, big)).status).toBe(202);
    const tooBig = { ...minimal, attachments: [{ content: Buffer.alloc(23 * 1024 * 1024, 7).toString("base64"), filename: "huge.bin" }] };
    expect((await call(api, key, "POST", SEND, tooBig)).status).toBe(413);
    expect(await db.emailMessage.count({ where: { accountId: account.id } })).toBe(1);
    // Every other route keeps its 64 KB limit.
    const other = await accountWithKey(["api_keys.create"]);
    expect((await call(api, other.key, "POST", "/v3/api_keys", { name: "x".repeat(70 * 1024) })).status).toBe(413);
  });
});
