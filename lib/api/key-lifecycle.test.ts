// An expired or disabled key is refused on /v3 from its next request, with the same 401 as a
// wrong key; the handler's clock is injected, so expiry is tested without waiting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/db/test-database";
import { createAccount } from "@/lib/data/test-fixtures";
import { call, insertKey, startApiServer, type RunningApi } from "./testing/api-server";

describe.each(testProviders)("expired and disabled keys on /v3 (%s)", (provider) => {
  let database: TestDatabase;
  let api: RunningApi;
  let clock = new Date("2030-06-01T12:00:00.000Z");
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    api = await startApiServer(database.prisma, database.url, () => clock);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  async function scopes(key: string) {
    const response = await call(api, key, "GET", "/v3/scopes");
    return { status: response.status, body: await response.json() };
  }

  it("answers 401 from the instant a key expires", async () => {
    const account = await createAccount(database.prisma);
    const { id, key } = await insertKey(database.prisma, account.id, ["mail.send"]);
    const expiresAt = new Date("2030-06-01T13:00:00.000Z");
    await database.prisma.apiKey.update({ where: { id }, data: { expiresAt } });
    clock = new Date(expiresAt.getTime() - 1000);
    expect((await scopes(key)).status).toBe(200);
    clock = expiresAt;
    const refused = await scopes(key);
    expect(refused.status).toBe(401);
    const wrong = await scopes(`${key.slice(0, -3)}xyz`);
    expect(refused.body).toEqual(wrong.body);
  });

  it("answers 401 while a key is disabled and 200 again once enabled", async () => {
    const account = await createAccount(database.prisma);
    const { id, key } = await insertKey(database.prisma, account.id, ["mail.send"]);
    await database.prisma.apiKey.update({ where: { id }, data: { disabledAt: clock } });
    expect((await scopes(key)).status).toBe(401);
    await database.prisma.apiKey.update({ where: { id }, data: { disabledAt: null } });
    expect((await scopes(key)).status).toBe(200);
  });

  // SendGrid has no expiry; its PUT/PATCH answer 400 for a request it will not carry out. The key
  // is still there (GET shows it, DELETE removes it), so "unable to find API Key" would be untrue.
  it("answers 400 to PUT and PATCH on an expired key, and still deletes it", async () => {
    const account = await createAccount(database.prisma);
    const { key: caller } = await insertKey(database.prisma, account.id, ["api_keys.read", "api_keys.update", "api_keys.delete", "mail.send"]);
    const { id } = await insertKey(database.prisma, account.id, ["mail.send"], "general", "expired");
    // The data layer judges expiry by the real clock: the key expired a minute ago.
    await database.prisma.apiKey.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const refusal = { errors: [{ field: null, message: "This API key has expired: it can only be deleted" }] };
    for (const [method, body] of [["PUT", { name: "renamed", scopes: ["mail.send"] }], ["PATCH", { name: "renamed" }]] as const) {
      const response = await call(api, caller, method, `/v3/api_keys/${id}`, body);
      expect(response.status, method).toBe(400);
      expect(await response.json()).toEqual(refusal);
    }
    const shown = await call(api, caller, "GET", `/v3/api_keys/${id}`);
    expect(await shown.json()).toMatchObject({ api_key_id: id, name: "expired" });
    expect((await call(api, caller, "DELETE", `/v3/api_keys/${id}`)).status).toBe(204);
  });
});
