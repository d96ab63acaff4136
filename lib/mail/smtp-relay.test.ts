// The SMTP relay with real parts: nodemailer, unchanged, against smtp-server on a real database.
import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/db/test-database";
import { createKeyLookup, type KeyLookup } from "@/lib/data/api-key-lookup";
import { createApiKey } from "@/lib/data/api-key-writes";
import { keyUseRecorderFor } from "@/lib/data/api-key-usage";
import { asUser, createAccount, createMember } from "@/lib/data/test-fixtures";
import { insertKey } from "@/lib/api/testing/api-server";
import type { SMTPServer } from "smtp-server";
import { createSmtpRelay } from "./smtp-relay";

describe.each(testProviders)("SMTP relay on %s", (provider) => {
  let database: TestDatabase;
  let keys: KeyLookup;
  let relay: SMTPServer;
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    keys = createKeyLookup(database.prisma, database.url);
    relay = createSmtpRelay({ db: database.prisma, keys, log: () => {} });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    port = (relay.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => relay.close(resolve));
    await keys.close();
    // The messages' usage counts (lib/data/api-key-usage.ts) are written before the database goes.
    await keyUseRecorderFor(database.prisma).close();
    await database.drop();
  });

  function transport(auth?: { user: string; pass: string }) {
    return nodemailer.createTransport({ host: "127.0.0.1", port, auth });
  }
  const message = { from: '"Sender" <sender@example.com>', to: "ada@example.com", bcc: "hidden@example.com", subject: "Over SMTP", text: "plain", html: "<p>rich</p>" };

  it("nodemailer sends unchanged with user apikey and a key made on the page; the message is stored", async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const made = await createApiKey(asUser(db, owner.id, account.id), { name: "SMTP key", type: "general", scopes: ["mail.send"] });
    if (!made.ok) throw new Error(made.message);
    const info = await transport({ user: "apikey", pass: made.data.key }).sendMail({
      ...message,
      attachments: [{ filename: "note.txt", content: "hello" }],
    });
    expect(info.response).toMatch(/^250 /);
    const id = /queued as (\S+)/.exec(info.response)![1]!;
    const stored = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      accountId: account.id,
      keyId: made.data.apiKey.id,
      keyName: "SMTP key",
      source: "smtp",
      fromEmail: "sender@example.com",
      fromName: "Sender",
      toEmails: "ada@example.com, hidden@example.com",
      subject: "Over SMTP",
      textBody: "plain",
      htmlBody: "<p>rich</p>",
    });
    expect(JSON.parse(stored.attachments)).toMatchObject([{ filename: "note.txt", content: Buffer.from("hello").toString("base64") }]);
    expect(stored.raw).toContain("Subject: Over SMTP");
  });

  it("answers 535 to a wrong username, a wrong key and a deleted key; 550 without mail.send; no relay without AUTH", async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const sender = await insertKey(db, account.id, ["mail.send"]);
    const reader = await insertKey(db, account.id, ["api_keys.read"]);
    const refusal = (auth?: { user: string; pass: string }) =>
      transport(auth).sendMail(message).then(
        () => null,
        (error: { responseCode?: number }) => error.responseCode ?? -1,
      );
    expect(await refusal({ user: "someone", pass: sender.key })).toBe(535);
    expect(await refusal({ user: "apikey", pass: `${sender.key.slice(0, -2)}xx` })).toBe(535);
    expect(await refusal({ user: "apikey", pass: reader.key })).toBe(550);
    expect(await refusal()).toBe(530);
    expect(await refusal({ user: "apikey", pass: sender.key })).toBeNull();
    await db.apiKey.delete({ where: { id: sender.id } });
    expect(await refusal({ user: "apikey", pass: sender.key })).toBe(535);
    expect(await db.emailMessage.count({ where: { accountId: account.id } })).toBe(1);
  });

  it("answers 535 to a bare key id as the password, saying the id alone is not the key", async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const sender = await insertKey(db, account.id, ["mail.send"]);
    const refusal = (pass: string) =>
      transport({ user: "apikey", pass }).sendMail(message).then(
        () => null,
        (error: { responseCode?: number; response?: string }) => ({ code: error.responseCode, response: error.response }),
      );
    const hint = "535 Authentication failed: the password looks like an API key ID, which alone is not the key; use the full API key, which starts with SG.";
    expect(await refusal(sender.id)).toEqual({ code: 535, response: hint });
    expect(await refusal("AAAAAAAAAAAAAAAAAAAAAA")).toEqual({ code: 535, response: hint });
    expect(await refusal(`${sender.key.slice(0, -2)}xx`)).toEqual({ code: 535, response: "535 Authentication failed: username apikey and a valid API key expected" });
  });

  it("answers 535 to a disabled key until it is enabled, and to an expired key", async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const sender = await insertKey(db, account.id, ["mail.send"]);
    const refusal = () =>
      transport({ user: "apikey", pass: sender.key }).sendMail(message).then(
        () => null,
        (error: { responseCode?: number }) => error.responseCode ?? -1,
      );
    await db.apiKey.update({ where: { id: sender.id }, data: { disabledAt: new Date() } });
    expect(await refusal()).toBe(535);
    await db.apiKey.update({ where: { id: sender.id }, data: { disabledAt: null } });
    expect(await refusal()).toBeNull();
    await db.apiKey.update({ where: { id: sender.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await refusal()).toBe(535);
    expect(await db.emailMessage.count({ where: { accountId: account.id } })).toBe(1);
  });

  it("refuses a key deleted during an open session from its next message on", async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const sender = await insertKey(db, account.id, ["mail.send"]);
    const pooled = nodemailer.createTransport({ host: "127.0.0.1", port, pool: true, maxConnections: 1, auth: { user: "apikey", pass: sender.key } });
    try {
      await pooled.sendMail(message);
      await db.apiKey.delete({ where: { id: sender.id } });
      await expect(pooled.sendMail(message)).rejects.toMatchObject({ responseCode: 535 });
    } finally {
      pooled.close();
    }
    expect(await db.emailMessage.count({ where: { accountId: account.id } })).toBe(1);
  });
});
