import { z } from "zod";
import { keySorts, type KeyListQuery, type KeySort } from "./list-query";

// Read on the server only (the page): zod stays out of the page's JavaScript, which needs only the
// sorting and filtering in list-query.ts.
// Whatever the URL holds, the page renders: an unknown sort falls back to the default, a query
// too long to be a name or an id is cut to one.
export const keyListQuerySchema = z.object({
  q: z
    .string()
    .catch("")
    .transform((q) => q.trim().slice(0, 100)),
  sort: z.enum(Object.keys(keySorts) as [KeySort, ...KeySort[]]).catch("created"),
});

export function parseKeyListQuery(params: Record<string, string | string[] | undefined>): KeyListQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return keyListQuerySchema.parse({ q: first(params.q) ?? "", sort: first(params.sort) ?? "created" });
}
