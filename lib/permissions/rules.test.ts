import { describe, expect, it } from "vitest";
import { allBillingScopes, allGeneralScopes } from "./catalog";
import { checkKeyScopes, isSubset, keyTypeOfScopes, ownerScopes, unknownScopes } from "./rules";

describe("isSubset", () => {
  it("is true when every scope is held", () => {
    expect(isSubset(["alerts.read"], ["alerts.read", "alerts.create"])).toBe(true);
    expect(isSubset(["alerts.read", "alerts.read"], ["alerts.read"])).toBe(true);
    expect(isSubset([], ["alerts.read"])).toBe(true);
    expect(isSubset([], [])).toBe(true);
  });

  it("is false when any scope is not held", () => {
    expect(isSubset(["alerts.read", "alerts.create"], ["alerts.read"])).toBe(false);
    expect(isSubset(["alerts.read"], [])).toBe(false);
    expect(isSubset(["billing.read"], allGeneralScopes)).toBe(false);
  });
});

describe("unknownScopes", () => {
  it("lists scopes in no catalog group, once each, in input order", () => {
    expect(unknownScopes(["zeta", "alerts.read", "billing.read", "2fa_required", "alpha", "zeta"])).toEqual([
      "zeta",
      "alpha",
    ]);
  });

  it("is empty for catalog scopes, and is case-sensitive", () => {
    expect(unknownScopes(ownerScopes())).toEqual([]);
    expect(unknownScopes(["Alerts.Read"])).toEqual(["Alerts.Read"]);
  });
});

describe("checkKeyScopes", () => {
  it("accepts general scopes for a general key, sorted and de-duplicated", () => {
    expect(checkKeyScopes("general", ["mail.send", "alerts.read", "mail.send"])).toEqual({
      ok: true,
      scopes: ["alerts.read", "mail.send"],
    });
  });

  it("accepts billing scopes for a billing key", () => {
    expect(checkKeyScopes("billing", ["billing.update", "billing.read"])).toEqual({
      ok: true,
      scopes: ["billing.read", "billing.update"],
    });
  });

  it("accepts the Full Access preset: every general scope", () => {
    expect(checkKeyScopes("general", allGeneralScopes)).toEqual({ ok: true, scopes: [...allGeneralScopes] });
  });

  it("rejects no scopes as empty", () => {
    expect(checkKeyScopes("general", [])).toEqual({ ok: false, reason: "empty" });
    expect(checkKeyScopes("billing", [])).toEqual({ ok: false, reason: "empty" });
  });

  it("rejects a scope outside the catalog as unknown", () => {
    expect(checkKeyScopes("general", ["alerts.read", "alerts.admin"])).toEqual({ ok: false, reason: "unknown" });
  });

  it("rejects system scopes, which only the platform sets", () => {
    expect(checkKeyScopes("general", ["alerts.read", "2fa_exempt"])).toEqual({ ok: false, reason: "system" });
    expect(checkKeyScopes("billing", ["sender_verification_exempt"])).toEqual({ ok: false, reason: "system" });
  });

  it("rejects billing scopes on a general key and general scopes on a billing key as mixed", () => {
    expect(checkKeyScopes("general", ["alerts.read", "billing.read"])).toEqual({ ok: false, reason: "mixed" });
    expect(checkKeyScopes("billing", ["billing.read", "mail.send"])).toEqual({ ok: false, reason: "mixed" });
    expect(checkKeyScopes("general", allBillingScopes)).toEqual({ ok: false, reason: "mixed" });
  });

  it("does not return the caller's array", () => {
    const input = ["alerts.read"];
    const result = checkKeyScopes("general", input);
    expect(result.ok && result.scopes).not.toBe(input);
  });
});

describe("keyTypeOfScopes", () => {
  it("classifies scope lists", () => {
    expect(keyTypeOfScopes(["mail.send", "alerts.read"])).toBe("general");
    expect(keyTypeOfScopes(["billing.read"])).toBe("billing");
    expect(keyTypeOfScopes(["billing.read", "mail.send"])).toBe("mixed");
    expect(keyTypeOfScopes([])).toBe("none");
  });

  it("ignores system scopes", () => {
    expect(keyTypeOfScopes(["2fa_required", "billing.read"])).toBe("billing");
    expect(keyTypeOfScopes(["2fa_required", "mail.send"])).toBe("general");
    expect(keyTypeOfScopes(["2fa_required"])).toBe("none");
  });
});

describe("ownerScopes", () => {
  it("is every general and billing scope and no system scope", () => {
    const scopes = ownerScopes();
    expect(scopes).toHaveLength(allGeneralScopes.length + allBillingScopes.length);
    expect(scopes).toContain("mail.send");
    expect(scopes).toContain("billing.delete");
    expect(scopes).not.toContain("2fa_required");
    expect(scopes).toEqual([...scopes].sort());
  });

  it("returns a fresh array each call", () => {
    const a = ownerScopes();
    a.pop();
    expect(ownerScopes()).toHaveLength(a.length + 1);
  });
});
