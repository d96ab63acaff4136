// Races on the 100-key cap and on one key's edit and delete, on each database. Creates go both
// through the data-layer function the page's server action calls and through POST /v3/api_keys,
// each on its own Prisma client as in server.ts (Next's client and the /v3 client). RACE_ROUNDS
// repeats each race (the heavy run uses 20; `npm test` keeps it short).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { testProviders } from "@/lib/db/test-database";
import { call, insertKey, useApiServer, type RunningApi } from "@/lib/api/testing/api-server";
import { createApiKey, updateApiKey } from "./api-key-writes";
import { deleteApiKey } from "./api-keys";
import type { DataContext } from "./context";
import { API_KEY_LIMIT } from "@/lib/validation/api-key";
import { asUser, createAccount, createMember, insertKeys } from "./test-fixtures";

const ROUNDS = Math.max(1, Number(process.env.RACE_ROUNDS ?? 1));
const API_KEY_LIMIT_MESSAGE = "Cannot create more than 100 API Keys";

/** What one create answered, whichever way it was sent. */
interface Outcome {
  via: "action" | "v3";
  created: string | null;
  /** The refusal the person or client sees; null when created. */
  refusal: string | null;
  status?: number;
}

describe.each(testProviders)("races on %s", (provider) => {
  let apiDb: PrismaClient;
  let pageDb: PrismaClient;
  let api: RunningApi;
  let databaseUrl: string;
  useApiServer(provider, (server) => ({ db: apiDb, api, url: databaseUrl } = server));
  beforeAll(() => {
    pageDb = createPrismaClient(databaseUrl);
  });
  afterAll(() => pageDb?.$disconnect());

  /** An account whose owner uses the page and whose /v3 key (counted against the cap) creates keys. */
  async function account(existingKeys: number) {
    const created = await createAccount(apiDb);
    const owner = await createMember(apiDb, created.id, "owner");
    const caller = await insertKey(apiDb, created.id, ["api_keys.create", "api_keys.read", "api_keys.update", "api_keys.delete", "mail.send"]);
    if (existingKeys > 1) await insertKeys(apiDb, created.id, existingKeys - 1);
    return { accountId: created.id, ctx: asUser(pageDb, owner.id, created.id), apiKey: caller.key };
  }

  async function createOnce(ctx: DataContext, apiKey: string, index: number): Promise<Outcome> {
    const name = `race ${index}`;
    if (index % 2 === 0) {
      const result = await createApiKey(ctx, { name, type: "general", scopes: ["mail.send"] });
      return result.ok ? { via: "action", created: result.data.apiKey.id, refusal: null } : { via: "action", created: null, refusal: result.message };
    }
    const response = await call(api, apiKey, "POST", "/v3/api_keys", { name, scopes: ["mail.send"] });
    const body = (await response.json()) as { api_key_id?: string; errors?: { message: string }[] };
    return response.status === 201
      ? { via: "v3", created: body.api_key_id ?? null, refusal: null, status: 201 }
      : { via: "v3", created: null, refusal: body.errors?.[0]?.message ?? "(no message)", status: response.status };
  }

  async function expectCapHeld(accountId: string, existingKeys: number, outcomes: Outcome[]) {
    const created = outcomes.flatMap((outcome) => (outcome.created ? [outcome.created] : []));
    const refused = outcomes.filter((outcome) => !outcome.created);
    expect(created).toHaveLength(API_KEY_LIMIT - existingKeys);
    // Every refusal is the cap, in the words of the channel it came through: no 500, no driver error.
    for (const outcome of refused) {
      if (outcome.via === "action") expect(outcome.refusal).toBe("You have reached the limit of 100 API keys");
      else expect({ status: outcome.status, message: outcome.refusal }).toEqual({ status: 403, message: API_KEY_LIMIT_MESSAGE });
    }
    const [keys, account, events] = await Promise.all([
      apiDb.apiKey.findMany({ where: { accountId }, select: { id: true } }),
      apiDb.account.findUniqueOrThrow({ where: { id: accountId }, select: { keyCount: true } }),
      apiDb.auditEvent.findMany({ where: { accountId, action: "key.created" }, select: { targetKeyId: true } }),
    ]);
    expect(keys).toHaveLength(API_KEY_LIMIT);
    expect(account.keyCount).toBe(API_KEY_LIMIT);
    // One audit event per created key, and none for a create that was refused.
    expect(events.map((event) => event.targetKeyId).sort()).toEqual([...created].sort());
    const stored = new Set(keys.map((key) => key.id));
    expect(created.filter((id) => !stored.has(id))).toEqual([]);
  }

  for (let round = 1; round <= ROUNDS; round++) {
    it(`150 creates at once on an account with only its /v3 key stop at exactly 100 (round ${round})`, async () => {
      const { accountId, ctx, apiKey } = await account(1);
      const outcomes = await Promise.all(Array.from({ length: 150 }, (_, index) => createOnce(ctx, apiKey, index)));
      expect(outcomes.filter((outcome) => outcome.via === "v3" && outcome.created).length).toBeGreaterThan(0);
      await expectCapHeld(accountId, 1, outcomes);
    });

    it(`50 creates at once on an account with 99 keys: exactly one wins (round ${round})`, async () => {
      const { accountId, ctx, apiKey } = await account(99);
      const outcomes = await Promise.all(Array.from({ length: 50 }, (_, index) => createOnce(ctx, apiKey, index)));
      await expectCapHeld(accountId, 99, outcomes);
    });

    it(`edit against delete, and two deletes: one wins, the other is "not found" (round ${round})`, async () => {
      const { accountId, ctx, apiKey } = await account(1);
      const made = await createApiKey(ctx, { name: "contested", type: "general", scopes: ["mail.send"] });
      if (!made.ok) throw new Error(made.message);
      const keyId = made.data.apiKey.id;

      const [edit, pageDelete, apiDelete] = await Promise.all([
        updateApiKey(ctx, keyId, { name: "renamed", permissions: { scopes: ["mail.send"] } }),
        deleteApiKey(ctx, keyId),
        call(api, apiKey, "DELETE", `/v3/api_keys/${keyId}`),
      ]);
      const deletes = [pageDelete.ok ? 204 : pageDelete.code, apiDelete.status === 204 ? 204 : apiDelete.status];
      // Exactly one delete removes the key; the other finds nothing: "not found" on the page, 404 on /v3.
      expect(deletes.filter((outcome) => outcome === 204)).toHaveLength(1);
      expect(deletes.filter((outcome) => outcome === "not_found" || outcome === 404)).toHaveLength(1);
      if (!edit.ok) expect(edit.code).toBe("not_found");

      const events = await apiDb.auditEvent.findMany({
        where: { accountId, targetKeyId: keyId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { action: true, targetName: true },
      });
      // The log tells exactly what happened: created, renamed only if the edit won, deleted once.
      expect(events.map((event) => event.action)).toEqual(
        edit.ok ? ["key.created", "key.updated", "key.deleted"] : ["key.created", "key.deleted"],
      );
      expect(events.at(-1)?.targetName).toBe(edit.ok ? "renamed" : "contested");
      expect(await apiDb.apiKey.count({ where: { id: keyId } })).toBe(0);
      expect((await apiDb.account.findUniqueOrThrow({ where: { id: accountId } })).keyCount).toBe(1);
    });
  }
});
