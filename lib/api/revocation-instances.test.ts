// A deleted key is refused by every app instance from the first request after the deletion
// commits, with the instances as separate processes (each its own Prisma client and pool) on one
// PostgreSQL database: a per-process cache of keys would pass revocation.test.ts's in-process
// variant only if the instances shared it, and fails here. The instances are
// lib/api/testing/serve-api.ts (the /v3 handler wired as server.ts wires it, without Next.js, so
// no `next build` is needed).
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createApiKey } from "@/lib/data/api-key-writes";
import { asUser, createAccount, createMember } from "@/lib/data/test-fixtures";
import { startInstance, stopInstance, type Instance } from "./testing/instance";

interface Attempt {
  startedAt: number;
  endedAt: number;
  status: number;
}

function request(instance: Instance, key: string, method: string, route: string): Promise<Response> {
  return fetch(`${instance.url}${route}`, { method, headers: { authorization: `Bearer ${key}` } });
}

/** Calls GET /v3/scopes on `instance` from several loops until `stop()`, timing each call. */
function hammer(instance: Instance, key: string, loops = 4) {
  const attempts: Attempt[] = [];
  let running = true;
  const workers = Array.from({ length: loops }, async () => {
    while (running) {
      const startedAt = performance.now();
      const response = await request(instance, key, "GET", "/v3/scopes");
      await response.arrayBuffer();
      attempts.push({ startedAt, endedAt: performance.now(), status: response.status });
    }
  });
  return {
    attempts,
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const hasPostgres = Boolean(process.env.TEST_POSTGRES_URL);

describe.skipIf(!hasPostgres)(
  `revocation across two app processes on one PostgreSQL${hasPostgres ? "" : " (skipped: set TEST_POSTGRES_URL to run it)"}`,
  () => {
    let database: TestDatabase;
    let a: Instance | undefined;
    let b: Instance | undefined;
    beforeAll(async () => {
      database = await createTestDatabase("postgresql");
      const started = await Promise.allSettled([startInstance("A", database.url), startInstance("B", database.url)]);
      // Kept even when the other failed to start, so that afterAll stops it.
      [a, b] = started.map((result) => (result.status === "fulfilled" ? result.value : undefined));
      for (const result of started) if (result.status === "rejected") throw result.reason;
    });
    afterAll(async () => {
      await Promise.all([stopInstance(a), stopInstance(b)]);
      await database?.drop();
    });

    /** Keys made as the page makes them: by an owner, through lib/data's createApiKey. */
    async function keysForNewAccount() {
      const db = database.prisma;
      const account = await createAccount(db);
      const owner = await createMember(db, account.id, "owner");
      const ctx = asUser(db, owner.id, account.id);
      const make = async (name: string, scopes: string[]) => {
        const created = await createApiKey(ctx, { name, type: "general", scopes });
        if (!created.ok) throw new Error(`could not create ${name}: ${JSON.stringify(created)}`);
        return { id: created.data.apiKey.id, key: created.data.key };
      };
      return { admin: await make("deleter", ["api_keys.delete", "api_keys.read"]), doomed: await make("doomed", ["mail.send"]) };
    }

    async function deleteOnOneCallTheOther(deleter: Instance, caller: Instance) {
      const { admin, doomed } = await keysForNewAccount();
      const load = hammer(caller, doomed.key);
      try {
        await expect.poll(() => load.attempts.filter((x) => x.status === 200).length, { timeout: 5_000 }).toBeGreaterThan(20);
        // DELETE /v3/api_keys/{id} runs lib/data's deleteApiKey (the page's delete action calls the
        // same function) inside the deleter's process; its 204 is sent after the commit.
        const deleteStartedAt = performance.now();
        const deleted = await request(deleter, admin.key, "DELETE", `/v3/api_keys/${doomed.id}`);
        const committedAt = performance.now();
        expect(deleted.status).toBe(204);
        // Keep calling until enough calls have started after the 204 (and at least 300 ms).
        await pause(300);
        await expect
          .poll(() => load.attempts.filter((x) => x.startedAt > committedAt).length, { timeout: 5_000 })
          .toBeGreaterThanOrEqual(20);
        await load.stop();

        const { attempts } = load;
        const context = `${deleter.name} deleted, ${caller.name} was called; ${caller.name}'s last log lines:\n${caller.stderr.slice(-5).join("\n")}`;
        expect(attempts.filter((x) => x.status !== 200 && x.status !== 401), context).toEqual([]);
        // Before the delete began, the key worked; a 401 can only be an answer given after that.
        expect(attempts.filter((x) => x.endedAt < deleteStartedAt && x.status !== 200), context).toEqual([]);
        // Every call that started once the deleter had answered 204 was refused.
        const after = attempts.filter((x) => x.startedAt > committedAt);
        expect(after.length).toBeGreaterThanOrEqual(20);
        expect(after.filter((x) => x.status !== 401), context).toEqual([]);
        // And the key stays deleted for the deleter too.
        const again = await request(deleter, doomed.key, "GET", "/v3/scopes");
        expect(again.status).toBe(401);
      } finally {
        await load.stop();
      }
    }

    it("refuses the key in process B from the first call after process A's delete commits", async () => {
      await deleteOnOneCallTheOther(a!, b!);
      expect(b!.stderr.some((line) => line.includes('"route":"/v3/scopes","status":401'))).toBe(true);
      expect(a!.stderr.some((line) => line.includes('"method":"DELETE","route":"/v3/api_keys/:id","status":204'))).toBe(true);
    });

    it("and the same the other way round: delete through B, call A", async () => {
      await deleteOnOneCallTheOther(b!, a!);
      expect(a!.stderr.some((line) => line.includes('"route":"/v3/scopes","status":401'))).toBe(true);
    });
  },
);
