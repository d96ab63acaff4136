
// Search and sort live in the URL (?q=…&sort=…), so a view can be bookmarked, shared and reloaded.
export const keySorts = { created: "Newest first", name: "Name (A–Z)", last_used: "Recently used" } as const;
export type KeySort = keyof typeof keySorts;

/** The list's search and sort, as read from the URL by parseKeyListQuery (list-query-schema.ts). */
export interface KeyListQuery {
  q: string;
  sort: KeySort;
}

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Keys whose name or id contains the query (case-insensitive), in the chosen order. */
export function applyKeyListQuery<T extends { id: string; name: string; createdAt: string; lastUsedAt?: string | null }>(keys: readonly T[], { q, sort }: KeyListQuery): T[] {
  const needle = q.toLowerCase();
  const found = needle ? keys.filter((key) => key.name.toLowerCase().includes(needle) || key.id.toLowerCase().includes(needle)) : [...keys];
  if (sort === "name") return found.sort((a, b) => byName.compare(a.name, b.name) || b.createdAt.localeCompare(a.createdAt));
  // Never-used keys last; ties keep newest first. The list arrives newest first already.
  if (sort === "last_used") return found.sort((a, b) => (b.lastUsedAt ?? "").localeCompare(a.lastUsedAt ?? ""));
  return found;
}
