import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { createApiKey, updateApiKey } from "./api-key-writes";
import { deleteApiKey } from "./api-keys";
import { AUDIT_PAGE_SIZE, listAuditEvents, reviewAuditEvents } from "./audit-log";
import { createInvite } from "./invites";
import { REVIEW_WINDOW_MS, startSupportReview } from "./support";
import { asUser, createAccount, createMember, createSupportStaff, insertKey } from "./test-fixtures";

// Append-only in the code as well as in the database: no source file of the app changes or
// removes an event, through Prisma or through raw SQL. (Tests may: they check the triggers.)
const forbiddenWrites = [
  /\bauditEvent\s*\.\s*(?:update|updateMany|upsert|delete|deleteMany)\b/,
  /\b(?:UPDATE|DELETE\s+FROM)\s+[`"']?AuditEvent\b/i,
];

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe("the audit log's code", () => {
  it("recognises a change or removal of an event, through Prisma or raw SQL", () => {
    const writes = [
      "await tx.auditEvent.update({ where: { id } })",
      "db.auditEvent.deleteMany({})",
      "ctx.db.auditEvent\n  .upsert(args)",
      'await tx.$executeRaw`UPDATE "AuditEvent" SET "action" = ${action}`',
      "db.$executeRawUnsafe('delete from AuditEvent where id = ?', id)",
    ];
    for (const write of writes) expect(forbiddenWrites.some((pattern) => pattern.test(write)), write).toBe(true);
    for (const read of ["db.auditEvent.findMany()", "tx.auditEvent.create({ data })", 'SELECT * FROM "AuditEvent"']) {
      expect(forbiddenWrites.some((pattern) => pattern.test(read)), read).toBe(false);
    }
  });

  it("has no update or delete of an event in any source file under lib/ or app/", () => {
    const files = ["lib", "app"].flatMap((dir) => sourceFiles(path.join(repoRoot, dir)));
    expect(files.map((file) => path.relative(repoRoot, file))).toContain(path.join("lib", "data", "audit.ts"));
    const offenders = files
      .filter((file) => forbiddenWrites.some((pattern) => pattern.test(readFileSync(file, "utf8"))))
      .map((file) => path.relative(repoRoot, file));
    expect(offenders).toEqual([]);
  });
});

describe.each(testProviders)("the audit log on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(async () => drop?.());

  it("shows each change newest first with its actor, and filters by action and actor", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    await db.user.update({ where: { id: owner.id }, data: { name: "Olivia Owner" } });
    const ctx = asUser(db, owner.id, account.id);
    const created = await createApiKey(ctx, { name: "Prod", type: "general", scopes: ["mail.send"] });
    if (!created.ok) throw new Error(created.message);
    await updateApiKey(ctx, created.data.apiKey.id, { name: "Production", permissions: { scopes: ["mail.send", "stats.read"] } });
    await deleteApiKey(ctx, created.data.apiKey.id);
    const staff = await createSupportStaff(db);
    await startSupportReview({ db, userId: staff.id }, account.id, "api_keys");

    const log = await listAuditEvents(ctx);
    if (!log.ok) throw new Error(log.message);
    expect(log.data.events.map((e) => [e.action, e.actor.name])).toEqual([
      ["support.viewed", "Support Person (Keyward support)"],
      ["key.deleted", "Olivia Owner"],
      ["key.updated", "Olivia Owner"],
      ["key.created", "Olivia Owner"],
    ]);
    const updated = log.data.events.find((e) => e.action === "key.updated")!;
    expect(updated.details).toMatchObject({ name: { from: "Prod", to: "Production" }, scopes: { added: ["stats.read"], removed: [] } });
    expect(new Date(log.data.events[0]!.createdAt).toISOString()).toBe(log.data.events[0]!.createdAt);

    const onlyDeleted = await listAuditEvents(ctx, { action: "key.deleted" });
    expect(onlyDeleted.ok && onlyDeleted.data.events.map((e) => e.action)).toEqual(["key.deleted"]);
    const bySupport = await listAuditEvents(ctx, { actor: `user:${staff.id}` });
    expect(bySupport.ok && bySupport.data.events.map((e) => e.action)).toEqual(["support.viewed"]);
    expect(log.data.actors.map((a) => a.name)).toEqual(["Olivia Owner", "Support Person (Keyward support)"]);
  });

  it("pages by 50", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const base = Date.now() - 1_000_000;
    await db.auditEvent.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 7 }, (_, i) => ({
        accountId: account.id,
        action: "key.created",
        targetName: `k${i}`,
        createdAt: new Date(base + i * 1000),
      })),
    });
    const ctx = asUser(db, owner.id, account.id);
    const first = await listAuditEvents(ctx);
    const second = await listAuditEvents(ctx, { page: 2 });
    if (!first.ok || !second.ok) throw new Error("refused");
    expect(first.data).toMatchObject({ page: 1, pageCount: 2, total: AUDIT_PAGE_SIZE + 7 });
    expect(first.data.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.data.events[0]!.targetName).toBe(`k${AUDIT_PAGE_SIZE + 6}`);
    expect(second.data.events.map((e) => e.targetName)).toEqual(["k6", "k5", "k4", "k3", "k2", "k1", "k0"]);
  });

  it("shows teammates only the events their scopes cover, and billing keys' events only with billing scopes", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const ownerCtx = asUser(db, owner.id, account.id);
    await createApiKey(ownerCtx, { name: "General", type: "general", scopes: ["mail.send"] });
    const billing = await createApiKey(ownerCtx, { name: "Invoices", type: "billing", scopes: ["billing.read"] });
    if (!billing.ok) throw new Error(billing.message);
    await updateApiKey(ownerCtx, billing.data.apiKey.id, { name: "Invoices 2" });
    await createInvite(ownerCtx, { email: "someone@example.test", role: "read_only", scopes: ["api_keys.read"] });

    const keyReader = await createMember(db, account.id, "restricted", ["api_keys.read"]);
    const log = await listAuditEvents(asUser(db, keyReader.id, account.id));
    if (!log.ok) throw new Error(log.message);
    expect(log.data.events.map((e) => e.targetName)).toEqual(["General"]);
    // Asking for another action by the filter does not widen what is visible.
    const sneaky = await listAuditEvents(asUser(db, keyReader.id, account.id), { action: "teammate.invited" });
    expect(sneaky.ok && sneaky.data.events.map((e) => e.targetName)).toEqual(["General"]);

    const billingReader = await createMember(db, account.id, "restricted", ["api_keys.read", "billing.read", "teammates.read"]);
    const wide = await listAuditEvents(asUser(db, billingReader.id, account.id));
    expect(wide.ok && wide.data.events.map((e) => e.targetName)).toEqual(["someone@example.test", "Invoices 2", "Invoices", "General"]);

    const nobody = await createMember(db, account.id, "restricted", ["mail.send"]);
    expect(await listAuditEvents(asUser(db, nobody.id, account.id))).toMatchObject({ code: "forbidden" });
  });

  // The readers decide themselves: nobody can reach the log without the right (the raw reader is
  // not exported), whoever calls them.
  it("refuses a caller without the right: another account's member, a key, staff without a review of the log", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const billing = await createApiKey(asUser(db, owner.id, account.id), { name: "Invoices", type: "billing", scopes: ["billing.read"] });
    if (!billing.ok) throw new Error(billing.message);
    const outsider = await createMember(db, (await createAccount(db)).id, "owner");
    expect(await listAuditEvents(asUser(db, outsider.id, account.id))).toMatchObject({ ok: false, code: "not_found" });
    // A key, even one holding api_keys.read: the policy gives the audit log to people only.
    const keyId = await insertKey(db, account.id, "general", ["api_keys.read"]);
    expect(await listAuditEvents({ db, principal: { kind: "key", keyId }, accountId: account.id })).toMatchObject({ ok: false, code: "forbidden" });

    // Support: a member (the owner) is not staff; staff read nothing until they start a review of
    // the log itself, and only for the window after it.
    expect(await reviewAuditEvents({ db, userId: owner.id }, account.id)).toMatchObject({ ok: false, code: "forbidden" });
    const staff = await createSupportStaff(db);
    const sctx = { db, userId: staff.id };
    expect(await reviewAuditEvents(sctx, account.id)).toEqual({ ok: true, data: null });
    await startSupportReview(sctx, account.id, "email_activity");
    expect(await reviewAuditEvents(sctx, account.id)).toEqual({ ok: true, data: null });
    await startSupportReview(sctx, account.id, "audit_log");
    const review = await reviewAuditEvents(sctx, account.id);
    if (!review.ok || !review.data) throw new Error("no review");
    // The whole log, billing keys' events included.
    expect(review.data.events.map((e) => e.action)).toEqual(["support.viewed", "support.viewed", "key.created"]);
    expect(await reviewAuditEvents(sctx, account.id, {}, new Date(Date.now() + REVIEW_WINDOW_MS + 60_000))).toEqual({ ok: true, data: null });
    const other = await createSupportStaff(db);
    expect(await reviewAuditEvents({ db, userId: other.id }, account.id)).toEqual({ ok: true, data: null });
    await db.user.update({ where: { id: staff.id }, data: { isSupportStaff: false } });
    expect(await reviewAuditEvents(sctx, account.id)).toMatchObject({ ok: false, code: "forbidden" });
  });
});
