import { z } from "zod";
// Before the parse below, which would otherwise probe for eval under the pages' CSP.
import "../validation/zod-config";
// The attribute keeps this loadable by Node's native ESM (tsx, scripts) as well as by bundlers.
import rawCatalog from "./scopes.json" with { type: "json" };

export type KeyType = "general" | "billing";
export type AccessLevel = "none" | "read" | "full";
/** "custom" is never chosen in the editor: it reports a partial category that no level describes. */
export type CategoryLevel = AccessLevel | "custom";

export interface Category {
  id: string;
  label: string;
  /** Which levels the editor offers: full = No/Read/Full, read = No/Read, full_only = No/Full. */
  levels: "full" | "read" | "full_only";
  scopes: readonly string[];
  keyType: KeyType;
}

// Validated at load so a bad edit to scopes.json fails at startup, not as a wrong permission.
const categorySchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  levels: z.enum(["full", "read", "full_only"]),
  scopes: z.array(z.string().min(1)).min(1),
});
const catalogSchema = z.object({
  general: z.array(categorySchema).min(1),
  billing: z.array(categorySchema).min(1),
  system: z.array(z.string().min(1)),
});

const catalog = catalogSchema.parse(rawCatalog);

// Frozen because these are shared module state: one caller sorting or pushing in place would
// silently change every other caller's permissions.
function toCategories(entries: z.infer<typeof categorySchema>[], keyType: KeyType): readonly Category[] {
  return Object.freeze(
    entries.map((entry) => Object.freeze({ ...entry, scopes: Object.freeze([...entry.scopes]), keyType })),
  );
}

function allScopesOf(categories: readonly Category[]): readonly string[] {
  return Object.freeze([...new Set(categories.flatMap((category) => category.scopes))].sort());
}

export const generalCategories: readonly Category[] = toCategories(catalog.general, "general");
export const billingCategories: readonly Category[] = toCategories(catalog.billing, "billing");

/** Set by the platform, never offered in the editor, never grantable by a user. */
export const systemScopes: readonly string[] = Object.freeze([...catalog.system].sort());

/** Every general scope, sorted: also what the "Full Access" preset grants. */
export const allGeneralScopes: readonly string[] = allScopesOf(generalCategories);
/** Every billing scope, sorted. */
export const allBillingScopes: readonly string[] = allScopesOf(billingCategories);

export function categoriesFor(type: KeyType): readonly Category[] {
  return type === "billing" ? billingCategories : generalCategories;
}

export function offeredLevels(category: Category): AccessLevel[] {
  switch (category.levels) {
    case "full":
      return ["none", "read", "full"];
    case "read":
      return ["none", "read"];
    case "full_only":
      return ["none", "full"];
  }
}
