import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { newMessageId } from "@/lib/mail/message";
import { storeMessageBatch } from "./email-message-writes";
import {
  REVIEW_WINDOW_MS,
  reviewAccountAuditLog,
  reviewAccountEmailActivity,
  reviewAccountEmailMessage,
  reviewAccountKeys,
  searchAccounts,
  startSupportReview,
} from "./support";
import { createAccount, createMember, createSupportStaff, insertKey } from "./test-fixtures";

describe.each(testProviders)("support reviews on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(async () => drop?.());

  it("finds accounts by name in any case, by owner e-mail and by id", async () => {
    const staff = await createSupportStaff(db);
    const sctx = { db, userId: staff.id };
    const account = await createAccount(db, "Initech 100%_Mail");
    const owner = await createMember(db, account.id, "owner");
    await createAccount(db, "Unrelated");
    const names = async (query: string) => {
      const result = await searchAccounts(sctx, query);
      if (!result.ok) throw new Error(result.message);
      return result.data.map((a) => a.name);
    };
    expect(await names("initech")).toEqual(["Initech 100%_Mail"]);
    expect(await names("100%_")).toEqual(["Initech 100%_Mail"]);
    expect(await names("%")).toEqual(["Initech 100%_Mail"]);
    expect(await names(owner.email)).toEqual(["Initech 100%_Mail"]);
    expect(await names(account.id)).toEqual(["Initech 100%_Mail"]);
    expect(await names("nothing-like-it")).toEqual([]);
    const found = await searchAccounts(sctx, account.id);
    expect(found.ok && found.data[0]).toEqual({ id: account.id, name: "Initech 100%_Mail", ownerEmails: [owner.email], keyCount: 0 });
  });

  it("shows keys without secrets once a review is started, which writes support.viewed naming the staff member", async () => {
    const staff = await createSupportStaff(db);
    const sctx = { db, userId: staff.id };
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    await insertKey(db, account.id, "general", ["mail.send", "mail.batch.create", "mail.batch.delete", "mail.batch.read", "mail.batch.update", "stats.read", "stats.global.read"], owner.id);
    await insertKey(db, account.id, "billing", ["billing.read"]);
    expect(await startSupportReview(sctx, account.id, "api_keys")).toEqual({ ok: true, data: { accountId: account.id } });
    const review = await reviewAccountKeys(sctx, account.id);
    if (!review.ok || !review.data) throw new Error("no review");
    const general = review.data.keys.find((k) => k.type === "general")!;
    expect(Object.keys(general).sort()).toEqual(["createdAt", "createdBy", "id", "name", "permissions", "type"]);
    expect(general.permissions).toContainEqual({ category: "Mail Send", level: "full" });
    expect(general.permissions).toContainEqual({ category: "Stats", level: "custom" });
    expect(general.createdBy).toEqual({ name: "Test User", removed: false });
    expect(JSON.stringify(review.data)).not.toMatch(/secretHash|[0-9a-f]{64}/);

    await startSupportReview(sctx, account.id, "audit_log");
    const events = await db.auditEvent.findMany({ where: { accountId: account.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.action, e.actorUserId, e.actorName, e.targetType, e.details])).toEqual([
      ["support.viewed", staff.id, "Support Person (Keyward support)", "account", JSON.stringify({ section: "api_keys" })],
      ["support.viewed", staff.id, "Support Person (Keyward support)", "account", JSON.stringify({ section: "audit_log" })],
    ]);
  });

  it("reads nothing and records nothing until a review is started, and only for a while after", async () => {
    const staff = await createSupportStaff(db);
    const sctx = { db, userId: staff.id };
    const account = await createAccount(db);
    expect(await reviewAccountKeys(sctx, account.id)).toEqual({ ok: true, data: null });
    expect(await reviewAccountAuditLog(sctx, account.id)).toEqual({ ok: true, data: null });
    expect(await db.auditEvent.count({ where: { accountId: account.id } })).toBe(0);

    await startSupportReview(sctx, account.id, "api_keys");
    // Started for the keys only; reading them again writes nothing more.
    expect(await reviewAccountAuditLog(sctx, account.id)).toEqual({ ok: true, data: null });
    expect(await reviewAccountKeys(sctx, account.id)).toMatchObject({ ok: true, data: { keys: [] } });
    expect(await db.auditEvent.count({ where: { accountId: account.id } })).toBe(1);
    // Another staff member's review does not open it for this one.
    const other = await createSupportStaff(db);
    expect(await reviewAccountKeys({ db, userId: other.id }, account.id)).toEqual({ ok: true, data: null });
    // Past the window, a new review must be started.
    const later = new Date(Date.now() + REVIEW_WINDOW_MS + 60_000);
    expect(await reviewAccountKeys(sctx, account.id, later)).toEqual({ ok: true, data: null });
  });

  it("shows an account's Email Activity list, without message contents, once a review of it is started", async () => {
    const staff = await createSupportStaff(db);
    const sctx = { db, userId: staff.id };
    const account = await createAccount(db);
    const other = await createAccount(db);
    const keyId = await insertKey(db, account.id, "general", ["mail.send"]);
    const otherKey = await insertKey(db, other.id, "general", ["mail.send"]);
    const message = (subject: string) => ({
      id: newMessageId(), source: "api" as const, fromEmail: "s@example.com", fromName: null, recipients: ["r@example.com"], subject,
      textBody: "secret body", htmlBody: null, headers: {}, attachments: [], details: {}, raw: "secret body",
    });
    const invoice = message("Invoice");
    const elsewhere = message("Elsewhere");
    await storeMessageBatch(db, [{ accountId: account.id, keyId, message: invoice }, { accountId: other.id, keyId: otherKey, message: elsewhere }]);

    expect(await reviewAccountEmailActivity(sctx, account.id)).toEqual({ ok: true, data: null });
    expect(await reviewAccountEmailMessage(sctx, account.id, invoice.id)).toEqual({ ok: true, data: null });
    expect(await db.auditEvent.count({ where: { accountId: account.id } })).toBe(0);
    await startSupportReview(sctx, account.id, "email_activity");
    const review = await reviewAccountEmailActivity(sctx, account.id);
    if (!review.ok || !review.data) throw new Error("no review");
    expect(review.data.activity.messages.map((m) => m.subject)).toEqual(["Invoice"]);
    expect(JSON.stringify(review.data)).not.toContain("secret body");
    // One message opens within the review: its envelope and delivery, never its contents.
    const opened = await reviewAccountEmailMessage(sctx, account.id, invoice.id);
    if (!opened.ok || !opened.data) throw new Error("no message");
    expect(opened.data.message).toMatchObject({ id: invoice.id, subject: "Invoice", toEmails: "r@example.com", status: "processed", deliveryAttempts: [], nextAttemptAt: null });
    expect(JSON.stringify(opened.data)).not.toContain("secret body");
    expect(await reviewAccountEmailMessage(sctx, account.id, elsewhere.id)).toMatchObject({ ok: false, code: "not_found" });
    const events = await db.auditEvent.findMany({ where: { accountId: account.id }, select: { action: true, actorUserId: true, details: true } });
    expect(events).toEqual([{ action: "support.viewed", actorUserId: staff.id, details: JSON.stringify({ section: "email_activity" }) }]);
    // A member is not support staff.
    const member = await createMember(db, account.id, "owner");
    expect(await reviewAccountEmailActivity({ db, userId: member.id }, account.id)).toMatchObject({ ok: false });
    expect(await reviewAccountEmailMessage({ db, userId: member.id }, account.id, invoice.id)).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("reads the support flag on every call, and refuses unknown accounts", async () => {
    const staff = await createSupportStaff(db);
    const account = await createAccount(db);
    expect(await reviewAccountKeys({ db, userId: staff.id }, "no-such-account")).toMatchObject({ code: "not_found" });
    expect(await startSupportReview({ db, userId: staff.id }, "no-such-account", "api_keys")).toMatchObject({ code: "not_found" });
    await db.user.update({ where: { id: staff.id }, data: { isSupportStaff: false } });
    expect(await reviewAccountKeys({ db, userId: staff.id }, account.id)).toMatchObject({ code: "forbidden" });
    expect(await startSupportReview({ db, userId: staff.id }, account.id, "api_keys")).toMatchObject({ code: "forbidden" });
    expect(await searchAccounts({ db, userId: staff.id }, account.name)).toMatchObject({ code: "forbidden" });
    expect(await db.auditEvent.count({ where: { accountId: account.id } })).toBe(0);
  });
});
