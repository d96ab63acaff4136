// Scope lists are stored as JSON text so that one schema serves SQLite and PostgreSQL.
export function parseScopes(column: string): string[] {
  const value: unknown = JSON.parse(column);
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === "string") : [];
}

export function serializeScopes(scopes: readonly string[]): string {
  return JSON.stringify([...new Set(scopes)].sort());
}

// The /v3 path reads a key's scope column on every request (no cache of keys: a deletion must be
// seen at once), and a Full Access key's is 215 scopes. The parsed list is kept per key together
// with the text it came from, and reused only while the column still reads exactly the same: an
// edit is seen at once. (Keyed by id, not by the 4 KB text: hashing that costs more than
// comparing it.) The lists are shared between requests, hence frozen.
const MAX_MEMOISED_KEYS = 10_000;
const parsedByKey = new Map<string, { column: string; list: readonly string[] }>();

export function parseKeyScopes(keyId: string, column: string): readonly string[] {
  const memo = parsedByKey.get(keyId);
  if (memo && memo.column === column) return memo.list;
  if (parsedByKey.size >= MAX_MEMOISED_KEYS) parsedByKey.clear();
  const list = Object.freeze(parseScopes(column));
  parsedByKey.set(keyId, { column, list });
  return list;
}
