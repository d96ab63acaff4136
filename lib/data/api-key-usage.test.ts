import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCK_WAIT_MS } from "@/lib/db/busy";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/db/test-database";
import { watchEventLoop } from "@/lib/db/testing/event-loop-lag";
import { holdWriteLock } from "@/lib/db/testing/lock-holder";
import { createKeyUseRecorder } from "./api-key-usage";
import { createAccount, insertKey } from "./test-fixtures";

describe.each(testProviders)("key last-use recording on %s", (provider) => {
  let database: TestDatabase;
  let db: PrismaClient;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    db = database.prisma;
  });
  afterAll(() => database?.drop());

  const lastUsed = async (id: string) => (await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
  // A long interval: these tests flush by hand.
  const recorder = (log?: (line: string) => void) => createKeyUseRecorder(db, { flushEveryMs: 60_000, log });

  it("writes nothing until a flush, then every noted key at once, keeping updatedAt", async () => {
    const account = await createAccount(db);
    const [a, b] = [await insertKey(db, account.id, "general", ["mail.send"]), await insertKey(db, account.id, "general", ["mail.send"])];
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
    const account = await createAccount(db);
    const id = await insertKey(db, account.id, "general", ["mail.send"]);
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
    const account = await createAccount(db);
    const id = await insertKey(db, account.id, "general", ["mail.send"]);
    let failures = 1;
    const flaky = new Proxy(db, {
      get(target, property) {
        if (property === "$transaction" && failures-- > 0) return () => Promise.reject(new Error("connection lost: password=hunter2"));
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const lines: string[] = [];
    const usage = createKeyUseRecorder(flaky, { flushEveryMs: 60_000, log: (line) => lines.push(line) });
    const at = new Date("2030-01-01T00:00:00Z");
    usage.note(id, at);
    await usage.flush();
    expect(lines).toEqual(["[v3] could not record the last use of 1 key(s): Error"]);
    expect(await lastUsed(id)).toBeNull();
    await usage.close();
    expect(await lastUsed(id)).toEqual(at);
  });

  it("waits for a lock held by another process without blocking the event loop, then writes", async () => {
    const account = await createAccount(db);
    const id = await insertKey(db, account.id, "general", ["mail.send"]);
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
});
