import { describe, expect, it } from "vitest";
import { LOCK_WAIT_MS } from "@/lib/db/busy";
import type { PrismaClient } from "@/lib/db/create-client";
import { testProviders } from "@/lib/db/test-database";
import { watchEventLoop } from "@/lib/db/testing/event-loop-lag";
import { holdWriteLock } from "@/lib/db/testing/lock-holder";
import { createApiKey } from "@/lib/data/api-key-writes";
import { asUser, createAccount, createMember } from "@/lib/data/test-fixtures";
import { call, insertKey, type RunningApi, useApiServer } from "./testing/api-server";

const apiKeysFull = ["api_keys.create", "api_keys.delete", "api_keys.read", "api_keys.update"];
// "Other requests keep being served within 100 ms": the typical read must be this prompt. The
// machine is shared with other builds and test files (load averages of 10 and more on two cores
// were seen), so a single read or timer may lag behind for other reasons; but none may wait as
// long as most of the lock wait, which is what a synchronous wait for the lock (the bug this
// guards against; 5 s before) costs.
const PROMPT_MS = 100;
const NEVER_MS = LOCK_WAIT_MS * 0.8;

// Another process holds the database's write lock (a backup, a second instance, `sqlite3` at the
// prompt). The API runs in this test's process, so anything that blocked its event loop would
// delay every request and the loop watcher.
describe.each(testProviders)("a database locked by another process, on %s", (provider) => {
  let db: PrismaClient;
  let url: string;
  let api: RunningApi;
  useApiServer(provider, (server) => ({ db, url, api } = server));

  it("keeps answering reads promptly, and answers a held-up write 503 with Retry-After, never 500", async () => {
    const account = await createAccount(db);
    const { key } = await insertKey(db, account.id, [...apiKeysFull, "mail.send"]);
    // A first use, so that recording it is due while the lock is held.
    expect((await call(api, key, "GET", "/v3/scopes")).status).toBe(200);

    const lock = await holdWriteLock(url);
    const loop = watchEventLoop();
    const started = Date.now();
    try {
      const write = call(api, key, "POST", "/v3/api_keys", { name: "held up", scopes: ["mail.send"] }).then(async (response) => ({
        status: response.status,
        retryAfter: response.headers.get("retry-after"),
        body: await response.json(),
        after: Date.now() - started,
      }));
      const readTimes: number[] = [];
      while (Date.now() - started < LOCK_WAIT_MS + 500) {
        for (const path of ["/v3/scopes", "/v3/api_keys?limit=5"]) {
          const sent = Date.now();
          const response = await call(api, key, "GET", path);
          expect(response.status).toBe(200);
          await response.arrayBuffer();
          readTimes.push(Date.now() - sent);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const answer = await write;
      expect(answer).toEqual({
        status: 503,
        retryAfter: "1",
        body: { errors: [{ field: null, message: "service busy, try again" }] },
        after: expect.any(Number),
      });
      expect(answer.after).toBeGreaterThanOrEqual(LOCK_WAIT_MS - 50);
      expect(answer.after).toBeLessThan(LOCK_WAIT_MS + 3_000);
      expect(readTimes.length).toBeGreaterThan(10);
      readTimes.sort((x, y) => x - y);
      expect(readTimes[Math.floor(readTimes.length / 2)]).toBeLessThan(PROMPT_MS);
      expect(readTimes.at(-1)).toBeLessThan(NEVER_MS);
      expect(loop.stop()).toBeLessThan(NEVER_MS);
    } finally {
      await lock.release();
    }
    // Nothing was half-written, and the same request succeeds once the lock is gone.
    expect(await db.apiKey.count({ where: { accountId: account.id, name: "held up" } })).toBe(0);
    expect((await call(api, key, "POST", "/v3/api_keys", { name: "held up", scopes: ["mail.send"] })).status).toBe(201);
  });

  it("gives the page's forms 'Busy, try again' from the data layer, and changes nothing", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const lock = await holdWriteLock(url);
    const loop = watchEventLoop();
    let result;
    try {
      result = await createApiKey(asUser(db, owner.id, account.id), { name: "from the page", type: "general", scopes: ["mail.send"] });
    } finally {
      await lock.release();
    }
    expect(loop.stop()).toBeLessThan(NEVER_MS);
    expect(result).toEqual({ ok: false, code: "busy", message: "Busy, try again" });
    expect(await db.apiKey.count({ where: { accountId: account.id } })).toBe(0);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).keyCount).toBe(0);
  });
});
