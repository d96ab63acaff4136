import { allBillingScopes } from "@/lib/permissions/catalog";
import { levelsFromScopes } from "@/lib/permissions/levels";
import { teammateCategories, type TeammateRole } from "@/lib/permissions/roles";
import type { TeammateFormInput } from "@/lib/validation/teammate";

export function emptyLevels() {
  return Object.fromEntries(teammateCategories.map((category) => [category.id, "none" as const]));
}

/** The edit form's starting point: the member's role, and their scopes as editor levels. */
export function teammateDefaults(role: TeammateRole, scopes: string[]): TeammateFormInput {
  const levels = { ...levelsFromScopes("general", scopes), ...levelsFromScopes("billing", scopes) };
  return { role, includeBilling: allBillingScopes.some((scope) => scopes.includes(scope)), levels };
}
