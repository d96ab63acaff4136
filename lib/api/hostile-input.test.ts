// Property-based: whatever a client sends in the key, the Authorization header, a key's name, its
// scope list or an id, /v3 answers a clear 4xx (or does what was asked) and never a 500; nothing
// is written for a refused request. fast-check's counterexample is printed on failure.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { testProviders } from "@/lib/db/test-database";
import { generateApiKey } from "@/lib/keys/generate";
import { parseApiKey } from "@/lib/keys/parse";
import { allGeneralScopes, allBillingScopes } from "@/lib/permissions/catalog";
import { createAccount } from "@/lib/data/test-fixtures";
import { isWellFormedText } from "@/lib/validation/text";
import { call, insertKey, useApiServer, type RunningApi } from "./testing/api-server";
import { rawRequest } from "./testing/raw-request";

// Few enough to keep `npm test` short; HOSTILE_RUNS raises it for a heavy run.
const RUNS = Number(process.env.HOSTILE_RUNS ?? 60);

const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.constantFrom("", " ", "\u202Eevil\u202C", "\u200F\u200E", "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "a\u0000b", "\t\r\n", "x".repeat(10_240), "\uD800", "%00", "'; DROP TABLE \"ApiKey\"; --"),
);

function clear4xx(status: number, body: string) {
  expect(status, body).toBeGreaterThanOrEqual(400);
  expect(status, body).toBeLessThan(500);
  expect((JSON.parse(body) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/\w/);
}

describe("key parsing", () => {
  it("never throws and accepts only the exact key shape", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.constant(generateApiKey().key).map((key) => key + "x")), (text) => {
        const parsed = parseApiKey(text);
        if (parsed) expect(`SG.${parsed.id}.${parsed.secret}`).toBe(text);
      }),
      { numRuns: RUNS * 20 },
    );
  });
});

describe.each(testProviders)("hostile input to /v3 on %s", (provider) => {
  let db: PrismaClient;
  let api: RunningApi;
  useApiServer(provider, (server) => ({ db, api } = server));

  async function caller() {
    const account = await createAccount(db);
    const key = await insertKey(db, account.id, ["api_keys.create", "api_keys.read", "api_keys.update", "api_keys.delete", ...allGeneralScopes.filter((scope) => scope.startsWith("mail"))]);
    return { accountId: account.id, ...key };
  }

  it("answers 401 to any Authorization header that is not a valid key, however malformed", async () => {
    const victim = await caller();
    const [, victimId] = victim.key.split(".");
    const forged = fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), minLength: 43, maxLength: 43 }).map((secret) => `SG.${victimId}.${secret}`);
    const header = fc.oneof(
      fc.string({ unit: "binary-ascii", maxLength: 300 }).map((value) => value.replace(/[\r\n]/g, "")),
      fc.string({ unit: "grapheme", maxLength: 100 }).map((value) => `Bearer ${value.replace(/[\r\n]/g, "")}`),
      forged.map((key) => `Bearer ${key}`),
      forged.map((key) => `Basic ${key}`),
      forged.map((key) => `Token ${key}`),
      fc.constant(`Bearer ${"A".repeat(10_240)}`),
      fc.constant(`Bearer SG.${victimId}.${"é".repeat(43)}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(header, { minLength: 0, maxLength: 2 }), async (values) => {
        const { status, body } = await rawRequest(api.url, ["GET /v3/scopes HTTP/1.1", ...values.map((value) => `authorization: ${value}`)]);
        // Node's HTTP parser answers first, before any of our code, to a control character in a
        // header (400) and to headers over its 16 KB limit (431).
        const badBytes = values.some((value) => /[\u0000-\u0008\u000a-\u001f\u007f]/.test(value));
        const oversized = values.join("").length > 16_000;
        const expected = badBytes ? 400 : oversized ? 431 : 401;
        expect(status, values.map((value) => JSON.stringify(value.slice(0, 80))).join(" | ")).toBe(expected);
        if (expected === 401) clear4xx(status, body);
      }),
      { numRuns: RUNS },
    );
    // Sent whole and alone, the victim's key still works: the refusals above were about the input.
    expect((await call(api, victim.key, "GET", "/v3/scopes")).status).toBe(200);
  });

  it("refuses two Authorization headers even when one holds a valid key, in either order", async () => {
    const { key } = await caller();
    for (const values of [[key, "SG.other"], ["SG.other", key], [key, key]]) {
      const { status, body } = await rawRequest(api.url, ["GET /v3/scopes HTTP/1.1", ...values.map((value) => `Authorization: Bearer ${value}`)]);
      expect(status).toBe(401);
      clear4xx(status, body);
    }
    const alone = await rawRequest(api.url, ["GET /v3/scopes HTTP/1.1", `Authorization: Bearer ${key}`]);
    expect(alone.status).toBe(200);
  });

  it("creates a key with any name and scope list only when both are valid, else a clear 400", async () => {
    const { accountId, key } = await caller();
    const scope = fc.oneof(fc.constantFrom(...allGeneralScopes.slice(0, 20), ...allBillingScopes, "mail.send", "unknown.scope", ""), hostileText);
    const scopes = fc.oneof(fc.array(scope, { maxLength: 20 }), fc.constant(Array.from({ length: 5000 }, () => "mail.send")), fc.constant(["mail.send", "mail.send"]), fc.constant(["mail.send", ...allBillingScopes]));
    await fc.assert(
      fc.asyncProperty(hostileText, fc.option(scopes, { nil: undefined }), async (name, scopeList) => {
        const before = await db.apiKey.count({ where: { accountId } });
        const response = await call(api, key, "POST", "/v3/api_keys", { name, scopes: scopeList });
        const body = await response.text();
        if (response.status === 201) {
          const created = JSON.parse(body) as { api_key_id: string; name: string; scopes: string[] };
          // Stored as given (trimmed), shown as text: never interpreted.
          expect(created.name).toBe(name.trim());
          expect(created.scopes.some((item) => allBillingScopes.includes(item))).toBe(false);
          await call(api, key, "DELETE", `/v3/api_keys/${created.api_key_id}`);
        } else {
          expect([400, 403, 413], body).toContain(response.status);
          clear4xx(response.status, body);
          expect(await db.apiKey.count({ where: { accountId } })).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("answers 404 or a clear 4xx for any id, and changes nothing", async () => {
    const { accountId, key } = await caller();
    const other = await caller();
    const id = fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 100 }).filter(isWellFormedText).map(encodeURIComponent), fc.constant(other.id), fc.constantFrom("%", "..", "%2e%2e", "a/b", "%ZZ", "x".repeat(5000)));
    await fc.assert(
      fc.asyncProperty(id, fc.constantFrom("GET", "PATCH", "PUT", "DELETE"), async (keyId, method) => {
        const response = await call(api, key, method, `/v3/api_keys/${keyId}`, method === "GET" || method === "DELETE" ? undefined : { name: "x", scopes: ["mail.send"] });
        const body = await response.text();
        expect([400, 404, 405], `${method} ${keyId}: ${body}`).toContain(response.status);
        clear4xx(response.status, body);
      }),
      { numRuns: RUNS },
    );
    expect(await db.apiKey.count({ where: { accountId: other.accountId } })).toBe(1);
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ name: "test key" });
    expect(await db.auditEvent.count({ where: { accountId: { in: [accountId, other.accountId] } } })).toBe(0);
  });
});
