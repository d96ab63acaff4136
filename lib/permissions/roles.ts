import { type Category, type CategoryLevel, allBillingScopes, allGeneralScopes, billingCategories, generalCategories } from "./catalog";
import { scopesForLevel, scopesFromLevels } from "./levels";
import { ownerScopes } from "./rules";

/** A member's role in an account. Owner is not offered when inviting, only when editing. */
export type TeammateRole = "owner" | "admin" | "restricted" | "read_only";
export const roleLabels: Record<TeammateRole, string> = {
  owner: "Owner",
  admin: "Admin",
  restricted: "Restricted",
  read_only: "Read-only",
};

/** Every category a teammate's permissions editor shows: the general ones, then Billing. */
export const teammateCategories = [...generalCategories, ...billingCategories];

export interface RoleChoice {
  role: TeammateRole;
  /** Admin and Read-only: whether billing is included (its Full or Read level respectively). */
  includeBilling: boolean;
  /** Restricted: a level per category of teammateCategories. */
  levels: Record<string, CategoryLevel>;
}

const readScopes = (categories: readonly Category[]) => categories.flatMap((c) => scopesForLevel(c, "read"));

/**
 * The scopes a role grants, sorted. Admin = every general scope (billing too when included);
 * Read-only = every ".read" scope (billing's when included); Restricted = the editor's levels.
 * `previousScopes` lets a Restricted member's "Custom" categories keep what they held.
 */
export function scopesForRole(choice: RoleChoice, previousScopes: readonly string[] = []): string[] {
  switch (choice.role) {
    case "owner":
      return ownerScopes();
    case "admin":
      return [...allGeneralScopes, ...(choice.includeBilling ? allBillingScopes : [])].sort();
    case "read_only":
      return [...readScopes(generalCategories), ...(choice.includeBilling ? readScopes(billingCategories) : [])].sort();
    case "restricted": {
      const general = scopesFromLevels("general", choice.levels, previousScopes);
      const billing = scopesFromLevels("billing", choice.levels, previousScopes);
      return [...new Set([...general, ...billing])].sort();
    }
  }
}
