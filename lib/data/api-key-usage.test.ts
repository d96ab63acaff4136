import { describe, expect, it } from "vitest";
import { LOCK_WAIT_MS } from "@/lib/db/busy";
import type { PrismaClient } from "@/lib/db/create-client";
import { testProviders, type TestDatabase } from "@/lib/db/test-database";
import { watchEventLoop } from "@/lib/db/testing/event-loop-lag";
import { holdWriteLock } from "@/lib/db/testing/lock-holder";
import { createKeyUseRecorder, keyUseRecorderFor } from "./api-key-usage";
import { accountWithKey, createAccount, handFlushedRecorder, insertKeys, setUpTestDatabase } from "./test-fixtures";

describe.each(testProviders)("key last-use recording on %s", (provider) => {
  let database: TestDatabase;
  let db: PrismaClient;
  setUpTestDatabase(provider, (ready) => ({ prisma: db } = database = ready));

  const lastUsed = async (id: string) => (await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
  const recorder = (log?: (line: string) => void) => handFlushedRecorder(db, { log });

  it("writes nothing until a flush, then every noted key at once, keeping updatedAt", async () => {
    const [a, b] = (await insertKeys(db, (await createAccount(db)).id, 2)) as [string, string];
    const before = await db.apiKey.findUniqueOrThrow({ where: { id: a } });
    const usage = recorder();
    const t0 = new Date("2030-01-01T00:00:00Z");
    usage.note(a, t0);
    usage.note(b, t0);
    expect(await lastUsed(a)).toBeNull();
    await usage.close();
    expect(await lastUsed(a)).toEqual(t0);
    expect(await lastUsed(b)).toEqual(t0);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: a } })).updatedAt).toEqual(before.updatedAt);
  });

  it("writes a key's use at most once a minute, in this process and across instances", async () => {
    const { keyId: id } = await accountWithKey(db);
    const t0 = new Date("2030-01-01T00:00:00Z");
    const usage = recorder();
    usage.note(id, t0);
    await usage.flush();
    usage.note(id, new Date(t0.getTime() + 59_000));
    await usage.flush();
    expect(await lastUsed(id)).toEqual(t0);
    const otherInstance = recorder();
    otherInstance.note(id, new Date(t0.getTime() + 30_000));
    await otherInstance.close();
    expect(await lastUsed(id)).toEqual(t0);
    usage.note(id, new Date(t0.getTime() + 91_000));
    await usage.close();
    expect(await lastUsed(id)).toEqual(new Date(t0.getTime() + 91_000));
  });

  it("keeps a failed batch for the next flush and logs only the error's name", async () => {
    const { keyId: id } = await accountWithKey(db);
    const flaky = failingFirstTransaction(db, "connection lost: password=hunter2");
    const lines: string[] = [];
    const usage = handFlushedRecorder(flaky, { log: (line) => lines.push(line) });
    const at = new Date("2030-01-01T00:00:00Z");
    usage.note(id, at);
    await usage.flush();
    expect(lines).toEqual(["[v3] could not record key use (1 key(s), 1 usage row(s)): Error"]);
    expect(await lastUsed(id)).toBeNull();
    await usage.close();
    expect(await lastUsed(id)).toEqual(at);
  });

  it("waits for a lock held by another process without blocking the event loop, then writes", async () => {
    const { keyId: id } = await accountWithKey(db);
    const lines: string[] = [];
    const usage = recorder((line) => lines.push(line));
    const at = new Date("2030-01-01T00:00:00Z");
    usage.note(id, at);
    const lock = await holdWriteLock(database.url);
    const loop = watchEventLoop();
    const started = Date.now();
    try {
      await usage.flush();
    } finally {
      await lock.release();
    }
    const waited = Date.now() - started;
    // Generous bounds: the machine is shared. A synchronous busy wait would show as one long delay.
    // A synchronous wait would block for the whole lock wait; the machine may be shared.
    expect(loop.stop()).toBeLessThan(LOCK_WAIT_MS * 0.8);
    expect(waited).toBeGreaterThanOrEqual(LOCK_WAIT_MS - 50);
    expect(waited).toBeLessThan(LOCK_WAIT_MS + 3_000);
    expect(lines).toHaveLength(1);
    expect(await lastUsed(id)).toBeNull();
    await usage.close();
    expect(await lastUsed(id)).toEqual(at);
  });
  const usageRows = async (apiKeyId: string) =>
    (await db.apiKeyUsage.findMany({ where: { apiKeyId }, orderBy: { hourStart: "asc" } })).map((row) => ({
      hour: row.hourStart.toISOString(),
      requests: row.requests,
      messages: row.messages,
    }));

  it("counts requests and messages per key per hour, and adds the counts of several instances", async () => {
    const { keyId: id } = await accountWithKey(db);
    const t0 = new Date("2030-01-01T10:00:00Z");
    const first = recorder();
    const second = recorder();
    for (let i = 0; i < 5; i++) first.note(id, new Date(t0.getTime() + i * 1_000));
    first.noteMessages(id, 3, t0);
    first.note(id, new Date(t0.getTime() + 3_600_000));
    for (let i = 0; i < 7; i++) second.note(id, new Date(t0.getTime() + 59 * 60_000));
    second.noteMessages(id, 2, new Date(t0.getTime() + 600_000));
    expect(await usageRows(id)).toEqual([]);
    await Promise.all([first.flush(), second.flush()]);
    // Flushed again with new counts: added, never overwritten.
    first.note(id, t0);
    await Promise.all([first.close(), second.close()]);
    expect(await usageRows(id)).toEqual([
      { hour: "2030-01-01T10:00:00.000Z", requests: 13, messages: 5 },
      { hour: "2030-01-01T11:00:00.000Z", requests: 1, messages: 0 },
    ]);
  });

  it("notes a key that only sends messages as used", async () => {
    const { keyId: id } = await accountWithKey(db);
    const usage = recorder();
    const at = new Date("2030-01-02T00:00:00Z");
    usage.noteMessages(id, 1, at);
    await usage.close();
    expect(await lastUsed(id)).toEqual(at);
  });

  it("keeps counts of a failed flush for the next one, without doubling them", async () => {
    const { keyId: id } = await accountWithKey(db);
    const flaky = failingFirstTransaction(db, "connection lost");
    const usage = handFlushedRecorder(flaky, { log: () => undefined });
    const at = new Date("2030-01-03T00:00:00Z");
    usage.note(id, at);
    usage.note(id, at);
    await usage.flush();
    usage.note(id, at);
    await usage.close();
    expect(await usageRows(id)).toEqual([{ hour: "2030-01-03T00:00:00.000Z", requests: 3, messages: 0 }]);
  });

  it("does not let a key deleted before the flush fail the batch of other keys", async () => {
    const [kept, gone] = (await insertKeys(db, (await createAccount(db)).id, 2)) as [string, string];
    const lines: string[] = [];
    const usage = recorder((line) => lines.push(line));
    const at = new Date("2030-01-04T00:00:00Z");
    usage.note(kept, at);
    usage.note(gone, at);
    await db.apiKey.delete({ where: { id: gone } });
    await usage.close();
    expect(lines).toEqual([]);
    expect(await usageRows(kept)).toEqual([{ hour: "2030-01-04T00:00:00.000Z", requests: 1, messages: 0 }]);
  });

  it("keeps 30 days: once an hour a flush deletes older hours (the clock injected)", async () => {
    const { keyId: id } = await accountWithKey(db);
    const hour = 3_600_000;
    const now = Date.parse("2031-06-30T12:30:00Z");
    const currentHour = Date.parse("2031-06-30T12:00:00Z");
    let clock = now;
    const usage = handFlushedRecorder(db, { now: () => clock });
    const kept = new Date(currentHour - 30 * 24 * hour);
    const old = new Date(kept.getTime() - hour);
    usage.note(id, old);
    usage.note(id, kept);
    usage.note(id, new Date(now));
    // The first flush writes all three and prunes in the same transaction, after the INSERT: the
    // hour just past 30 days is gone at once, the 30th day's first hour is kept.
    await usage.flush();
    expect((await usageRows(id)).map((row) => row.hour)).toEqual([kept.toISOString(), new Date(currentHour).toISOString()]);
    // Within the same hour no flush prunes again; the next hour's first flush does.
    usage.note(id, old);
    await usage.flush();
    expect((await usageRows(id)).map((row) => row.hour)).toContain(old.toISOString());
    clock = now + hour;
    await usage.flush();
    expect((await usageRows(id)).map((row) => row.hour)).toEqual([new Date(currentHour).toISOString()]);
    await usage.close();
  });

  it("holds the timer back after a failed flush, so a locked database is not asked every second", async () => {
    const { keyId: id } = await accountWithKey(db);
    let attempts = 0;
    const failing = new Proxy(db, {
      get(target, property) {
        if (property === "$transaction") {
          return () => {
            attempts++;
            return Promise.reject(new Error("busy"));
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const usage = createKeyUseRecorder(failing, { flushEveryMs: 20, log: () => undefined });
    usage.note(id);
    await expect.poll(() => attempts).toBe(1);
    // Twenty-odd timer ticks later, still one attempt: the first retry waits 2 s.
    await new Promise((resolve) => setTimeout(resolve, 500));
    usage.note(id);
    expect(attempts).toBe(1);
    // Asked directly (shutdown), it tries at once.
    await usage.close();
    expect(attempts).toBe(2);
  });

  it("shares one recorder per database client, and a closed one is replaced", async () => {
    const shared = keyUseRecorderFor(db);
    expect(keyUseRecorderFor(db)).toBe(shared);
    await shared.close();
    const next = keyUseRecorderFor(db);
    expect(next).not.toBe(shared);
    await next.close();
  });
});

/** The database, except that its first transaction fails with this message. */
function failingFirstTransaction(db: PrismaClient, message: string): PrismaClient {
  let failures = 1;
  return new Proxy(db, {
    get(target, property) {
      if (property === "$transaction" && failures-- > 0) return () => Promise.reject(new Error(message));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
