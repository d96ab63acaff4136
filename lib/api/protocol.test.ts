import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/create-client";
import { testProviders } from "@/lib/db/test-database";
import { createAccount } from "@/lib/data/test-fixtures";
import { call, insertKey, startApiServer, type RunningApi, useApiServer } from "./testing/api-server";

const apiKeysFull = ["api_keys.create", "api_keys.delete", "api_keys.read", "api_keys.update"];
const err = (message: string, field: string | null = null) => ({ errors: [{ field, message }] });
const sendGridError = z.strictObject({
  errors: z.array(z.strictObject({ field: z.string().nullable(), message: z.string().min(1) })).min(1),
});

// Each is sent to every route that reads a body; values go in every field those routes read.
const huge = "a".repeat(60_000);
const hostileBodies: unknown[] = [
  ...["a\u0000b", "\u0000", huge, 42, -0, 1e308, true, null, [], ["x"], {}, { name: "x" }, "🔑".repeat(60), "\ud800", "\u202eevil", "e\u0301"].flatMap(
    (value) => [{ name: value, scopes: ["mail.send"] }, { name: value }, { billing_email: value }],
  ),
  { name: "x", scopes: "mail.send" },
  { name: "x", scopes: {} },
  { name: "x", scopes: [1, 2] },
  { name: "x", scopes: [null] },
  { name: "x", scopes: [["mail.send"]] },
  { name: "x", scopes: ["mail.send\u0000"] },
  { name: "x", scopes: [huge] },
  { name: "x", scopes: Array.from({ length: 10_000 }, () => "mail.send") },
  { name: "x", scopes: Array.from({ length: 5_000 }, (_, i) => `s${i}`) },
  { billing_email: `${"a".repeat(300)}@example.test` },
  { billing_email: "a\u0000@example.test" },
  { name: { a: { b: { c: [1, { d: "x" }] } } }, billing_email: { $ne: null } },
  "[]",
  "null",
  "42",
  '"just a string"',
  '{"__proto__":{"name":"x","scopes":["mail.send"]}}',
  '{"constructor":{"prototype":{"name":"x"}}}',
  "\ufeff{}",
  `${"[".repeat(5_000)}${"]".repeat(5_000)}`,
];

// HTTP-level behaviour of /v3: bodies, methods, unknown paths, headers, logs, last-use bookkeeping.
describe.each(testProviders)("the /v3 protocol on %s", (provider) => {
  let db: PrismaClient;
  let url: string;
  let api: RunningApi;
  useApiServer(provider, (server) => ({ db, url, api } = server));

  const account = async () => ({ id: (await createAccount(db)).id });

  it("answers bad JSON 400, an oversized body 413, a wrong method 405 with Allow, an unknown path 404", async () => {
    const acct = await account();
    const { key } = await insertKey(db, acct.id, [...apiKeysFull, "mail.send"]);
    const badJson = await call(api, key, "POST", "/v3/api_keys", "{not json");
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual(err("request body is invalid JSON"));
    expect((await call(api, key, "POST", "/v3/api_keys", "[1,2]")).status).toBe(400);
    const huge = await call(api, key, "POST", "/v3/api_keys", { name: "x", padding: "a".repeat(70 * 1024) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual(err("request body is too large"));
    const wrongMethod = await call(api, key, "DELETE", "/v3/api_keys");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, POST");
    expect(await wrongMethod.json()).toEqual(err("method not allowed"));
    const unknown = await call(api, key, "GET", "/v3/nothing/here");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual(err("resource not found"));
    expect(await db.apiKey.count({ where: { accountId: acct.id } })).toBe(1);
  });

  it("never answers 500 to a hostile body: every refusal is a 4xx in SendGrid's error shape", async () => {
    const acct = await account();
    const general = await insertKey(db, acct.id, [...apiKeysFull, "mail.send"]);
    const billing = await insertKey(db, acct.id, ["billing.read", "billing.update"], "billing");
    const target = await insertKey(db, acct.id, ["mail.send"], "general", "target");
    const routes = [
      [general.key, "POST", "/v3/api_keys"],
      [general.key, "PATCH", `/v3/api_keys/${target.id}`],
      [general.key, "PUT", `/v3/api_keys/${target.id}`],
      [billing.key, "PATCH", "/v3/billing/profile"],
    ] as const;
    for (const [key, method, path] of routes) {
      for (const body of hostileBodies) {
        const response = await call(api, key, method, path, body);
        const label = `${method} ${path} ${(typeof body === "string" ? body : JSON.stringify(body)).slice(0, 80)}`;
        expect(response.status, label).toBeLessThan(500);
        if (response.status >= 400) expect(sendGridError.safeParse(await response.json()).success, label).toBe(true);
        else await response.body?.cancel();
      }
    }
  });

  it("answers 401 to a caller without a valid key before saying whether a path or method exists", async () => {
    const acct = await account();
    const { key } = await insertKey(db, acct.id, ["mail.send"]);
    const probes = [
      ["GET", "/v3/nothing/here"],
      ["GET", "/v3"],
      ["DELETE", "/v3/api_keys"],
      ["POST", "/v3/scopes"],
      ["PUT", "/v3/billing/profile"],
      ["GET", "/v3/api_keys/a/b"],
    ] as const;
    for (const [method, path] of probes) {
      for (const presented of [null, `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`]) {
        const response = await call(api, presented, method, path);
        expect(response.status, `${method} ${path}`).toBe(401);
        expect(response.headers.get("allow"), `${method} ${path}`).toBeNull();
        expect(await response.json()).toEqual(err("authorization required"));
      }
      // The same probe with a valid key is told what it asked.
      expect((await call(api, key, method, path)).status, `${method} ${path}`).toBeOneOf([404, 405]);
    }
  });

  it("tells a caller who sent a bare key id that the id alone is not the key, in SendGrid's 401 shape", async () => {
    const acct = await account();
    const { id, key } = await insertKey(db, acct.id, ["mail.send"]);
    const hint = err("authorization required: this looks like an API key ID, which alone is not the key; use the full API key, which starts with SG.");
    // The same answer for an id that exists and one that does not: decided on the format alone.
    for (const presented of [id, "AAAAAAAAAAAAAAAAAAAAAA"]) {
      const response = await call(api, presented, "GET", "/v3/scopes");
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(hint);
    }
    // Anything else that is not a live key keeps the plain answer.
    for (const presented of [`${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`, `SG.${id}`, `${id}x`, id.slice(1)]) {
      const response = await call(api, presented, "GET", "/v3/scopes");
      expect(response.status, presented).toBe(401);
      expect(await response.json()).toEqual(err("authorization required"));
    }
  });

  it("stops reading a chunked body at 64 KB and answers 413 without creating anything", async () => {
    const acct = await account();
    const { key } = await insertKey(db, acct.id, [...apiKeysFull, "mail.send"]);
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${api.url}/v3/api_keys`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on("error", reject);
      req.write(`{"name":"chunked","scopes":["mail.send"],"padding":"`);
      for (let i = 0; i < 70; i++) req.write("a".repeat(1024));
      req.end(`"}`);
    });
    expect(status).toBe(413);
    expect(JSON.parse(body)).toEqual(err("request body is too large"));
    expect(await db.apiKey.count({ where: { accountId: acct.id } })).toBe(1);
  });

  it("sends its own security headers, and logs requests without secrets", async () => {
    const acct = await account();
    const { key } = await insertKey(db, acct.id, ["mail.send"]);
    const response = await call(api, key, "GET", "/v3/scopes");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    await call(api, key, "GET", `/v3/scopes?api_key=${key}`);
    const entries = api.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(expect.objectContaining({ msg: "v3", method: "GET", route: "/v3/scopes", status: 200, ms: expect.any(Number) }));
    const secret = key.slice(-43);
    expect(api.logs.join("\n")).not.toContain(secret);
    expect(api.logs.join("\n")).not.toMatch(/bearer/i);
  });

  it("records a key's last use after the response, once a minute, without touching updatedAt", async () => {
    const acct = await account();
    const { id, key } = await insertKey(db, acct.id, ["mail.send"]);
    const before = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(before.lastUsedAt).toBeNull();
    await call(api, key, "GET", "/v3/scopes");
    await expect.poll(async () => (await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt, { timeout: 5000 }).not.toBeNull();
    const first = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(first.updatedAt).toEqual(before.updatedAt);
    await call(api, key, "GET", "/v3/scopes");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first.lastUsedAt);
  });

  it("answers promptly while the last-use write never completes: it is off the critical path", async () => {
    const acct = await account();
    const { key } = await insertKey(db, acct.id, ["mail.send"]);
    let writes = 0;
    // The same database, except that the raw statements of the key-use flush (the UPDATE of the
    // last use, the usage counts' INSERT) hang forever.
    const stalled = new Proxy(db, {
      get(target, property) {
        if (property === "$executeRaw") {
          return (sql: TemplateStringsArray) => {
            if (sql[0]?.includes('UPDATE "ApiKey"')) writes++;
            return new Promise<never>(() => {});
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const stalledApi = await startApiServer(stalled, url);
    try {
      const timedOut = new Promise<string>((resolve) => setTimeout(() => resolve("no answer within 3 s"), 3_000));
      for (let attempt = 0; attempt < 2; attempt++) {
        const status = call(stalledApi, key, "GET", "/v3/scopes").then((response) => response.status);
        expect(await Promise.race([status, timedOut])).toBe(200);
      }
      // The write was attempted (so the test exercised it), once for the minute.
      await expect.poll(() => writes).toBe(1);
    } finally {
      await stalledApi.close();
    }
  });
});
