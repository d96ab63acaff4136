// Key rows with their counter, for the seed, the test fixtures, the bench and the soak's set-up:
// deliberately not `server-only`, and imported by relative paths, because those run as plain Node
// (tsx). It decides nothing about who may write. The page's and /v3's create and roll keep their
// own conditional increment and insert, inside a transaction that also re-checks the actor and
// writes the audit event: moving them here added two statements under the account row's lock,
// and 150 racing creates on PostgreSQL then waited past the lock timeout (503) under load.
import type { PrismaClient } from "../db/create-client.ts";
import { generateApiKey } from "../keys/generate.ts";
import { hashSecret } from "../keys/hash.ts";
import type { KeyType } from "../permissions/catalog.ts";
import { serializeScopes } from "./scopes-column.ts";

type KeyWriter = Pick<Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0], "account" | "apiKey">;

export interface KeyRowInput {
  name: string;
  type: KeyType;
  scopes: readonly string[];
  createdById?: string | null;
  expiresAt?: Date | null;
  rolledFromId?: string | null;
  /** Only for made-up history (the demo seed, fixtures): a real key is created now, never used. */
  createdAt?: Date;
  lastUsedAt?: Date | null;
}

/** The full key is here once, for the caller to hand out or drop; only its hash is stored. */
export interface InsertedKey {
  id: string;
  key: string;
}

/**
 * The one way key rows are written: each with a new id and its secret's hash, and the account's
 * key counter moved by as many. With `limit`, the counter moves only while the account stays
 * within it (a conditional increment: concurrent writers queue on the account row, and the one
 * that would pass the cap updates nothing); null then means "limit reached" and nothing is
 * written. Given a transaction, both writes commit together. No audit event: callers write theirs.
 */
export async function insertKeyRows(
  writer: KeyWriter,
  accountId: string,
  rows: readonly KeyRowInput[],
  { limit }: { limit?: number } = {},
): Promise<InsertedKey[] | null> {
  const { count } = await writer.account.updateMany({
    where: { id: accountId, ...(limit === undefined ? {} : { keyCount: { lte: limit - rows.length } }) },
    data: { keyCount: { increment: rows.length } },
  });
  if (count === 0) return null;
  const made = rows.map(() => generateApiKey());
  await writer.apiKey.createMany({
    data: rows.map((row, index) => ({
      id: made[index]!.id,
      accountId,
      name: row.name,
      type: row.type,
      scopes: serializeScopes(row.scopes),
      secretHash: hashSecret(made[index]!.secret),
      createdById: row.createdById ?? null,
      expiresAt: row.expiresAt ?? null,
      rolledFromId: row.rolledFromId ?? null,
      ...(row.createdAt ? { createdAt: row.createdAt } : {}),
      lastUsedAt: row.lastUsedAt ?? null,
    })),
  });
  return made.map(({ id, key }) => ({ id, key }));
}
