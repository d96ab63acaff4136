import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { testProviders } from "@/lib/db/test-database";
import { apiKeyContext, authenticateApiKey } from "./api-auth";
import type { KeyLookup } from "./api-key-lookup";
import { updateApiKey } from "./api-key-writes";
import { getApiKey, listApiKeys } from "./api-keys";
import { listEmailMessages } from "./email-activity";
import { createAccount, ownerWithKey, setUpKeyLookupDatabase } from "./test-fixtures";

// A /v3 request reads its key once, in the lookup; lib/data checks the policy against what that
// read found. Only a write reads the key again, inside its transaction (reauthorize).
describe.each(testProviders)("the /v3 key read once per request on %s", (provider) => {
  let db: PrismaClient;
  let lookup: KeyLookup;
  setUpKeyLookupDatabase(provider, (ready) => ({ db, lookup } = ready));

  // Counts the Prisma reads of the calling key's own row made through the context's client.
  function counting(keyId: string) {
    const reads = { count: 0 };
    const delegate = new Proxy(db.apiKey, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== "function") return value;
        return (args?: { where?: { id?: unknown } }) => {
          if (args?.where?.id === keyId) reads.count++;
          return (value as (a: unknown) => unknown).call(target, args);
        };
      },
    });
    const client = new Proxy(db, { get: (target, property) => (property === "apiKey" ? delegate : Reflect.get(target, property, target)) });
    return { client: client as PrismaClient, reads };
  }

  async function authenticated(scopes: string[]) {
    const { key, accountId } = await ownerWithKey(db, { name: "caller", scopes });
    const caller = await authenticateApiKey(lookup, key);
    if (!caller) throw new Error("not authenticated");
    return { caller, accountId };
  }

  it("answers reads without reading the key again", async () => {
    const { caller } = await authenticated(["api_keys.read", "api_keys.update", "email_activity.read"]);
    const { client, reads } = counting(caller.keyId);
    const ctx = apiKeyContext(client, caller);
    expect((await listApiKeys(ctx)).ok).toBe(true);
    expect((await listEmailMessages(ctx)).ok).toBe(true);
    expect(reads.count).toBe(0);
    // Asking for the key itself reads it as the answer, once.
    expect((await getApiKey(ctx, caller.keyId)).ok).toBe(true);
    expect(reads.count).toBe(1);
  });

  it("checks the policy against the key as authenticated: its scopes, its account", async () => {
    const { caller } = await authenticated(["email_activity.read"]);
    expect(await listApiKeys(apiKeyContext(db, caller))).toMatchObject({ ok: false, code: "forbidden" });
    const other = await createAccount(db);
    expect(await listEmailMessages({ ...apiKeyContext(db, caller), accountId: other.id })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("writes with the key read again inside the transaction, named in the audit log", async () => {
    const { caller, accountId } = await authenticated(["api_keys.read", "api_keys.update"]);
    expect((await updateApiKey(apiKeyContext(db, caller), caller.keyId, { name: "renamed by itself" })).ok).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { accountId, action: "key.updated" }, select: { actorKeyId: true, actorName: true } });
    expect(event).toEqual({ actorKeyId: caller.keyId, actorName: "caller" });
  });
});
