// Scope lists are stored as JSON text so that one schema serves SQLite and PostgreSQL.
export function parseScopes(column: string): string[] {
  const value: unknown = JSON.parse(column);
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === "string") : [];
}

export function serializeScopes(scopes: readonly string[]): string {
  return JSON.stringify([...new Set(scopes)].sort());
}
