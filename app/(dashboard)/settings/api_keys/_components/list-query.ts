import { z } from "zod";
import type { ApiKeyListItemDTO } from "@/lib/data/api-keys";

// Search and sort live in the URL (?q=…&sort=…), so a view can be bookmarked, shared and reloaded.
export const keySorts = { created: "Newest first", name: "Name (A–Z)", last_used: "Recently used" } as const;
export type KeySort = keyof typeof keySorts;

// Whatever the URL holds, the page renders: an unknown sort falls back to the default, a query
// too long to be a name or an id is cut to one.
export const keyListQuerySchema = z.object({
  q: z
    .string()
    .catch("")
    .transform((q) => q.trim().slice(0, 100)),
  sort: z.enum(Object.keys(keySorts) as [KeySort, ...KeySort[]]).catch("created"),
});
export type KeyListQuery = z.output<typeof keyListQuerySchema>;

export function parseKeyListQuery(params: Record<string, string | string[] | undefined>): KeyListQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return keyListQuerySchema.parse({ q: first(params.q) ?? "", sort: first(params.sort) ?? "created" });
}

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Keys whose name or id contains the query (case-insensitive), in the chosen order. */
export function applyKeyListQuery<T extends ApiKeyListItemDTO>(keys: readonly T[], { q, sort }: KeyListQuery): T[] {
  const needle = q.toLowerCase();
  const found = needle ? keys.filter((key) => key.name.toLowerCase().includes(needle) || key.id.toLowerCase().includes(needle)) : [...keys];
  if (sort === "name") return found.sort((a, b) => byName.compare(a.name, b.name) || b.createdAt.localeCompare(a.createdAt));
  // Never-used keys last; ties keep newest first. The list arrives newest first already.
  if (sort === "last_used") return found.sort((a, b) => (b.lastUsedAt ?? "").localeCompare(a.lastUsedAt ?? ""));
  return found;
}
