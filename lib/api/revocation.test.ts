// A deleted key is refused from the first request that starts after the deletion commits: in the
// instance that deleted it and in any other instance on the same database.
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/db/test-database";
import { deleteApiKey } from "@/lib/data/api-keys";
import { asUser, createAccount, createMember } from "@/lib/data/test-fixtures";
import { call, insertKey, startApiServer, type RunningApi, useApiServer } from "./testing/api-server";

interface Attempt {
  startedAt: number;
  status: number;
}

/** Calls /v3/scopes from several loops until `stop()`, recording when each call started. */
function hammer(api: RunningApi, key: string, loops = 4) {
  const attempts: Attempt[] = [];
  let running = true;
  const workers = Array.from({ length: loops }, async () => {
    while (running) {
      const startedAt = performance.now();
      const response = await call(api, key, "GET", "/v3/scopes");
      await response.arrayBuffer();
      attempts.push({ startedAt, status: response.status });
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

// Enough calls started after the commit to show none gets through; counted, not timed, because a
// loaded machine (load average 12 and more) made fewer than 20 calls in a fixed 300 ms.
async function untilCalledAfter(attempts: Attempt[], committedAt: number) {
  await expect.poll(() => attempts.filter((a) => a.startedAt > committedAt).length, { timeout: 10_000 }).toBeGreaterThan(20);
}

async function untilAccepted(attempts: Attempt[]) {
  await expect.poll(() => attempts.filter((a) => a.status === 200).length, { timeout: 5000 }).toBeGreaterThan(20);
}

function expectRefusedAfter(attempts: Attempt[], committedAt: number) {
  const after = attempts.filter((a) => a.startedAt > committedAt);
  expect(after.length).toBeGreaterThan(20);
  expect(after.filter((a) => a.status !== 401)).toEqual([]);
  expect(attempts.every((a) => a.status === 200 || a.status === 401)).toBe(true);
}

describe.each(testProviders)("revocation on %s", (provider) => {
  let db: PrismaClient;
  let api: RunningApi;
  useApiServer(provider, (server) => ({ db, api } = server));

  it("refuses every call that starts after the page's delete commits", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const { id, key } = await insertKey(db, account.id, ["mail.send"]);
    const load = hammer(api, key);
    await untilAccepted(load.attempts);
    // deleteApiKey is what the page's delete action calls; it resolves once its transaction commits.
    const result = await deleteApiKey(asUser(db, owner.id, account.id), id);
    const committedAt = performance.now();
    expect(result.ok).toBe(true);
    await untilCalledAfter(load.attempts, committedAt);
    await load.stop();
    expectRefusedAfter(load.attempts, committedAt);
  });
});

describe.skipIf(!testProviders.includes("postgresql"))("revocation across two instances on one PostgreSQL", () => {
  let database: TestDatabase;
  let secondClient: PrismaClient;
  let first: RunningApi;
  let second: RunningApi;
  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    // Each instance has its own Prisma client and pool, as two processes would.
    secondClient = createPrismaClient(database.url);
    first = await startApiServer(database.prisma, database.url);
    second = await startApiServer(secondClient, database.url);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await secondClient?.$disconnect();
    await database?.drop();
  });

  it("refuses the key on the second instance once the first has deleted it", async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const admin = await insertKey(db, account.id, ["api_keys.delete", "api_keys.read"]);
    const doomed = await insertKey(db, account.id, ["mail.send"]);
    const load = hammer(second, doomed.key);
    await untilAccepted(load.attempts);
    const deleted = await call(first, admin.key, "DELETE", `/v3/api_keys/${doomed.id}`);
    const committedAt = performance.now();
    expect(deleted.status).toBe(204);
    await untilCalledAfter(load.attempts, committedAt);
    await load.stop();
    expectRefusedAfter(load.attempts, committedAt);
    expect(second.logs.some((line) => line.includes('"route":"/v3/scopes","status":401'))).toBe(true);
  });
});
