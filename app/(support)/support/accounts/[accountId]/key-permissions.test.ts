import { describe, expect, it } from "vitest";
import { allGeneralScopes, categoriesFor, type KeyType } from "@/lib/permissions/catalog";
import { levelsFromScopes } from "@/lib/permissions/levels";
import { isFullAccess } from "./key-permissions";

// As lib/data/support.ts builds a key's permissions for the review.
const permissionsOf = (type: KeyType, scopes: readonly string[]) => {
  const levels = levelsFromScopes(type, scopes);
  return categoriesFor(type)
    .filter((category) => levels[category.id] !== "none")
    .map((category) => ({ category: category.label, level: levels[category.id]! }));
};

describe("support review of a key's permissions", () => {
  it("groups a key with every general scope as Full Access", () => {
    expect(isFullAccess("general", permissionsOf("general", allGeneralScopes))).toBe(true);
  });

  it("lists anything less, and billing keys, category by category", () => {
    expect(isFullAccess("general", permissionsOf("general", allGeneralScopes.filter((s) => s !== "alerts.create")))).toBe(false);
    expect(isFullAccess("general", permissionsOf("general", ["mail.send"]))).toBe(false);
    expect(isFullAccess("billing", permissionsOf("billing", ["billing.read", "billing.update"]))).toBe(false);
  });
});
