import "server-only";
import type { PrismaClient } from "@/lib/db/create-client";
import type { KeyType } from "@/lib/permissions/catalog";
import { parseApiKey } from "@/lib/keys/parse";
import { verifySecret } from "@/lib/keys/hash";
import type { KeyLookup } from "./api-key-lookup";
import type { DataContext } from "./context";
import { parseKeyScopes } from "./scopes-column";

/** Who a /v3 request acts as, read from the database on this very request. */
export interface ApiCaller {
  keyId: string;
  accountId: string;
  type: KeyType;
  /** Shared between requests with the same list (see parseKeyScopes): read, never change. */
  scopes: readonly string[];
}

/**
 * Verifies a presented key: parse, load that key by id, compare hashes in constant time.
 * Returns null for anything that is not a live key: unknown, wrong secret, disabled, or expired
 * at `now` (injectable so tests need no waits). There is deliberately no cache: a key
 * deleted in any instance is refused from the next lookup, because every lookup reads the
 * database (see api-key-lookup.ts).
 */
export async function authenticateApiKey(lookup: KeyLookup, presented: string, now: Date = new Date()): Promise<ApiCaller | null> {
  const parsed = parseApiKey(presented);
  if (!parsed) return null;
  const row = await lookup.find(parsed.id);
  // A missing row still pays for a hash, so an unknown id does not answer faster than a wrong secret.
  const valid = verifySecret(parsed.secret, row?.secretHash ?? UNKNOWN_KEY_HASH);
  if (!row || !valid) return null;
  if (row.disabled || (row.expiresAt !== null && row.expiresAt <= now.getTime())) return null;
  return {
    keyId: row.id,
    accountId: row.accountId,
    type: row.type === "billing" ? "billing" : "general",
    scopes: parseKeyScopes(row.id, row.scopes),
  };
}

const UNKNOWN_KEY_HASH = "0".repeat(64);

/**
 * The data context in which an authenticated key acts. The key as read by this request's lookup
 * goes with it: lib/data checks the policy against it without reading the key again (writes read
 * it once more, inside their transaction: access.ts, reauthorize).
 */
export function apiKeyContext(db: PrismaClient, caller: ApiCaller): DataContext {
  return { db, principal: { kind: "key", keyId: caller.keyId, authenticated: caller }, accountId: caller.accountId };
}
