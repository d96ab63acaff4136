// Killing the server mid-load (SIGKILL: no shutdown, no flush) loses nothing it acknowledged:
// after a restart on the same database, every key whose create was answered 201 is there with its
// audit event, every key whose delete was answered 204 is gone with its event, and the counts
// agree. Requests cut by the kill may have gone either way; the checks hold for them too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/db/test-database";
import { createAccount } from "@/lib/data/test-fixtures";
import { insertKey } from "./testing/api-server";
import { startInstance, stopInstance, type Instance } from "./testing/instance";

const LOOPS = 8;

describe.each(testProviders)("SIGKILL mid-load on %s", (provider) => {
  let database: TestDatabase;
  const instances: Instance[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    for (const instance of instances) await stopInstance(instance);
    await database?.drop();
  });

  it("keeps every acknowledged create and delete, with its audit event, after a restart", async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const { key } = await insertKey(db, account.id, ["api_keys.create", "api_keys.read", "api_keys.delete", "mail.send"]);
    const first = await startInstance("first", database.url);
    instances.push(first);

    const created: string[] = [];
    const deleted: string[] = [];
    // Claimed by a delete in flight; one the kill cut off may have gone either way.
    const claimed = new Set<string>();
    let cut = 0;
    let killed = false;
    const send = (method: string, path: string, body?: unknown) =>
      fetch(`${first.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    const loops = Array.from({ length: LOOPS }, async (_, loop) => {
      for (let index = 0; !killed; index++) {
        try {
          const victim = index % 3 === 2 ? created.find((id) => !claimed.has(id)) : undefined;
          if (victim) {
            claimed.add(victim);
            const response = await send("DELETE", `/v3/api_keys/${victim}`);
            if (response.status === 204) deleted.push(victim);
            else claimed.delete(victim);
          } else {
            const response = await send("POST", "/v3/api_keys", { name: `crash ${loop}-${index}`, scopes: ["mail.send"] });
            if (response.status === 201) created.push(((await response.json()) as { api_key_id: string }).api_key_id);
            else expect(response.status).toBe(403);
          }
        } catch {
          cut++;
        }
      }
    });
    await expect.poll(() => created.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(30);
    first.child.kill("SIGKILL");
    killed = true;
    await Promise.all(loops);

    const second = await startInstance("second", database.url);
    instances.push(second);
    const read = (id: string) => fetch(`${second.url}/v3/api_keys/${id}`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status);
    const kept = created.filter((id) => !claimed.has(id));
    expect({ kept: await Promise.all(kept.map(read)) }).toEqual({ kept: kept.map(() => 200) });
    expect({ deleted: await Promise.all(deleted.map(read)) }).toEqual({ deleted: deleted.map(() => 404) });

    const [keys, counter, events] = await Promise.all([
      db.apiKey.findMany({ where: { accountId: account.id }, select: { id: true } }),
      db.account.findUniqueOrThrow({ where: { id: account.id }, select: { keyCount: true } }),
      db.auditEvent.findMany({ where: { accountId: account.id }, select: { action: true, targetKeyId: true } }),
    ]);
    const ids = new Set(keys.map((row) => row.id));
    const createdEvents = new Set(events.filter((e) => e.action === "key.created").map((e) => e.targetKeyId));
    const deletedEvents = new Set(events.filter((e) => e.action === "key.deleted").map((e) => e.targetKeyId));
    expect(counter.keyCount).toBe(keys.length);
    expect(created.filter((id) => !createdEvents.has(id))).toEqual([]);
    expect(deleted.filter((id) => !deletedEvents.has(id) || ids.has(id))).toEqual([]);
    // Keys made by requests the kill cut off are whole too: each has its event.
    expect(keys.length - 1 - [...ids].filter((id) => createdEvents.has(id)).length).toBe(0);
    expect(created.length).toBeGreaterThanOrEqual(30);
    console.log(`${provider}: ${created.length} creates and ${deleted.length} deletes acknowledged, ${cut} requests cut by the kill`);
  });
});
