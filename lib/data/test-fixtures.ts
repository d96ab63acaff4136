// Builders for data-layer tests: accounts, members and keys written straight to a test database,
// and each describe block's database with what runs on it (the /v3 key lookup, a usage recorder).
import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { ruleFor } from "@/lib/permissions/policy";
import { createKeyLookup, type KeyLookup } from "./api-key-lookup";
import { createKeyUseRecorder, type KeyUseRecorderOptions } from "./api-key-usage";
import { createApiKey, type CreateApiKeyInput } from "./api-key-writes";
import type { DataContext } from "./context";
import { insertKeyRows } from "./key-rows";

let sequence = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(sequence++).toString(36)}`;

export async function createAccount(db: PrismaClient, name = unique("account")) {
  return db.account.create({ data: { name } });
}

export async function createMember(
  db: PrismaClient,
  accountId: string,
  role: "owner" | "admin" | "restricted" | "read_only",
  scopes: readonly string[] = [],
) {
  const user = await db.user.create({
    data: { email: `${unique("user")}@example.test`, name: "Test User", passwordHash: "not-a-real-hash" },
  });
  await db.membership.create({ data: { userId: user.id, accountId, role, scopes: JSON.stringify(scopes) } });
  return user;
}

/** Inserts keys directly (no audit events), keeping the account's key counter in step. */
export async function insertKeys(db: PrismaClient, accountId: string, count: number, scopes: string[] = [...ruleFor("messages.send").scopes]) {
  const rows = Array.from({ length: count }, (_, index) => ({ name: `bulk ${index}`, type: "general" as const, scopes }));
  const inserted = await db.$transaction((tx) => insertKeyRows(tx, accountId, rows));
  return inserted!.map((key) => key.id);
}

export function asUser(db: PrismaClient, userId: string, accountId: string): DataContext {
  return { db, principal: { kind: "user", userId }, accountId };
}

export async function createSupportStaff(db: PrismaClient) {
  return db.user.create({
    data: { email: `${unique("support")}@example.test`, name: "Support Person", passwordHash: "not-a-real-hash", isSupportStaff: true },
  });
}

/** A key inserted directly (no audit event), of either type, keeping the key counter in step. */
export async function insertKey(db: PrismaClient, accountId: string, type: "general" | "billing", scopes: string[], createdById?: string) {
  const inserted = await db.$transaction((tx) => insertKeyRows(tx, accountId, [{ name: `${type} ${unique("key")}`, type, scopes, createdById }]));
  return inserted![0]!.id;
}

/** For one describe block: a fresh test database, dropped after; `ready` receives it in beforeAll. */
export function setUpTestDatabase(provider: DatabaseProvider, ready: (database: TestDatabase) => void): void {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    ready(database);
  });
  afterAll(() => database?.drop());
}

/** setUpTestDatabase with the /v3 key lookup on it, built as server.ts builds it, closed first. */
export function setUpKeyLookupDatabase(provider: DatabaseProvider, ready: (set: { db: PrismaClient; url: string; lookup: KeyLookup }) => void): void {
  let database: TestDatabase | undefined;
  let lookup: KeyLookup | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    lookup = createKeyLookup(database.prisma, database.url);
    ready({ db: database.prisma, url: database.url, lookup });
  });
  afterAll(async () => {
    await lookup?.close();
    await database?.drop();
  });
}

/**
 * A new account, its owner, and a key the owner created as the page does (createApiKey, with its
 * audit event): by default a general key named "deploy" that sends mail. The full
 * key is returned, for the tests that call with it.
 */
export async function ownerWithKey(db: PrismaClient, input: Partial<CreateApiKeyInput> = {}, now: Date = new Date()) {
  const account = await createAccount(db);
  const owner = await createMember(db, account.id, "owner");
  const ctx = asUser(db, owner.id, account.id);
  const created = await createApiKey(ctx, { name: "deploy", type: "general", scopes: [...ruleFor("messages.send").scopes], ...input }, now);
  if (!created.ok) throw new Error(created.message);
  return { ctx, accountId: account.id, ownerId: owner.id, ...created.data };
}

/** A new account with one general key that sends mail, inserted directly (no audit event). */
export async function accountWithKey(db: PrismaClient) {
  const account = await createAccount(db);
  return { accountId: account.id, keyId: await insertKey(db, account.id, "general", [...ruleFor("messages.send").scopes]) };
}

/** A key-use recorder whose timer never fires within a test: it writes when the test flushes or closes it. */
export function handFlushedRecorder(db: PrismaClient, options: Omit<KeyUseRecorderOptions, "flushEveryMs"> = {}) {
  return createKeyUseRecorder(db, { ...options, flushEveryMs: 60_000 });
}
