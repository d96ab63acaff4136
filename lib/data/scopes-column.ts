// Scope lists are stored as JSON text so that one schema serves SQLite and PostgreSQL.
export function parseScopes(column: string): string[] {
  const value: unknown = JSON.parse(column);
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === "string") : [];
}

export function serializeScopes(scopes: readonly string[]): string {
  return JSON.stringify([...new Set(scopes)].sort());
}

// The /v3 path reads a key's scope column on every request (no cache of keys: a deletion must be
// seen at once), but the same few lists come back every time: a Full Access key's is 215 scopes.
// Parsing is memoised by the column's text, which is the value itself, so nothing can go stale;
// the arrays are shared, hence frozen.
const MAX_MEMOISED_LISTS = 1_000;
const parsedColumns = new Map<string, readonly string[]>();

export function parseScopesShared(column: string): readonly string[] {
  let list = parsedColumns.get(column);
  if (!list) {
    if (parsedColumns.size >= MAX_MEMOISED_LISTS) parsedColumns.clear();
    list = Object.freeze(parseScopes(column));
    parsedColumns.set(column, list);
  }
  return list;
}
