// Key rows with their counter: the one way keys are written, by the page's and /v3's create and
// roll (insertKeyRow, inside their transaction) and by the seed, the test fixtures, the bench,
// the soak's and the e2e database's set-up (insertKeyRows). Deliberately not `server-only`, and imported by relative
// paths, because the latter run as plain Node (tsx). It decides nothing about who may write:
// callers check first and re-check under the lock the counter's update takes.
import type { PrismaClient } from "../db/create-client.ts";
import { generateApiKey } from "../keys/generate.ts";
import { hashSecret } from "../keys/hash.ts";
import type { KeyType } from "../permissions/catalog.ts";
import { apiKeySelect } from "./api-key-dto.ts";
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
 * One key row, with the account's key counter moved by one, as the page and /v3 create and roll
 * keys: one INSERT ... RETURNING the row as `apiKeySelect` shapes it, then the counter's
 * conditional update. The insert comes first because it takes no lock that other creates wait
 * for; the update takes the account row's lock (until commit on PostgreSQL), and 150 creates at
 * once queue on it, so the less that runs after it, the sooner each passes. With `limit`, the cap
 * holds under races as insertKeyRows says; null means "limit reached", and the row inserted is
 * deleted again (given a transaction, the caller's rollback would also drop it). The caller then
 * re-checks the actor in the same transaction: a refusal rolls both writes back.
 */
export async function insertKeyRow(writer: KeyWriter, accountId: string, row: KeyRowInput, { limit }: { limit?: number } = {}) {
  const made = generateApiKey();
  const created = await writer.apiKey.create({ data: rowData(accountId, row, made), select: apiKeySelect });
  if (await countNewKeys(writer, accountId, 1, limit)) return { key: made.key, row: created };
  await writer.apiKey.delete({ where: { id: created.id } });
  return null;
}

/**
 * Key rows in bulk (one INSERT), each with a new id and its secret's hash, and the account's key
 * counter moved by as many. With `limit`, the counter moves only while the account stays within
 * it (a conditional increment: concurrent writers queue on the account row, and the one that
 * would pass the cap updates nothing); null then means "limit reached" and nothing is written.
 * Given a transaction, both writes commit together. No audit event: callers write theirs.
 */
export async function insertKeyRows(
  writer: KeyWriter,
  accountId: string,
  rows: readonly KeyRowInput[],
  { limit }: { limit?: number } = {},
): Promise<InsertedKey[] | null> {
  if (!(await countNewKeys(writer, accountId, rows.length, limit))) return null;
  const made = rows.map(() => generateApiKey());
  await writer.apiKey.createMany({ data: rows.map((row, index) => rowData(accountId, row, made[index]!)) });
  return made.map(({ id, key }) => ({ id, key }));
}

async function countNewKeys(writer: KeyWriter, accountId: string, added: number, limit: number | undefined): Promise<boolean> {
  const { count } = await writer.account.updateMany({
    where: { id: accountId, ...(limit === undefined ? {} : { keyCount: { lte: limit - added } }) },
    data: { keyCount: { increment: added } },
  });
  return count > 0;
}

function rowData(accountId: string, row: KeyRowInput, made: { id: string; secret: string }) {
  return {
    id: made.id,
    accountId,
    name: row.name,
    type: row.type,
    scopes: serializeScopes(row.scopes),
    secretHash: hashSecret(made.secret),
    createdById: row.createdById ?? null,
    expiresAt: row.expiresAt ?? null,
    rolledFromId: row.rolledFromId ?? null,
    ...(row.createdAt ? { createdAt: row.createdAt } : {}),
    lastUsedAt: row.lastUsedAt ?? null,
  };
}
