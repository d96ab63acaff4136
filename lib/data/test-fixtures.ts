// Builders for data-layer tests: accounts, members and keys written straight to a test database.
import type { PrismaClient } from "@/lib/db/create-client";
import { ruleFor } from "@/lib/permissions/policy";
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
