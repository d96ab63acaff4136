import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { testProviders } from "@/lib/db/test-database";
import { authenticateApiKey } from "./api-auth";
import type { KeyLookup } from "./api-key-lookup";
import { ownerWithKey, setUpKeyLookupDatabase } from "./test-fixtures";

describe.each(testProviders)("API key authentication on %s", (provider) => {
  let db: PrismaClient;
  let lookup: KeyLookup;
  setUpKeyLookupDatabase(provider, (ready) => ({ db, lookup } = ready));

  async function newKey(type: "general" | "billing" = "general", scopes = ["mail.send"]) {
    const { key, apiKey, accountId } = await ownerWithKey(db, { type, scopes });
    return { id: apiKey.id, key, accountId };
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

  it("refuses a key from the instant it expires, judged by the clock it is given", async () => {
    const { id, key } = await newKey();
    const expiresAt = new Date("2030-01-01T12:00:00.000Z");
    await db.apiKey.update({ where: { id }, data: { expiresAt } });
    expect(await authenticateApiKey(lookup, key, new Date(expiresAt.getTime() - 1))).not.toBeNull();
    expect(await authenticateApiKey(lookup, key, expiresAt)).toBeNull();
    expect(await authenticateApiKey(lookup, key, new Date(expiresAt.getTime() + 3_600_000))).toBeNull();
  });

  it("refuses a disabled key and accepts it again once enabled", async () => {
    const { id, key } = await newKey();
    await db.apiKey.update({ where: { id }, data: { disabledAt: new Date() } });
    expect(await authenticateApiKey(lookup, key)).toBeNull();
    await db.apiKey.update({ where: { id }, data: { disabledAt: null } });
    expect(await authenticateApiKey(lookup, key)).not.toBeNull();
  });
});
