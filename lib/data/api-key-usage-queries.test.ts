import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { testProviders } from "@/lib/db/test-database";
import { sparklinePath } from "@/lib/usage/sparkline";
import { getApiKeyUsage, listApiKeysWithUsage } from "./api-key-usage-queries";
import { accountWithKey, asUser, createAccount, createMember, handFlushedRecorder, insertKeys, setUpTestDatabase } from "./test-fixtures";

const DAY = 86_400_000;

describe.each(testProviders)("key usage as the pages read it, on %s", (provider) => {
  let db: PrismaClient;
  setUpTestDatabase(provider, (ready) => (db = ready.prisma));

  const now = new Date("2030-03-10T15:20:00Z");
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

  async function record(notes: (usage: ReturnType<typeof handFlushedRecorder>) => void) {
    const usage = handFlushedRecorder(db, { now: () => now.getTime() });
    notes(usage);
    await usage.close();
  }

  it("lists each key's last 24 hours from one query for all keys, and marks unused keys", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const [busy, quiet, old] = await insertKeys(db, account.id, 3);
    await db.apiKey.update({ where: { id: old! }, data: { createdAt: new Date(now.getTime() - 40 * DAY), lastUsedAt: new Date(now.getTime() - 31 * DAY) } });
    await db.apiKey.update({ where: { id: quiet! }, data: { createdAt: new Date(now.getTime() - 40 * DAY), lastUsedAt: hoursAgo(30) } });
    await record((usage) => {
      for (let i = 0; i < 42; i++) usage.note(busy!, now);
      usage.noteMessages(busy!, 3, hoursAgo(23));
      // Outside the 24 hours: not in the sparkline.
      usage.note(busy!, hoursAgo(24));
      usage.note(quiet!, hoursAgo(30));
    });

    let usageQueries = 0;
    const counting = new Proxy(db, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (property !== "apiKeyUsage") return typeof value === "function" ? value.bind(target) : value;
        return new Proxy(value as object, {
          get(model, method) {
            const fn: unknown = Reflect.get(model, method, model);
            if (typeof fn !== "function") return fn;
            return (...args: unknown[]) => {
              usageQueries++;
              return (fn as (...a: unknown[]) => unknown).apply(model, args);
            };
          },
        });
      },
    });
    const result = await listApiKeysWithUsage(asUser(counting, owner.id, account.id), now);
    if (!result.ok) throw new Error(result.message);
    expect(usageQueries).toBe(1);
    const byId = new Map(result.data.keys.map((key) => [key.id, key]));
    const busyKey = byId.get(busy!)!;
    // The oldest hour (16:00 yesterday) holds the 3 messages; the current hour the 42 requests.
    // Drawn on the server: a 2 px bar for the 3 messages (oldest hour), a full one for the 42 requests (now).
    expect(busyKey.usage24h).toEqual({ requests: 42, messages: 3, bars: sparklinePath([3, ...Array<number>(22).fill(0), 42]) });
    expect(busyKey.usage24h!.bars).toBe("M0 14h2v2h-2zM69 0h2v16h-2z");
    // No use in 24 hours: nothing crosses to the page.
    expect(byId.get(quiet!)!.usage24h).toBeUndefined();
    // Noting use moves lastUsedAt forward (busy was just used); quiet was used 30 hours ago.
    expect(busyKey.unused).toBeUndefined();
    expect(byId.get(quiet!)!.unused).toBeUndefined();
    expect(byId.get(old!)!.unused).toBe(true);
  });

  it("gives the page's rows only what the page draws; rows with the same scopes share one permissions object", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    await insertKeys(db, account.id, 2);
    await insertKeys(db, account.id, 1, ["mail.send", "stats.read"]);
    // Read now: the keys were just made, so none is "Unused".
    const result = await listApiKeysWithUsage(asUser(db, owner.id, account.id));
    if (!result.ok) throw new Error(result.message);
    const [other, first, second] = result.data.keys;
    // Never used, never expiring, not rolled, not unused (new), no use in 24 hours: none of it is sent.
    expect(Object.keys(first!).sort()).toEqual(["createdAt", "createdBy", "id", "name", "permissions", "status", "type"]);
    expect(first!.createdBy).toBe("by API");
    expect(first!.permissions).toBe(second!.permissions);
    expect(other!.permissions).not.toBe(first!.permissions);
    expect(other!.permissions).toEqual({ scopes: ["mail.send", "stats.read"], summary: "Restricted · 2 categories" });
  });

  it("gives a key's page its last 7 days, and another account's key is not found", async () => {
    const { accountId, keyId: id } = await accountWithKey(db);
    const owner = await createMember(db, accountId, "owner");
    await record((usage) => {
      usage.note(id, now);
      usage.note(id, now);
      usage.noteMessages(id, 5, hoursAgo(24 * 6));
      usage.note(id, hoursAgo(24 * 8));
    });
    const result = await getApiKeyUsage(asUser(db, owner.id, accountId), id, now);
    if (!result.ok) throw new Error(result.message);
    expect(result.data.days.map((day) => [day.start.slice(0, 10), day.requests, day.messages])).toEqual([
      ["2030-03-04", 0, 5],
      ["2030-03-05", 0, 0],
      ["2030-03-06", 0, 0],
      ["2030-03-07", 0, 0],
      ["2030-03-08", 0, 0],
      ["2030-03-09", 0, 0],
      ["2030-03-10", 2, 0],
    ]);

    const stranger = await createAccount(db);
    const strangerOwner = await createMember(db, stranger.id, "owner");
    const other = await getApiKeyUsage(asUser(db, strangerOwner.id, stranger.id), id, now);
    expect(other).toMatchObject({ ok: false, code: "not_found" });
    const noRead = await createMember(db, accountId, "restricted", ["mail.send"]);
    expect((await getApiKeyUsage(asUser(db, noRead.id, accountId), id, now)).ok).toBe(false);
    expect((await listApiKeysWithUsage(asUser(db, noRead.id, accountId), now)).ok).toBe(false);
  });
});
