import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeyLookup } from "@/lib/data/api-key-lookup";
import { createAccount, insertKey } from "@/lib/data/test-fixtures";
import { isDatabaseBusy, LOCK_WAIT_MS } from "./busy";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { watchEventLoop } from "./testing/event-loop-lag";
import { holdWriteLock } from "./testing/lock-holder";

// better-sqlite3 waits for a lock synchronously: these check that no statement of ours does.
describe("SQLite under another process's write lock", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
  });
  afterAll(() => database?.drop());

  it("waits for it outside a transaction without blocking the event loop, then fails as busy", async () => {
    const account = await createAccount(database.prisma);
    const lock = await holdWriteLock(database.url);
    const loop = watchEventLoop();
    const started = Date.now();
    const error = await database.prisma.$executeRaw`UPDATE "Account" SET "name" = 'renamed' WHERE "id" = ${account.id}`.catch((caught: unknown) => caught);
    const waited = Date.now() - started;
    await lock.release();
    // A synchronous wait would block for the whole lock wait; the machine may be shared.
    expect(loop.stop()).toBeLessThan(LOCK_WAIT_MS * 0.8);
    expect(isDatabaseBusy(error)).toBe(true);
    expect(waited).toBeGreaterThanOrEqual(LOCK_WAIT_MS - 50);
    expect(waited).toBeLessThan(LOCK_WAIT_MS + 3_000);
  });

  it("completes a write outside a transaction once a short-held lock is released", async () => {
    const account = await createAccount(database.prisma);
    const lock = await holdWriteLock(database.url);
    setTimeout(() => void lock.release(), 300);
    await database.prisma.$executeRaw`UPDATE "Account" SET "name" = 'renamed' WHERE "id" = ${account.id}`;
    expect((await database.prisma.account.findUniqueOrThrow({ where: { id: account.id } })).name).toBe("renamed");
  });

  it("reads keys through the read-only WAL connection while another process writes", async () => {
    const file = database.url.slice("file:".length);
    const check = new Database(file, { readonly: true });
    expect(check.pragma("journal_mode", { simple: true })).toBe("wal");
    check.close();
    const account = await createAccount(database.prisma);
    const id = await insertKey(database.prisma, account.id, "general", ["mail.send"]);
    const lookup = createKeyLookup(database.prisma, database.url);
    // The holder also deletes the key, uncommitted: the reader sees the last committed state.
    const writer = new Database(file);
    writer.exec("BEGIN IMMEDIATE");
    writer.prepare('DELETE FROM "ApiKey" WHERE "id" = ?').run(id);
    try {
      const started = Date.now();
      expect((await lookup.find(id))?.id).toBe(id);
      expect(Date.now() - started).toBeLessThan(100);
    } finally {
      writer.exec("ROLLBACK");
      writer.close();
      await lookup.close();
    }
  });
});
