import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { testProviders } from "@/lib/db/test-database";
import { deleteApiKey } from "@/lib/data/api-keys";
import { asUser, createAccount, createMember, insertKeys } from "@/lib/data/test-fixtures";
import { allGeneralScopes } from "@/lib/permissions/catalog";
import { CONTROL_CHARACTERS_MESSAGE } from "@/lib/validation/text";
import { call, insertKey, type RunningApi, useApiServer } from "./testing/api-server";

const apiKeysFull = ["api_keys.create", "api_keys.delete", "api_keys.read", "api_keys.update"];
const err = (message: string, field: string | null = null) => ({ errors: [{ field, message }] });

describe.each(testProviders)("the /v3 API on %s", (provider) => {
  let db: PrismaClient;
  let api: RunningApi;
  useApiServer(provider, (server) => ({ db, api } = server));

  async function account() {
    const acct = await createAccount(db);
    const owner = await createMember(db, acct.id, "owner");
    return { id: acct.id, owner: asUser(db, owner.id, acct.id) };
  }

  describe("authentication", () => {
    it("answers 401 in SendGrid's shape for a missing, malformed, unknown, wrong or deleted key", async () => {
      const acct = await account();
      const { id, key } = await insertKey(db, acct.id, ["mail.send"]);
      const wrongSecret = `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`;
      const unknown = `SG.${"x".repeat(22)}.${key.slice(-43)}`;
      const presented = [null, "SG.short", unknown, wrongSecret, `${key} trailing`];
      for (const candidate of presented) {
        const response = await call(api, candidate, "GET", "/v3/scopes");
        expect(response.status, String(candidate)).toBe(401);
        expect(await response.json()).toEqual(err("authorization required"));
      }
      const basic = await fetch(`${api.url}/v3/scopes`, { headers: { authorization: `Basic ${key}` } });
      expect(basic.status).toBe(401);
      expect((await call(api, key, "GET", "/v3/scopes")).status).toBe(200);
      expect((await deleteApiKey(acct.owner, id)).ok).toBe(true);
      expect((await call(api, key, "GET", "/v3/scopes")).status).toBe(401);
    });

    it("refuses a key in the query string even alongside a valid header, however it is encoded", async () => {
      const acct = await account();
      const { key } = await insertKey(db, acct.id, apiKeysFull);
      const [, id, secret] = key.split(".");
      const queries = [
        `api_key=${key}`,
        `limit=1&access_token=${key}`,
        `x=SG%2E${id}%2E${secret}`,
        `x=%53%47%2E${id}%2E${secret}`,
        `x=SG%252E${id}%252E${secret}`,
        `${encodeURIComponent(key)}=1`,
        `SG%2E${id}=1`,
        "apikey=anything",
        "X-Api-Key=anything",
        "auth_token=anything",
        "client_secret=anything",
        "api%5Fkey=anything",
      ];
      for (const query of queries) {
        const response = await call(api, key, "GET", `/v3/api_keys?${query}`);
        expect(response.status, query).toBe(401);
        expect(await response.json()).toEqual(err("authorization required"));
      }
      expect((await call(api, null, "GET", `/v3/scopes?api_key=${key}`)).status).toBe(401);
      expect((await call(api, key, "GET", "/v3/api_keys?limit=1")).status).toBe(200);
      expect((await call(api, key, "GET", `/v3/api_keys?limit=1&note=${encodeURIComponent("SG. is a prefix")}`)).status).toBe(200);
    });

    it("refuses on-behalf-of with 400 once authenticated, and changes nothing", async () => {
      const acct = await account();
      const { key } = await insertKey(db, acct.id, [...apiKeysFull, "mail.send"]);
      const billing = await insertKey(db, acct.id, ["billing.read", "billing.update"], "billing");
      const onBehalfOf = { "on-behalf-of": "subuser-name" };
      const calls = [
        [key, "GET", "/v3/scopes", undefined],
        [key, "POST", "/v3/api_keys", { name: "for a subuser", scopes: ["mail.send"] }],
        [billing.key, "PATCH", "/v3/billing/profile", { billing_email: "sub@example.test" }],
      ] as const;
      for (const [caller, method, path, body] of calls) {
        const response = await call(api, caller, method, path, body, onBehalfOf);
        expect(response.status, `${method} ${path}`).toBe(400);
        expect(await response.json()).toEqual(err("on-behalf-of is not supported", "on-behalf-of"));
      }
      expect((await call(api, null, "GET", "/v3/scopes", undefined, onBehalfOf)).status).toBe(401);
      expect(await db.apiKey.count({ where: { accountId: acct.id } })).toBe(2);
      expect((await db.account.findUniqueOrThrow({ where: { id: acct.id } })).billingEmail).not.toBe("sub@example.test");
    });

    it("answers 403 access forbidden for a missing scope and across key types", async () => {
      const acct = await account();
      const readOnly = await insertKey(db, acct.id, ["api_keys.read"]);
      const billing = await insertKey(db, acct.id, ["billing.read", "billing.update"], "billing");
      // A general key carrying billing scopes (never made by the rules) still cannot reach billing.
      const odd = await insertKey(db, acct.id, ["api_keys.read", "billing.read"], "general");
      const forbidden = [
        [readOnly.key, "POST", "/v3/api_keys", { name: "x" }],
        [readOnly.key, "GET", "/v3/billing/profile"],
        [billing.key, "GET", "/v3/api_keys"],
        [odd.key, "GET", "/v3/billing/profile"],
      ] as const;
      for (const [key, method, path, body] of forbidden) {
        const response = await call(api, key, method, path, body);
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(await response.json()).toEqual(err("access forbidden"));
      }
      expect(await (await call(api, billing.key, "GET", "/v3/scopes")).json()).toEqual({ scopes: ["billing.read", "billing.update"] });
    });
  });

  describe("/v3/api_keys", () => {
    it("lists names and ids only, honouring ?limit", async () => {
      const acct = await account();
      const caller = await insertKey(db, acct.id, apiKeysFull, "general", "caller");
      await insertKeys(db, acct.id, 3);
      const all = await call(api, caller.key, "GET", "/v3/api_keys");
      expect(all.status).toBe(200);
      const body = (await all.json()) as { result: Record<string, unknown>[] };
      expect(body.result).toHaveLength(4);
      for (const item of body.result) expect(Object.keys(item).sort()).toEqual(["api_key_id", "name"]);
      const limited = (await (await call(api, caller.key, "GET", "/v3/api_keys?limit=2")).json()) as { result: unknown[] };
      expect(limited.result).toHaveLength(2);
      for (const bad of ["0", "-1", "abc", "1.5"]) {
        const response = await call(api, caller.key, "GET", `/v3/api_keys?limit=${bad}`);
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual(err("limit must be a positive integer", "limit"));
      }
    });

    it("creates a key (201), by default with the caller's own general scopes, audited with the key as actor", async () => {
      const acct = await account();
      const caller = await insertKey(db, acct.id, [...allGeneralScopes, "2fa_required"]);
      const response = await call(api, caller.key, "POST", "/v3/api_keys", { name: "made by API" });
      expect(response.status).toBe(201);
      const created = (await response.json()) as { api_key: string; api_key_id: string; name: string; scopes: string[] };
      expect(created.api_key).toMatch(new RegExp(`^SG\\.${created.api_key_id}\\.[A-Za-z0-9_-]{43}$`));
      expect(created).toMatchObject({ name: "made by API", scopes: [...allGeneralScopes] });
      expect((await call(api, created.api_key, "GET", "/v3/scopes")).status).toBe(200);
      const event = await db.auditEvent.findFirstOrThrow({ where: { accountId: acct.id, targetKeyId: created.api_key_id } });
      expect(event).toMatchObject({ action: "key.created", actorKeyId: caller.id, actorUserId: null });
      expect(JSON.stringify(event)).not.toContain(created.api_key.slice(-43));
    });

    it("refuses unassignable scopes and a missing name with 400 on the right field", async () => {
      const acct = await account();
      const caller = await insertKey(db, acct.id, [...apiKeysFull, "mail.send"]);
      const unassignable = err("invalid or unassignable scopes were given", "scopes");
      const cases: [unknown, unknown][] = [
        [{ name: "k", scopes: ["alerts.read"] }, unassignable], // the caller lacks it
        [{ name: "k", scopes: ["no.such.scope"] }, unassignable],
        [{ name: "k", scopes: ["mail.send", "billing.read"] }, unassignable],
        [{ name: "k", scopes: ["2fa_exempt"] }, unassignable],
        [{ name: "k", scopes: [] }, unassignable],
        [{ name: "k", scopes: "mail.send" }, unassignable],
        [{ scopes: ["mail.send"] }, err("missing required argument", "name")],
        [{ name: "  ", scopes: ["mail.send"] }, err("Enter a name for the API key", "name")],
        [{ name: 42 }, err("name must be a string", "name")],
      ];
      for (const [body, expected] of cases) {
        const response = await call(api, caller.key, "POST", "/v3/api_keys", body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(await response.json()).toEqual(expected);
      }
      expect(await db.apiKey.count({ where: { accountId: acct.id } })).toBe(1);
    });

    it("refuses a name with NUL or another control character with 400 on name, for POST, PATCH and PUT", async () => {
      const acct = await account();
      const caller = await insertKey(db, acct.id, [...apiKeysFull, "mail.send"]);
      const target = await insertKey(db, acct.id, ["mail.send"], "general", "target");
      const path = `/v3/api_keys/${target.id}`;
      const refused = err(CONTROL_CHARACTERS_MESSAGE, "name");
      for (const name of ["a\u0000b", "\u0000", "tab\there", "bell\u0007", "del\u007f"]) {
        const calls = [
          ["POST", "/v3/api_keys", { name, scopes: ["mail.send"] }],
          ["PATCH", path, { name }],
          ["PUT", path, { name, scopes: ["mail.send"] }],
        ] as const;
        for (const [method, target, body] of calls) {
          const response = await call(api, caller.key, method, target, body);
          expect(response.status, `${method} ${JSON.stringify(name)}`).toBe(400);
          expect(await response.json()).toEqual(refused);
        }
      }
      expect(await db.apiKey.count({ where: { accountId: acct.id } })).toBe(2);
      expect(await db.apiKey.findUniqueOrThrow({ where: { id: target.id }, select: { name: true } })).toEqual({ name: "target" });
    });

    it("refuses the 101st key with 403, as the page does", async () => {
      const acct = await account();
      const caller = await insertKey(db, acct.id, [...apiKeysFull, "mail.send"]);
      await insertKeys(db, acct.id, 99);
      const response = await call(api, caller.key, "POST", "/v3/api_keys", { name: "101st", scopes: ["mail.send"] });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual(err("Cannot create more than 100 API Keys"));
    });

    it("reads, renames, replaces scopes (keeping system scopes) and deletes one key", async () => {
      const acct = await account();
      const caller = await insertKey(db, acct.id, [...apiKeysFull, "mail.send", "stats.read"]);
      const target = await insertKey(db, acct.id, ["mail.send", "2fa_required"], "general", "target");
      const path = `/v3/api_keys/${target.id}`;

      const read = await call(api, caller.key, "GET", path);
      expect(read.status).toBe(200);
      expect(await read.json()).toEqual({ api_key_id: target.id, name: "target", scopes: ["2fa_required", "mail.send"] });

      const renamed = await call(api, caller.key, "PATCH", path, { name: "renamed" });
      expect(renamed.status).toBe(200);
      expect(await renamed.json()).toEqual({ api_key_id: target.id, name: "renamed" });

      const replaced = await call(api, caller.key, "PUT", path, { name: "renamed", scopes: ["stats.read"] });
      expect(replaced.status).toBe(200);
      expect(await replaced.json()).toEqual({ api_key_id: target.id, name: "renamed", scopes: ["2fa_required", "stats.read"] });

      const escalate = await call(api, caller.key, "PUT", path, { name: "renamed", scopes: ["alerts.read"] });
      expect(escalate.status).toBe(400);
      expect(await escalate.json()).toEqual(err("invalid or unassignable scopes were given", "scopes"));
      const noScopes = await call(api, caller.key, "PUT", path, { name: "renamed" });
      expect(await noScopes.json()).toEqual(err("missing required argument", "scopes"));
      expect((await call(api, caller.key, "PATCH", path, {})).status).toBe(400);

      const deleted = await call(api, caller.key, "DELETE", path);
      expect(deleted.status).toBe(204);
      expect(await deleted.text()).toBe("");
      // Every change through the API is audited with the calling key as the actor.
      const events = await db.auditEvent.findMany({ where: { accountId: acct.id, targetKeyId: target.id } });
      expect(events.map((event) => [event.action, event.actorKeyId, event.actorUserId]).sort()).toEqual([
        ["key.deleted", caller.id, null],
        ["key.updated", caller.id, null], // PATCH
        ["key.updated", caller.id, null], // PUT
      ]);
      const again = await call(api, caller.key, "DELETE", path);
      expect(again.status).toBe(404);
      expect(await again.json()).toEqual(err("unable to find API Key"));
    });

    it("answers 404 for another account's key, an unknown id and a malformed one", async () => {
      const mine = await account();
      const theirs = await account();
      const caller = await insertKey(db, mine.id, apiKeysFull);
      const foreign = await insertKey(db, theirs.id, ["mail.send"]);
      const paths = [foreign.id, "A".repeat(22), "not-an-id", "%E0%A4%A", "..%2F..%2Fetc"].map((id) => `/v3/api_keys/${id}`);
      for (const path of paths) {
        for (const [method, body] of [["GET"], ["PATCH", { name: "x" }], ["PUT", { name: "x", scopes: ["api_keys.read"] }], ["DELETE"]] as const) {
          const response = await call(api, caller.key, method, path, body);
          expect(response.status, `${method} ${path}`).toBe(404);
          expect(await response.json()).toEqual(err("unable to find API Key"));
        }
      }
      expect(await db.apiKey.findUnique({ where: { id: foreign.id }, select: { name: true } })).toEqual({ name: "test key" });
    });
  });

  describe("/v3/billing/profile", () => {
    it("reads and updates the account's billing profile with a billing key", async () => {
      const acct = await account();
      await db.account.update({ where: { id: acct.id }, data: { plan: "Pro 100K", billingEmail: "old@example.test" } });
      const billing = await insertKey(db, acct.id, ["billing.read", "billing.update"], "billing");
      expect(await (await call(api, billing.key, "GET", "/v3/billing/profile")).json()).toEqual({ plan: "Pro 100K", billing_email: "old@example.test" });
      const updated = await call(api, billing.key, "PATCH", "/v3/billing/profile", { billing_email: "new@example.test" });
      expect(updated.status).toBe(200);
      expect(await updated.json()).toEqual({ plan: "Pro 100K", billing_email: "new@example.test" });
      const bad = await call(api, billing.key, "PATCH", "/v3/billing/profile", { billing_email: "nope" });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual(err("Enter a valid e-mail address", "billing_email"));
      expect(await (await call(api, billing.key, "PATCH", "/v3/billing/profile", {})).json()).toEqual(err("missing required argument", "billing_email"));
      const event = await db.auditEvent.findFirstOrThrow({ where: { accountId: acct.id, action: "billing.updated" } });
      expect(event.actorKeyId).toBe(billing.id);
    });
  });
});
