import { type KeyType, allBillingScopes, allGeneralScopes, systemScopes } from "./catalog";

const general = new Set(allGeneralScopes);
const billing = new Set(allBillingScopes);
const system = new Set(systemScopes);

/**
 * "You may not give an API key greater permissions than you currently have": true when every
 * scope in `scopes` is in `held`. An empty `scopes` is a subset of anything.
 */
export function isSubset(scopes: readonly string[], held: readonly string[]): boolean {
  const heldSet = new Set(held);
  return scopes.every((scope) => heldSet.has(scope));
}

/** Scopes in no catalog group (general, billing or system), de-duplicated, in input order. */
export function unknownScopes(scopes: readonly string[]): string[] {
  return [...new Set(scopes)].filter((scope) => !general.has(scope) && !billing.has(scope) && !system.has(scope));
}

export type ScopeCheck = { ok: true; scopes: string[] } | { ok: false; reason: "unknown" | "mixed" | "system" | "empty" };

/**
 * Whether a user may give a key of this type exactly these scopes. Reasons are checked in the
 * order empty, unknown, system, mixed, so the first one reported is the most basic problem.
 * Subset-of-the-actor is a separate check (isSubset), as it depends on who is acting.
 */
export function checkKeyScopes(type: KeyType, scopes: readonly string[]): ScopeCheck {
  if (scopes.length === 0) return { ok: false, reason: "empty" };
  if (unknownScopes(scopes).length > 0) return { ok: false, reason: "unknown" };
  if (scopes.some((scope) => system.has(scope))) return { ok: false, reason: "system" };
  const allowed = type === "billing" ? billing : general;
  if (!scopes.every((scope) => allowed.has(scope))) return { ok: false, reason: "mixed" };
  return { ok: true, scopes: [...new Set(scopes)].sort() };
}

/** Which key type a scope list describes. System and unknown scopes are ignored. */
export function keyTypeOfScopes(scopes: readonly string[]): KeyType | "mixed" | "none" {
  const hasGeneral = scopes.some((scope) => general.has(scope));
  const hasBilling = scopes.some((scope) => billing.has(scope));
  if (hasGeneral && hasBilling) return "mixed";
  if (hasGeneral) return "general";
  if (hasBilling) return "billing";
  return "none";
}

/** What an account owner holds: every general and billing scope, sorted. A fresh array per call. */
export function ownerScopes(): string[] {
  return [...allGeneralScopes, ...allBillingScopes].sort();
}
