import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { hashSecret } from "@/lib/keys/hash";
import { parseApiKey } from "@/lib/keys/parse";
import { allBillingScopes, allGeneralScopes } from "@/lib/permissions/catalog";
import { createApiKey, updateApiKey } from "./api-key-writes";
import { deleteApiKey, getApiKey, listApiKeys } from "./api-keys";
import type { DataResult } from "./result";
import { asUser, createAccount, createMember, insertKey, insertKeys } from "./test-fixtures";

const teammateScopes = ["api_keys.create", "api_keys.delete", "api_keys.read", "api_keys.update", "mail.send"];

function expectCappedAt100(results: DataResult<unknown>[]) {
  expect(results.filter((r) => r.ok)).toHaveLength(5);
  const refusals = results.filter((r) => !r.ok);
  expect(refusals).toHaveLength(15);
  for (const refusal of refusals) expect(refusal).toMatchObject({ code: "limit", message: "You have reached the limit of 100 API keys" });
}

describe.each(testProviders)("API keys data layer on %s", (provider) => {
  let db: PrismaClient;
  let url: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ prisma: db, url, drop } = await createTestDatabase(provider));
  });
  afterAll(async () => drop?.());

  async function ownerOfNewAccount() {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    return { account, owner, ctx: asUser(db, owner.id, account.id) };
  }

  it("returns the key once and stores only the SHA-256 hash of its secret", async () => {
    const { account, ctx } = await ownerOfNewAccount();
    const result = await createApiKey(ctx, { name: "  Production  ", type: "general", scopes: ["mail.send"] });
    if (!result.ok) throw new Error(result.message);

    const parsed = parseApiKey(result.data.key);
    expect(parsed?.id).toBe(result.data.apiKey.id);
    expect(result.data.apiKey).toMatchObject({ name: "Production", type: "general", scopes: ["mail.send"] });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: result.data.apiKey.id } });
    expect(row.secretHash).toBe(hashSecret(parsed!.secret));
    expect(JSON.stringify(row)).not.toContain(parsed!.secret);

    const events = await db.auditEvent.findMany({ where: { accountId: account.id } });
    expect(events.map((e) => [e.action, e.targetKeyId])).toEqual([["key.created", row.id]]);
    expect(JSON.stringify(events)).not.toContain(parsed!.secret);
  });

  it("lists keys newest first, without secrets or hashes", async () => {
    const { ctx } = await ownerOfNewAccount();
    for (const name of ["first", "second"]) {
      const created = await createApiKey(ctx, { name, type: "general", scopes: ["mail.send"] });
      expect(created.ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const list = await listApiKeys(ctx);
    if (!list.ok) throw new Error(list.message);
    expect(list.data.keys.map((k) => k.name)).toEqual(["second", "first"]);
    expect(Object.keys(list.data.keys[0]!).sort()).toEqual([
      "createdAt", "createdBy", "disabledAt", "expiresAt", "id", "lastUsedAt", "name", "permissionSummary", "rolledFromId", "rolledToId", "scopes", "status", "type", "updatedAt",
    ]);
    expect(list.data.keys[0]!.createdBy).toEqual({ name: "Test User", removed: false });
    // Said by the server, so that the page's JavaScript needs no scope catalog.
    expect(list.data.keys[0]!.permissionSummary).toBe("Restricted · 1 category");
    expect(list.data.abilities).toEqual({ create: true, update: true, disable: true, roll: true, delete: true, billing: true });
  });

  it("counts every key of the account against the limit, also those the member cannot see", async () => {
    const { account } = await ownerOfNewAccount();
    await insertKeys(db, account.id, 3);
    for (const scopes of [["billing.read"], ["billing.read", "billing.update"]]) await insertKey(db, account.id, "billing", scopes);
    const member = await createMember(db, account.id, "restricted", ["api_keys.read", "mail.send"]);
    const list = await listApiKeys(asUser(db, member.id, account.id));
    if (!list.ok) throw new Error(list.message);
    expect(list.data.keys).toHaveLength(3);
    expect(list.data).toMatchObject({ count: 5, limit: 100 });
  });

  it("caps an account at 100 keys even when 20 creates race over several connections", async () => {
    const { account, owner } = await ownerOfNewAccount();
    await insertKeys(db, account.id, 95);
    // One client is one SQLite connection (or one pool), which would queue the transactions by
    // itself: the race only means something across connections, as between processes.
    const clients = Array.from({ length: 4 }, () => createPrismaClient(url));
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          createApiKey(asUser(clients[i % clients.length]!, owner.id, account.id), { name: `race ${i}`, type: "general", scopes: ["mail.send"] }),
        ),
      );
      expectCappedAt100(results);
    } finally {
      await Promise.all(clients.map((client) => client.$disconnect()));
    }
    expect(await db.apiKey.count({ where: { accountId: account.id } })).toBe(100);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).keyCount).toBe(100);
    expect(await db.auditEvent.count({ where: { accountId: account.id } })).toBe(5);
  });

  it("frees a place when a key is deleted", async () => {
    const { account, ctx } = await ownerOfNewAccount();
    const [first] = await insertKeys(db, account.id, 100);
    expect((await createApiKey(ctx, { name: "101st", type: "general", scopes: ["mail.send"] })).ok).toBe(false);
    expect((await deleteApiKey(ctx, first!)).ok).toBe(true);
    expect((await createApiKey(ctx, { name: "100th", type: "general", scopes: ["mail.send"] })).ok).toBe(true);
  });

  it("refuses to let a teammate grant a scope they do not hold, on create and on edit", async () => {
    const { account } = await ownerOfNewAccount();
    const teammate = await createMember(db, account.id, "restricted", teammateScopes);
    const ctx = asUser(db, teammate.id, account.id);

    const escalated = await createApiKey(ctx, { name: "too much", type: "general", scopes: ["mail.send", "alerts.read"] });
    expect(escalated).toMatchObject({ ok: false, code: "unassignable", message: "You cannot grant permissions you do not have" });

    const allowed = await createApiKey(ctx, { name: "fine", type: "general", scopes: ["mail.send"] });
    if (!allowed.ok) throw new Error(allowed.message);
    const edited = await updateApiKey(ctx, allowed.data.apiKey.id, { name: "fine", permissions: { scopes: ["mail.send", "alerts.read"] } });
    expect(edited).toMatchObject({ ok: false, code: "unassignable" });
    const byLevels = await updateApiKey(ctx, allowed.data.apiKey.id, { name: "fine", permissions: { levels: { alerts: "full" } } });
    expect(byLevels).toMatchObject({ ok: false, code: "unassignable" });

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: allowed.data.apiKey.id } });
    expect(JSON.parse(row.scopes)).toEqual(["mail.send"]);
    expect(await db.apiKey.count({ where: { accountId: account.id } })).toBe(1);
  });

  it("never mixes billing and general scopes, whatever the caller sends", async () => {
    const { account, ctx } = await ownerOfNewAccount();
    for (const [type, scopes] of [
      ["general", ["mail.send", "billing.read"]],
      ["billing", ["billing.read", "mail.send"]],
      ["general", ["no.such.scope"]],
      ["general", ["2fa_exempt"]],
    ] as const) {
      const result = await createApiKey(ctx, { name: "mixed", type, scopes: [...scopes] });
      expect(result).toMatchObject({ ok: false, code: "unassignable" });
    }
    const billing = await createApiKey(ctx, { name: "billing", type: "billing", scopes: [...allBillingScopes] });
    if (!billing.ok) throw new Error(billing.message);
    const widened = await updateApiKey(ctx, billing.data.apiKey.id, { name: "billing", permissions: { scopes: ["billing.read", "mail.send"] } });
    expect(widened).toMatchObject({ ok: false, code: "unassignable" });
    expect(await db.apiKey.count({ where: { accountId: account.id } })).toBe(1);
  });

  it("refuses members without the needed scope, and outsiders as not found", async () => {
    const { account, ctx: ownerCtx } = await ownerOfNewAccount();
    const reader = await createMember(db, account.id, "restricted", ["api_keys.read", "mail.send"]);
    const readerCtx = asUser(db, reader.id, account.id);
    const created = await createApiKey(ownerCtx, { name: "owned", type: "general", scopes: ["mail.send"] });
    if (!created.ok) throw new Error(created.message);
    const id = created.data.apiKey.id;

    expect((await listApiKeys(readerCtx)).ok).toBe(true);
    expect(await createApiKey(readerCtx, { name: "x", type: "general", scopes: ["mail.send"] })).toMatchObject({ code: "forbidden" });
    expect(await updateApiKey(readerCtx, id, { name: "renamed" })).toMatchObject({ code: "forbidden" });
    expect(await deleteApiKey(readerCtx, id)).toMatchObject({ code: "forbidden" });

    const stranger = await ownerOfNewAccount();
    // Acting on the other account's key from their own account: the key is simply not there.
    expect(await getApiKey(stranger.ctx, id)).toMatchObject({ code: "not_found" });
    expect(await updateApiKey(stranger.ctx, id, { name: "hijacked" })).toMatchObject({ code: "not_found" });
    expect(await deleteApiKey(stranger.ctx, id)).toMatchObject({ code: "not_found" });
    // Claiming the other account outright: not a member, so not found either.
    const intruder = asUser(db, stranger.owner.id, account.id);
    expect(await listApiKeys(intruder)).toMatchObject({ code: "not_found" });
    expect(await deleteApiKey(intruder, id)).toMatchObject({ code: "not_found" });

    const row = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.name).toBe("owned");
    expect(await db.auditEvent.count({ where: { accountId: stranger.account.id } })).toBe(0);
  });

  it("edits by category level, keeping Custom categories and system scopes", async () => {
    const { account, ctx } = await ownerOfNewAccount();
    const [id] = await insertKeys(db, account.id, 1, ["alerts.create", "mail.send", "2fa_exempt"]);
    const result = await updateApiKey(ctx, id!, {
      name: "renamed",
      permissions: { levels: { alerts: "custom", mail_send: "none", stats: "read" } },
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.name).toBe("renamed");
    expect(result.data.scopes).toContain("alerts.create");
    expect(result.data.scopes).toContain("2fa_exempt");
    expect(result.data.scopes).toContain("stats.read");
    expect(result.data.scopes).not.toContain("mail.send");
    const event = await db.auditEvent.findFirstOrThrow({ where: { accountId: account.id, action: "key.updated" } });
    expect(JSON.parse(event.details!)).toMatchObject({ name: { to: "renamed" }, scopes: { removed: ["mail.send"] } });
  });

  it("validates names and requires a permission, writing nothing", async () => {
    const { account, ctx } = await ownerOfNewAccount();
    expect(await createApiKey(ctx, { name: "   ", type: "general", scopes: ["mail.send"] })).toMatchObject({
      code: "invalid",
      fieldErrors: { name: ["Enter a name for the API key"] },
    });
    expect(await createApiKey(ctx, { name: "x".repeat(101), type: "general", scopes: ["mail.send"] })).toMatchObject({ code: "invalid" });
    expect(await createApiKey(ctx, { name: "empty", type: "general", scopes: [] })).toMatchObject({ code: "invalid" });
    expect(await db.apiKey.count({ where: { accountId: account.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("deletes for good: the row, the counter and an audit event", async () => {
    const { account, ctx } = await ownerOfNewAccount();
    const created = await createApiKey(ctx, { name: "doomed", type: "general", scopes: [...allGeneralScopes] });
    if (!created.ok) throw new Error(created.message);
    const id = created.data.apiKey.id;
    expect(await deleteApiKey(ctx, id)).toEqual({ ok: true, data: { id } });
    expect(await db.apiKey.findUnique({ where: { id } })).toBeNull();
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).keyCount).toBe(0);
    expect(await deleteApiKey(ctx, id)).toMatchObject({ code: "not_found" });
    const actions = (await db.auditEvent.findMany({ where: { accountId: account.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["key.created", "key.deleted"]);
  });
});
