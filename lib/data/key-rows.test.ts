// The one way key rows are written. insertKeyRow is what the page's and /v3's create and roll run,
// and its counter update takes the account row's lock that racing creates queue on: its statements
// and their order are part of its contract. 150 creates at once on PostgreSQL once waited past the
// lock timeout when two more statements ran under that lock.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient as PostgresPrismaClient } from "@/prisma/generated/postgres/client.ts";
import { PrismaClient as SqlitePrismaClient } from "@/prisma/generated/sqlite/client.ts";
import type { PrismaClient } from "@/lib/db/create-client";
import { LOCK_WAIT_MS } from "@/lib/db/busy";
import { ImmediateSqliteAdapterFactory } from "@/lib/db/sqlite-adapter";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/db/test-database";
import { hashSecret } from "@/lib/keys/hash";
import { parseApiKey } from "@/lib/keys/parse";
import { insertKeyRow, insertKeyRows } from "./key-rows";
import { createAccount } from "./test-fixtures";

const queryLog = { emit: "event", level: "query" } as const;

describe.each(testProviders)("key rows on %s", (provider) => {
  let database: TestDatabase;
  let db: PrismaClient;
  const statements: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    // A client of its own that reports each SQL statement it sends.
    const client =
      provider === "postgresql"
        ? new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: database.url }), log: [queryLog] })
        : new SqlitePrismaClient({ adapter: new ImmediateSqliteAdapterFactory(database.url.slice("file:".length), LOCK_WAIT_MS), log: [queryLog] });
    client.$on("query", (event: { query: string }) => statements.push(event.query));
    db = client as unknown as PrismaClient;
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("writes one key with two statements, an INSERT returning the row, then the counter's update", async () => {
    const account = await createAccount(db);
    statements.length = 0;
    const inserted = await db.$transaction((tx) =>
      insertKeyRow(tx, account.id, { name: "one", type: "general", scopes: ["mail.send"] }, { limit: 100 }),
    );
    const writes = statements.filter((sql) => !/^(BEGIN|COMMIT)/i.test(sql.trim()));
    expect(writes).toHaveLength(2);
    expect(writes[0]).toMatch(/^INSERT INTO .*["`]ApiKey["`].* RETURNING /is);
    expect(writes[1]).toMatch(/^UPDATE .*["`]Account["`]/i);

    expect(inserted?.row).toMatchObject({ name: "one", scopes: '["mail.send"]', type: "general", rolledFromId: null });
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: inserted!.row.id } });
    // The full key is returned, never stored: only its hash is.
    expect(parseApiKey(inserted!.key)).toMatchObject({ id: stored.id });
    expect(stored.secretHash).toBe(hashSecret(parseApiKey(inserted!.key)!.secret));
    expect(JSON.stringify(stored)).not.toContain(parseApiKey(inserted!.key)!.secret);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).keyCount).toBe(1);
  });

  it("writes nothing at the limit, with or without a transaction, and counts every key written", async () => {
    const account = await createAccount(db);
    await db.$transaction((tx) => insertKeyRows(tx, account.id, [{ name: "a", type: "general", scopes: [] }, { name: "b", type: "general", scopes: [] }]));
    expect(await insertKeyRow(db, account.id, { name: "c", type: "general", scopes: [] }, { limit: 2 })).toBeNull();
    expect(await insertKeyRows(db, account.id, [{ name: "c", type: "general", scopes: [] }], { limit: 2 })).toBeNull();
    expect(await insertKeyRow(db, account.id, { name: "c", type: "general", scopes: [] }, { limit: 3 })).not.toBeNull();
    const [keys, counted] = await Promise.all([
      db.apiKey.count({ where: { accountId: account.id } }),
      db.account.findUniqueOrThrow({ where: { id: account.id } }),
    ]);
    expect(keys).toBe(3);
    expect(counted.keyCount).toBe(3);
  });
});
