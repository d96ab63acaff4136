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

interface RawCategory {
  id: string;
  label: string;
  levels: Category["levels"];
  scopes: string[];
}

const levelKinds: readonly string[] = ["full", "read", "full_only"];

function checkCategories(entries: unknown, group: string): RawCategory[] {
  if (!Array.isArray(entries) || entries.length === 0) throw new Error(`scopes.json: "${group}" must list categories`);
  for (const entry of entries as Partial<RawCategory>[]) {
    const scopes = entry.scopes;
    const valid =
      typeof entry.id === "string" && entry.id !== "" && typeof entry.label === "string" && entry.label !== "" &&
      levelKinds.includes(entry.levels as string) && Array.isArray(scopes) && scopes.length > 0 &&
      scopes.every((scope) => typeof scope === "string" && scope !== "");
    if (!valid) throw new Error(`scopes.json: invalid category ${JSON.stringify(entry.id)} in "${group}"`);
  }
  return entries as RawCategory[];
}

/**
 * Validated at load so a bad edit to scopes.json fails at startup, not as a wrong permission.
 * By hand rather than with zod: the API Keys page's table reads the catalog, and zod would
 * otherwise be part of the page's JavaScript before any form opens (issue 9's budget).
 */
export function parseCatalog(raw: unknown): { general: RawCategory[]; billing: RawCategory[]; system: string[] } {
  const { general, billing, system } = (raw ?? {}) as Record<string, unknown>;
  if (!Array.isArray(system) || !system.every((scope) => typeof scope === "string" && scope !== "")) {
    throw new Error('scopes.json: "system" must list scopes');
  }
  return { general: checkCategories(general, "general"), billing: checkCategories(billing, "billing"), system };
}

const catalog = parseCatalog(rawCatalog);

// Frozen because these are shared module state: one caller sorting or pushing in place would
// silently change every other caller's permissions.
function toCategories(entries: RawCategory[], keyType: KeyType): readonly Category[] {
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
