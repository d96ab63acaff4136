import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { generateApiKey } from "@/lib/keys/generate";
import { hashSecret } from "@/lib/keys/hash";
import { authenticateApiKey, recordApiKeyUse, resetApiKeyUseTracking } from "./api-auth";
import { createKeyLookup, type KeyLookup } from "./api-key-lookup";
import { createAccount } from "./test-fixtures";

describe.each(testProviders)("API key authentication on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  let lookup: KeyLookup;
  beforeAll(async () => {
    const database = await createTestDatabase(provider);
    ({ prisma: db, drop } = database);
    lookup = createKeyLookup(db, database.url);
  });
  afterAll(async () => {
    await lookup?.close();
    await drop?.();
  });
  beforeEach(() => resetApiKeyUseTracking());

  async function newKey(type = "general", scopes = ["mail.send"]) {
    const account = await createAccount(db);
    const { id, secret, key } = generateApiKey();
    await db.apiKey.create({ data: { id, accountId: account.id, name: "k", type, scopes: JSON.stringify(scopes), secretHash: hashSecret(secret) } });
    return { id, key, accountId: account.id };
  }

  it("returns the key's id, account, type and scopes, and nothing of its secret", async () => {
    const { id, key, accountId } = await newKey("billing", ["billing.read"]);
    const caller = await authenticateApiKey(lookup, key);
    expect(caller).toEqual({ keyId: id, accountId, type: "billing", scopes: ["billing.read"] });
  });

  it("sees a key created and deleted through Prisma on the very next lookup", async () => {
    const { id, key } = await newKey();
    expect(await authenticateApiKey(lookup, key)).not.toBeNull();
    await db.apiKey.delete({ where: { id } });
    expect(await authenticateApiKey(lookup, key)).toBeNull();
  });

  it("writes lastUsedAt once a minute per key, keeping updatedAt", async () => {
    const { id } = await newKey();
    const before = await db.apiKey.findUniqueOrThrow({ where: { id } });
    const t0 = new Date("2030-01-01T00:00:00Z");
    expect(await recordApiKeyUse(db, id, t0)).toBe(true);
    expect(await recordApiKeyUse(db, id, new Date(t0.getTime() + 59_000))).toBe(false);
    resetApiKeyUseTracking(); // as another instance would: the database condition still holds
    expect(await recordApiKeyUse(db, id, new Date(t0.getTime() + 30_000))).toBe(false);
    expect(await recordApiKeyUse(db, id, new Date(t0.getTime() + 91_000))).toBe(true);
    const after = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(after.lastUsedAt).toEqual(new Date(t0.getTime() + 91_000));
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it("swallows and logs a failed write, naming the key id only", async () => {
    const failing = { $executeRaw: () => Promise.reject(new Error("connection lost: password=hunter2")) } as unknown as PrismaClient;
    const lines: string[] = [];
    expect(await recordApiKeyUse(failing, "some-key-id", new Date(), (line) => lines.push(line))).toBe(false);
    expect(lines).toEqual(["[v3] could not record last use of key some-key-id: Error"]);
  });
});
