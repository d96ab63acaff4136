import { describe, expect, it } from "vitest";
import { allBillingScopes, allGeneralScopes } from "./catalog";
import { scopesForRole } from "./roles";
import { ownerScopes } from "./rules";

describe("scopesForRole", () => {
  it("gives an admin every general scope, and billing only when included", () => {
    expect(scopesForRole({ role: "admin", includeBilling: false, levels: {} })).toEqual([...allGeneralScopes]);
    const withBilling = scopesForRole({ role: "admin", includeBilling: true, levels: {} });
    expect(withBilling).toEqual(ownerScopes());
  });

  it("gives a read-only member every .read scope and nothing else", () => {
    const scopes = scopesForRole({ role: "read_only", includeBilling: false, levels: {} });
    expect(scopes.length).toBeGreaterThan(10);
    expect(scopes.every((scope) => scope.endsWith(".read"))).toBe(true);
    expect(scopes).toContain("api_keys.read");
    expect(scopes).toContain("teammates.read");
    expect(scopes).not.toContain("billing.read");
    expect(scopesForRole({ role: "read_only", includeBilling: true, levels: {} })).toContain("billing.read");
  });

  it("gives a restricted member exactly the levels chosen, billing included", () => {
    const scopes = scopesForRole({ role: "restricted", includeBilling: false, levels: { api_keys: "read", billing: "full", stats: "read" } });
    expect(scopes).toContain("api_keys.read");
    expect(scopes).not.toContain("api_keys.create");
    expect(allBillingScopes.every((scope) => scopes.includes(scope))).toBe(true);
    expect(scopes).toContain("stats.read");
    expect(scopes).not.toContain("mail.send");
  });

  it("keeps a Custom category's previous scopes for a restricted member", () => {
    const scopes = scopesForRole({ role: "restricted", includeBilling: false, levels: { api_keys: "custom" } }, ["api_keys.read", "api_keys.create", "mail.send"]);
    expect(scopes).toEqual(["api_keys.create", "api_keys.read"]);
  });

  it("gives an owner every scope", () => {
    expect(scopesForRole({ role: "owner", includeBilling: false, levels: {} })).toEqual(ownerScopes());
  });
});
