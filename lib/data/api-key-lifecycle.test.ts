import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { testProviders } from "@/lib/db/test-database";
import { authenticateApiKey } from "./api-auth";
import type { KeyLookup } from "./api-key-lookup";
import { getApiKeyDetails } from "./api-key-history";
import { rollApiKey, setApiKeyDisabled } from "./api-key-lifecycle";
import { createApiKey, updateApiKey } from "./api-key-writes";
import { deleteApiKey, listApiKeys } from "./api-keys";
import { asUser, createAccount, createMember, insertKey, ownerWithKey, setUpKeyLookupDatabase } from "./test-fixtures";

const HOUR = 3_600_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe.each(testProviders)("key lifecycle on %s", (provider) => {
  let db: PrismaClient;
  let lookup: KeyLookup;
  setUpKeyLookupDatabase(provider, (ready) => ({ db, lookup } = ready));

  it("refuses an expiry in the past and creates a key that stops working at its expiry", async () => {
    const now = new Date();
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const ctx = asUser(db, owner.id, account.id);
    const past = await createApiKey(ctx, { name: "late", type: "general", scopes: ["mail.send"], expiresAt: at(now, -1) }, now);
    expect(past).toMatchObject({ ok: false, code: "invalid", fieldErrors: { expiresAt: ["Choose an expiry in the future"] } });

    const { key, apiKey } = await ownerWithKey(db, { expiresAt: at(now, 7 * 24 * HOUR) }, now);
    expect(apiKey.expiresAt).toBe(at(now, 7 * 24 * HOUR).toISOString());
    expect(await authenticateApiKey(lookup, key, at(now, 7 * 24 * HOUR - 1))).not.toBeNull();
    expect(await authenticateApiKey(lookup, key, at(now, 7 * 24 * HOUR))).toBeNull();
  });

  it("rolls with a one-hour grace: both keys work within the hour, only the new one after", async () => {
    const now = new Date();
    const { ctx, key: oldKey, apiKey: old, accountId } = await ownerWithKey(db);
    const rolled = await rollApiKey(ctx, old.id, "1h", now);
    if (!rolled.ok) throw new Error(rolled.message);
    const { key: newKey, apiKey: replacement, previous } = rolled.data;

    expect(replacement).toMatchObject({ name: "deploy", type: "general", scopes: old.scopes, rolledFromId: old.id, expiresAt: null });
    expect(replacement.id).not.toBe(old.id);
    expect(previous.expiresAt).toBe(at(now, HOUR).toISOString());
    expect(await db.account.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({ keyCount: 2 });
    expect((await db.auditEvent.findMany({ where: { targetKeyId: old.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action)).toEqual([
      "key.created",
      "key.rolled",
    ]);

    const within = at(now, HOUR - 1);
    expect(await authenticateApiKey(lookup, oldKey, within)).not.toBeNull();
    expect(await authenticateApiKey(lookup, newKey, within)).not.toBeNull();
    const after = at(now, HOUR);
    expect(await authenticateApiKey(lookup, oldKey, after)).toBeNull();
    expect(await authenticateApiKey(lookup, newKey, after)).not.toBeNull();

    const listed = async (when: Date) => {
      const list = await listApiKeys(ctx, when);
      if (!list.ok) throw new Error(list.message);
      return list.data.keys.map(({ id, status, rolledFromId, rolledToId }) => ({ id, status, rolledFromId, rolledToId }));
    };
    expect(await listed(within)).toEqual([
      { id: replacement.id, status: "active", rolledFromId: old.id, rolledToId: null },
      { id: old.id, status: "active", rolledFromId: null, rolledToId: replacement.id },
    ]);
    expect((await listed(after))[1]).toMatchObject({ status: "expired", rolledToId: replacement.id });
    // Once the old key is gone, the replacement no longer points at it.
    expect(await deleteApiKey(ctx, old.id)).toMatchObject({ ok: true });
    expect(await listed(after)).toEqual([{ id: replacement.id, status: "active", rolledFromId: null, rolledToId: null }]);
  });

  it("never revives an expired key: no roll, no enable, but it can be deleted", async () => {
    const now = new Date();
    const { ctx, apiKey } = await ownerWithKey(db);
    const rolled = await rollApiKey(ctx, apiKey.id, "now", now);
    if (!rolled.ok) throw new Error(rolled.message);
    const later = at(now, 1);
    expect(await rollApiKey(ctx, apiKey.id, "7d", later)).toMatchObject({ ok: false, code: "invalid" });
    expect(await setApiKeyDisabled(ctx, apiKey.id, false, later)).toMatchObject({ ok: false, code: "invalid" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).expiresAt).toEqual(now);
    expect(await deleteApiKey(ctx, apiKey.id)).toMatchObject({ ok: true });
  });

  it("refuses to edit an expired key's name or permissions: nothing is written, it can still be deleted", async () => {
    const now = new Date();
    const { ctx, apiKey } = await ownerWithKey(db, { expiresAt: at(now, HOUR) }, now);
    expect(await updateApiKey(ctx, apiKey.id, { name: "renamed" }, at(now, HOUR - 1))).toMatchObject({ ok: true });
    const before = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    for (const input of [{ name: "again" }, { name: "renamed", permissions: { scopes: ["mail.send"] } }]) {
      expect(await updateApiKey(ctx, apiKey.id, input, at(now, HOUR))).toEqual({
        ok: false,
        code: "invalid",
        message: "This API key has expired: it can only be deleted",
      });
    }
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).toEqual(before);
    expect(await db.auditEvent.count({ where: { targetKeyId: apiKey.id, action: "key.updated" } })).toBe(1);
    expect(await deleteApiKey(ctx, apiKey.id)).toMatchObject({ ok: true });
  });

  it("disables and enables a key, audited, refused by the lookup while disabled", async () => {
    const { ctx, key, apiKey } = await ownerWithKey(db);
    const disabled = await setApiKeyDisabled(ctx, apiKey.id, true);
    expect(disabled).toMatchObject({ ok: true, data: { id: apiKey.id } });
    expect(disabled.ok && disabled.data.disabledAt).toBeTruthy();
    expect(await authenticateApiKey(lookup, key)).toBeNull();
    expect(await setApiKeyDisabled(ctx, apiKey.id, false)).toMatchObject({ ok: true, data: { disabledAt: null } });
    expect(await authenticateApiKey(lookup, key)).not.toBeNull();
    const actions = await db.auditEvent.findMany({ where: { targetKeyId: apiKey.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((e) => e.action)).toEqual(["key.created", "key.disabled", "key.enabled"]);
  });

  it("answers not found for another account's key, and forbids a read-only member", async () => {
    const { apiKey } = await ownerWithKey(db);
    const { ctx: stranger } = await ownerWithKey(db);
    expect(await setApiKeyDisabled(stranger, apiKey.id, true)).toMatchObject({ ok: false, code: "not_found" });
    expect(await rollApiKey(stranger, apiKey.id, "now")).toMatchObject({ ok: false, code: "not_found" });
    const account = await createAccount(db);
    const reader = await createMember(db, account.id, "read_only", ["api_keys.read"]);
    expect(await rollApiKey(asUser(db, reader.id, account.id), apiKey.id, "now")).toMatchObject({ ok: false, code: "forbidden" });
    // Creating keys is not enough: a roll also shortens the old key's life, an edit of it.
    const creator = await createMember(db, account.id, "restricted", ["api_keys.read", "api_keys.create", "mail.send"]);
    const own = await insertKey(db, account.id, "general", ["mail.send"]);
    expect(await rollApiKey(asUser(db, creator.id, account.id), own, "now")).toMatchObject({ ok: false, code: "forbidden" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: own } })).expiresAt).toBeNull();
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).disabledAt).toBeNull();
  });

  it("shows a key's page with its history to its account only", async () => {
    const { ctx, apiKey } = await ownerWithKey(db, { scopes: ["mail.send", "stats.read"] });
    await setApiKeyDisabled(ctx, apiKey.id, true);
    const details = await getApiKeyDetails(ctx, apiKey.id);
    if (!details.ok) throw new Error(details.message);
    expect(details.data.apiKey.scopes).toEqual(["mail.send", "stats.read"]);
    expect(details.data.history.map((event) => event.action)).toEqual(["key.disabled", "key.created"]);
    const { ctx: stranger } = await ownerWithKey(db);
    expect(await getApiKeyDetails(stranger, apiKey.id)).toMatchObject({ ok: false, code: "not_found" });
  });
});
