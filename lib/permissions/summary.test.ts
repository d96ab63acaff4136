import { describe, expect, it } from "vitest";
import { allBillingScopes, allGeneralScopes } from "./catalog";
import { permissionSummary } from "./summary";

describe("permissionSummary", () => {
  it("says Full Access for a general key with every general scope", () => {
    expect(permissionSummary("general", allGeneralScopes)).toBe("Full Access");
  });

  it("counts the categories of a restricted key, one category in the singular", () => {
    expect(permissionSummary("general", ["mail.send"])).toBe("Restricted · 1 category");
    expect(permissionSummary("general", ["mail.send", "stats.read", "alerts.read"])).toBe("Restricted · 3 categories");
  });

  it("names a billing key's level", () => {
    expect(permissionSummary("billing", ["billing.read"])).toBe("Billing · Read");
    expect(permissionSummary("billing", allBillingScopes)).toBe("Billing · Full");
  });

  it("says No Access when only platform scopes remain", () => {
    expect(permissionSummary("general", [])).toBe("No Access");
  });
});
