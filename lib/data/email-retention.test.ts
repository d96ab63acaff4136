// Retention: the newest N messages per account, none older than the age limit, on real databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/db/test-database";
import { newMessageId, type AcceptedMessage } from "@/lib/mail/message";
import { retentionFromEnv } from "@/lib/mail/retention";
import { storeMessageBatch } from "./email-message-writes";
import { createAccount, insertKey } from "./test-fixtures";

const message = (subject: string): AcceptedMessage => ({
  id: newMessageId(), source: "api", fromEmail: "s@example.com", fromName: null, recipients: ["r@example.com"], subject,
  textBody: "x", htmlBody: null, headers: {}, attachments: [], details: {}, raw: "x",
});

describe.each(testProviders)("Email Activity retention on %s", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => void (database = await createTestDatabase(provider)));
  afterAll(() => database.drop());

  it("keeps the newest messages up to the limit, drops those past the age limit, and leaves other accounts alone", async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const other = await createAccount(db);
    const key = await insertKey(db, account.id, "general", ["mail.send"]);
    const otherKey = await insertKey(db, other.id, "general", ["mail.send"]);
    const retention = { maxMessages: 3, maxAgeDays: 7 };
    await storeMessageBatch(db, ["a", "b"].map((s) => ({ accountId: other.id, keyId: otherKey, message: message(s) })));
    const old = message("eight days old");
    await storeMessageBatch(db, [{ accountId: account.id, keyId: key, message: old }]);
    await db.emailMessage.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) } });
    for (const subject of ["1", "2", "3", "4", "5"]) {
      await new Promise((resolve) => setTimeout(resolve, 3));
      await storeMessageBatch(db, [{ accountId: account.id, keyId: key, message: message(subject) }], retention);
    }
    const kept = await db.emailMessage.findMany({ where: { accountId: account.id }, orderBy: { createdAt: "asc" }, select: { subject: true } });
    expect(kept.map((row) => row.subject)).toEqual(["3", "4", "5"]);
    expect(await db.emailMessage.count({ where: { accountId: other.id } })).toBe(2);

    // Within the count limit, age alone prunes.
    const stale = message("stale");
    await storeMessageBatch(db, [{ accountId: account.id, keyId: key, message: stale }]);
    await db.emailMessage.update({ where: { id: stale.id }, data: { createdAt: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) } });
    await storeMessageBatch(db, [{ accountId: account.id, keyId: key, message: message("6") }], { maxMessages: 1000, maxAgeDays: 7 });
    const after = await db.emailMessage.findMany({ where: { accountId: account.id }, orderBy: { createdAt: "asc" }, select: { subject: true } });
    expect(after.map((row) => row.subject)).toEqual(["3", "4", "5", "6"]);
  });

  it("never prunes a message still waiting for the upstream relay", async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const key = await insertKey(db, account.id, "general", ["mail.send"]);
    const waiting = message("waiting");
    await storeMessageBatch(db, [{ accountId: account.id, keyId: key, message: waiting }], undefined, { queueForDelivery: true });
    await db.emailMessage.update({ where: { id: waiting.id }, data: { createdAt: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) } });
    for (const subject of ["1", "2", "3"]) {
      await new Promise((resolve) => setTimeout(resolve, 3));
      await storeMessageBatch(db, [{ accountId: account.id, keyId: key, message: message(subject) }], { maxMessages: 2, maxAgeDays: 7 });
    }
    const kept = await db.emailMessage.findMany({ where: { accountId: account.id }, orderBy: { createdAt: "asc" }, select: { subject: true } });
    expect(kept.map((row) => row.subject)).toEqual(["waiting", "2", "3"]);
  });

  it("reads its limits from the environment, refusing nonsense", () => {
    expect(retentionFromEnv({})).toEqual({ maxMessages: 1000, maxAgeDays: 7 });
    expect(retentionFromEnv({ EMAIL_ACTIVITY_MAX_MESSAGES: "50", EMAIL_ACTIVITY_MAX_AGE_DAYS: "1" })).toEqual({ maxMessages: 50, maxAgeDays: 1 });
    expect(() => retentionFromEnv({ EMAIL_ACTIVITY_MAX_MESSAGES: "0" })).toThrow(/EMAIL_ACTIVITY_MAX_MESSAGES/);
  });
});
