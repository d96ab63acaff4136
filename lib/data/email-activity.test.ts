// Email Activity's data layer on real databases: what a member sees, searches and may open.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/db/test-database";
import type { AcceptedMessage } from "@/lib/mail/message";
import { newMessageId } from "@/lib/mail/message";
import { getEmailActivityChanges, getEmailAttachment, getEmailMessage, getEmailMessageHtml, listEmailMessages, reviewEmailEnvelope, reviewEmailMessages } from "./email-activity";
import { storeMessageBatch } from "./email-message-writes";
import { REVIEW_WINDOW_MS, startSupportReview } from "./support";
import { asUser, createAccount, createMember, createSupportStaff, insertKey } from "./test-fixtures";

function message(overrides: Partial<AcceptedMessage>): AcceptedMessage {
  return {
    id: newMessageId(), source: "api", fromEmail: "sender@example.com", fromName: null, recipients: ["ada@example.com"],
    subject: "Hello", textBody: "Hi", htmlBody: null, headers: {}, attachments: [], details: {}, raw: "Subject: Hello\r\n\r\nHi",
    ...overrides,
  };
}

describe.each(testProviders)("Email Activity data on %s", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => void (database = await createTestDatabase(provider)));
  afterAll(() => database.drop());

  it("lists newest first, searches recipient, sender and subject, filters by key and status, and pages", async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const first = await insertKey(db, account.id, "general", ["mail.send"]);
    const second = await insertKey(db, account.id, "general", ["mail.send"]);
    await storeMessageBatch(db, [{ accountId: account.id, keyId: first, message: message({ subject: "Invoice 42", recipients: ["bob@example.com"] }) }]);
    // Later by at least a millisecond, so "newest first" has one answer.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await storeMessageBatch(db, [{ accountId: account.id, keyId: second, message: message({ fromEmail: "news@example.org" }) }]);
    const ctx = asUser(db, owner.id, account.id);

    const all = await listEmailMessages(ctx);
    expect(all.ok && all.data.messages.map((m) => m.subject)).toEqual(["Hello", "Invoice 42"]);
    const search = async (search: string) => {
      const result = await listEmailMessages(ctx, { search });
      return result.ok ? result.data.messages.map((m) => m.subject) : result.message;
    };
    expect(await search("BOB@example")).toEqual(["Invoice 42"]);
    expect(await search("news@")).toEqual(["Hello"]);
    expect(await search("Invoice")).toEqual(["Invoice 42"]);
    const byKey = await listEmailMessages(ctx, { keyId: first });
    expect(byKey.ok && byKey.data.messages.map((m) => m.subject)).toEqual(["Invoice 42"]);
    const bounced = await listEmailMessages(ctx, { status: "bounced" });
    expect(bounced.ok && bounced.data.total).toBe(0);
    const paged = await listEmailMessages(ctx, { pageSize: 1, page: 2 });
    expect(paged.ok && [paged.data.page, paged.data.pageCount, paged.data.messages[0]?.subject]).toEqual([2, 2, "Invoice 42"]);

    await db.apiKey.delete({ where: { id: first } });
    const after = await listEmailMessages(ctx, { keyId: first });
    expect(after.ok && after.data.messages[0]?.keyName).toBe("deleted key");
  });

  it("needs email_activity.read; another account's message is not found", async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const key = await insertKey(db, account.id, "general", ["mail.send"]);
    const stored = message({ attachments: [{ filename: "a.txt", type: "text/plain", disposition: "attachment", contentId: null, content: Buffer.from("abc").toString("base64") }] });
    await storeMessageBatch(db, [{ accountId: account.id, keyId: key, message: stored }]);
    const reader = await createMember(db, account.id, "restricted", ["email_activity.read"]);
    const stranger = await createMember(db, account.id, "restricted", ["api_keys.read"]);
    const other = await createAccount(db);
    const otherOwner = await createMember(db, other.id, "owner");

    const read = await getEmailMessage(asUser(db, reader.id, account.id), stored.id);
    expect(read.ok && read.data.attachments).toEqual([{ filename: "a.txt", type: "text/plain", disposition: "attachment", contentId: null, size: 3 }]);
    const file = await getEmailAttachment(asUser(db, reader.id, account.id), stored.id, 0);
    expect(file.ok && file.data.content.toString()).toBe("abc");
    expect(await listEmailMessages(asUser(db, stranger.id, account.id))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await getEmailMessage(asUser(db, otherOwner.id, other.id), stored.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await getEmailMessage(asUser(db, otherOwner.id, account.id), stored.id)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("reads a message's HTML for its preview under the same rule: email_activity.read, this account's messages only", async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const key = await insertKey(db, account.id, "general", ["mail.send"]);
    const html = message({ htmlBody: '<p>Hi <img src="https://example.com/a.png"></p>' });
    const text = message({});
    await storeMessageBatch(db, [html, text].map((m) => ({ accountId: account.id, keyId: key, message: m })));
    const reader = asUser(db, (await createMember(db, account.id, "restricted", ["email_activity.read"])).id, account.id);
    const stranger = asUser(db, (await createMember(db, account.id, "restricted", ["api_keys.read"])).id, account.id);
    const other = await createAccount(db);
    const outsider = asUser(db, (await createMember(db, other.id, "owner")).id, other.id);

    expect(await getEmailMessageHtml(reader, html.id)).toEqual({ ok: true, data: html.htmlBody });
    expect(await getEmailMessageHtml(reader, text.id)).toEqual({ ok: true, data: null });
    expect(await getEmailMessageHtml(stranger, html.id)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await getEmailMessageHtml(outsider, html.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await getEmailMessageHtml(reader, "no-such-message")).toMatchObject({ ok: false, code: "not_found" });
  });

  it("tells the open page the newest message and the statuses of the queued ones it watches, this account's only", async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const key = await insertKey(db, account.id, "general", ["mail.send"]);
    const queued = message({ subject: "Queued" });
    const kept = message({ subject: "Kept" });
    await storeMessageBatch(db, [queued, kept].map((m) => ({ accountId: account.id, keyId: key, message: m })));
    await db.emailMessage.update({ where: { id: queued.id }, data: { deliverAfter: new Date(Date.now() + 60_000) } });
    const other = await createAccount(db);
    const foreign = message({});
    await storeMessageBatch(db, [{ accountId: other.id, keyId: await insertKey(db, other.id, "general", ["mail.send"]), message: foreign }]);
    const owner = asUser(db, (await createMember(db, account.id, "owner")).id, account.id);

    const list = await listEmailMessages(owner);
    expect(list.ok && Object.fromEntries(list.data.messages.map((m) => [m.subject, m.queued]))).toEqual({ Queued: true, Kept: false });
    const before = await getEmailActivityChanges(owner, [queued.id, foreign.id, "no-such-message"]);
    expect(before).toEqual({ ok: true, data: { newest: expect.any(String), statuses: { [queued.id]: "processed" } } });
    await db.emailMessage.update({ where: { id: queued.id }, data: { status: "delivered", deliverAfter: null } });
    const after = await getEmailActivityChanges(owner, [queued.id]);
    expect(after.ok && after.data.statuses).toEqual({ [queued.id]: "delivered" });
    expect(await getEmailActivityChanges(owner, [])).toEqual({ ok: true, data: { newest: before.ok ? before.data.newest : null, statuses: {} } });
    // Only well-formed ids, at most a page of them, are looked up.
    const padding = Array.from({ length: 25 }, (_, index) => `m${index}`);
    for (const watched of [["../x", `${queued.id} `, "a b"], [...padding, queued.id]]) {
      expect(await getEmailActivityChanges(owner, watched)).toMatchObject({ ok: true, data: { statuses: {} } });
    }
    expect(await getEmailActivityChanges(owner, ["../x", ...padding.slice(1), queued.id])).toMatchObject({ ok: true, data: { statuses: { [queued.id]: "delivered" } } });
    const stranger = asUser(db, (await createMember(db, account.id, "restricted", ["api_keys.read"])).id, account.id);
    expect(await getEmailActivityChanges(stranger, [queued.id])).toMatchObject({ ok: false, code: "forbidden" });
  });

  // The readers decide themselves: nobody can reach the list without the right (the raw reader is
  // not exported), whoever calls them.
  it("refuses a caller without the right: another account's member, a billing key, staff without a review of it", async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const key = await insertKey(db, account.id, "general", ["mail.send"]);
    const stored = message({ subject: "Private" });
    await storeMessageBatch(db, [{ accountId: account.id, keyId: key, message: stored }]);
    const elsewhere = await createAccount(db);
    const foreign = message({ subject: "Elsewhere" });
    await storeMessageBatch(db, [{ accountId: elsewhere.id, keyId: await insertKey(db, elsewhere.id, "general", ["mail.send"]), message: foreign }]);
    const owner = await createMember(db, account.id, "owner");
    const outsider = await createMember(db, (await createAccount(db)).id, "owner");
    expect(await listEmailMessages(asUser(db, outsider.id, account.id))).toMatchObject({ ok: false, code: "not_found" });
    const billingKey = await insertKey(db, account.id, "billing", ["billing.read"]);
    expect(await listEmailMessages({ db, principal: { kind: "key", keyId: billingKey }, accountId: account.id })).toMatchObject({ ok: false, code: "forbidden" });

    // The list and one message's envelope, under the same rule.
    const both = (sctx: { db: typeof db; userId: string }, now?: Date) =>
      Promise.all([reviewEmailMessages(sctx, account.id, {}, now), reviewEmailEnvelope(sctx, account.id, stored.id, now)]);
    expect(await both({ db, userId: owner.id })).toMatchObject([{ ok: false, code: "forbidden" }, { ok: false, code: "forbidden" }]);
    const staff = await createSupportStaff(db);
    const sctx = { db, userId: staff.id };
    expect(await both(sctx)).toEqual([{ ok: true, data: null }, { ok: true, data: null }]);
    await startSupportReview(sctx, account.id, "audit_log");
    expect(await both(sctx)).toEqual([{ ok: true, data: null }, { ok: true, data: null }]);
    await startSupportReview(sctx, account.id, "email_activity");
    const [review, envelope] = await both(sctx);
    expect(review.ok && review.data?.messages.map((m) => m.subject)).toEqual(["Private"]);
    expect(envelope.ok && envelope.data && [envelope.data.subject, "textBody" in envelope.data]).toEqual(["Private", false]);
    // Another account's message, through this account's review: not found.
    expect(await reviewEmailEnvelope(sctx, account.id, foreign.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await both(sctx, new Date(Date.now() + REVIEW_WINDOW_MS + 60_000))).toEqual([{ ok: true, data: null }, { ok: true, data: null }]);
    const other = await createSupportStaff(db);
    expect(await both({ db, userId: other.id })).toEqual([{ ok: true, data: null }, { ok: true, data: null }]);
    await db.user.update({ where: { id: staff.id }, data: { isSupportStaff: false } });
    expect(await both(sctx)).toMatchObject([{ ok: false, code: "forbidden" }, { ok: false, code: "forbidden" }]);
  });
});
