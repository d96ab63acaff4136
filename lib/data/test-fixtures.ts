// Builders for data-layer tests: accounts, members and keys written straight to a test database.
import type { PrismaClient } from "@/lib/db/create-client";
import { generateApiKey } from "@/lib/keys/generate";
import { hashSecret } from "@/lib/keys/hash";
import { ruleFor } from "@/lib/permissions/policy";
import type { DataContext } from "./context";

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
  const rows = Array.from({ length: count }, (_, index) => {
    const { id, secret } = generateApiKey();
    return { id, accountId, name: `bulk ${index}`, type: "general", scopes: JSON.stringify(scopes), secretHash: hashSecret(secret) };
  });
  await db.apiKey.createMany({ data: rows });
  await db.account.update({ where: { id: accountId }, data: { keyCount: { increment: count } } });
  return rows.map((row) => row.id);
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
  const { id, secret } = generateApiKey();
  await db.apiKey.create({
    data: { id, accountId, name: `${type} ${unique("key")}`, type, scopes: JSON.stringify(scopes), secretHash: hashSecret(secret), createdById: createdById ?? null },
  });
  await db.account.update({ where: { id: accountId }, data: { keyCount: { increment: 1 } } });
  return id;
}
