import { allGeneralScopes, categoriesFor, type KeyType } from "@/lib/permissions/catalog";
import { highestGrantableLevel } from "@/lib/permissions/grantable";
import { levelsFromScopes } from "@/lib/permissions/levels";
import { isSubset } from "@/lib/permissions/rules";
import type { ApiKeyFormInput } from "@/lib/validation/api-key";

/**
 * What the form opens with. No new form opens in a state that cannot be submitted: a general key
 * starts at Full Access (as SendGrid's does) when the person may grant it, a billing key at the
 * lowest level the person may grant (Read where held). Otherwise, Restricted starts empty and the
 * editor says plainly to choose at least one category.
 */
export function keyFormDefaults(type: KeyType, heldScopes: readonly string[], initial?: { name: string; scopes: string[] }): ApiKeyFormInput {
  if (initial) {
    const levels = levelsFromScopes(type, initial.scopes);
    const full = type === "general" && allGeneralScopes.every((scope) => initial.scopes.includes(scope));
    return { name: initial.name, type, access: full ? "full" : "restricted", levels };
  }
  const categories = categoriesFor(type);
  if (type === "billing") {
    const levels = Object.fromEntries(
      categories.map((category) => {
        const read = highestGrantableLevel(category, "read", heldScopes);
        return [category.id, read === "none" ? highestGrantableLevel(category, "full", heldScopes) : read];
      }),
    );
    return { name: "", type, access: "restricted", levels, expiry: "never" };
  }
  const levels = Object.fromEntries(categories.map((category) => [category.id, "none" as const]));
  return { name: "", type, access: isSubset(allGeneralScopes, heldScopes) ? "full" : "restricted", levels, expiry: "never" };
}
