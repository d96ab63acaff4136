import { describe, expect, it } from "vitest";
import {
  allBillingScopes,
  allGeneralScopes,
  billingCategories,
  categoriesFor,
  generalCategories,
  offeredLevels,
  parseCatalog,
  systemScopes,
} from "./catalog";

const allCategories = [...generalCategories, ...billingCategories];

// These invariants are what make levels <-> scopes unambiguous; an edit to scopes.json that breaks
// one would make the editor show or save the wrong permissions.
describe("catalog invariants", () => {
  it("loads SendGrid's categories, with billing as its own key type", () => {
    expect(generalCategories.map((c) => c.id)).toContain("mail_send");
    expect(generalCategories.map((c) => c.id)).toContain("api_keys");
    expect(billingCategories.map((c) => c.id)).toEqual(["billing"]);
    expect(generalCategories.every((c) => c.keyType === "general")).toBe(true);
    expect(billingCategories.every((c) => c.keyType === "billing")).toBe(true);
    expect(systemScopes).toContain("2fa_required");
  });

  it("has unique category ids across both key types", () => {
    const ids = allCategories.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("puts every scope in exactly one place: one category, or system", () => {
    const everywhere = [...allCategories.flatMap((c) => c.scopes), ...systemScopes];
    expect(new Set(everywhere).size).toBe(everywhere.length);
  });

  it.each(allCategories.filter((c) => c.levels === "read").map((c) => [c.id, c] as const))(
    "read-only category %s has only .read scopes",
    (_id, category) => {
      expect(category.scopes.every((s) => s.endsWith(".read"))).toBe(true);
    },
  );

  it.each(allCategories.filter((c) => c.levels === "full").map((c) => [c.id, c] as const))(
    "No/Read/Full category %s has a Read that is non-empty and smaller than Full",
    (_id, category) => {
      expect(category.scopes.some((s) => s.endsWith(".read"))).toBe(true);
      expect(category.scopes.some((s) => !s.endsWith(".read"))).toBe(true);
    },
  );

  it("aggregates all general and billing scopes, sorted", () => {
    expect(allGeneralScopes).toContain("mail.send");
    expect(allGeneralScopes).not.toContain("billing.read");
    expect(allBillingScopes).toEqual(["billing.create", "billing.delete", "billing.read", "billing.update"]);
    expect([...allGeneralScopes].sort()).toEqual(allGeneralScopes);
    expect(allGeneralScopes).toHaveLength(generalCategories.reduce((n, c) => n + c.scopes.length, 0));
  });

  it("freezes shared data so no caller can change it for everyone", () => {
    expect(() => (allGeneralScopes as string[]).push("x.read")).toThrow(TypeError);
    expect(() => (generalCategories[0]!.scopes as string[]).pop()).toThrow(TypeError);
  });
});

describe("categoriesFor", () => {
  it("returns the categories of the key type", () => {
    expect(categoriesFor("general")).toBe(generalCategories);
    expect(categoriesFor("billing")).toBe(billingCategories);
  });
});

describe("offeredLevels", () => {
  const byId = (id: string) => allCategories.find((c) => c.id === id)!;

  it("offers No/Read/Full, No/Read or No/Full according to the catalog", () => {
    expect(offeredLevels(byId("api_keys"))).toEqual(["none", "read", "full"]);
    expect(offeredLevels(byId("stats"))).toEqual(["none", "read"]);
    expect(offeredLevels(byId("mail_send"))).toEqual(["none", "full"]);
    expect(offeredLevels(byId("billing"))).toEqual(["none", "read", "full"]);
  });

  it("never offers Full for read-only categories nor Read for full-only ones", () => {
    for (const category of allCategories) {
      if (category.levels === "read") expect(offeredLevels(category)).not.toContain("full");
      if (category.levels === "full_only") expect(offeredLevels(category)).not.toContain("read");
    }
  });
});

describe("reading scopes.json", () => {
  const category = { id: "stats", label: "Stats", levels: "read", scopes: ["stats.read"] };
  const valid = { general: [category], billing: [{ ...category, id: "billing" }], system: ["sys.x"] };

  it("accepts a well-formed catalog", () => {
    expect(parseCatalog(valid).general).toEqual([category]);
  });

  it("refuses a catalog that would grant or show the wrong permissions", () => {
    expect(() => parseCatalog(null)).toThrow(/system/);
    expect(() => parseCatalog({ ...valid, general: [] })).toThrow(/general/);
    expect(() => parseCatalog({ ...valid, general: [{ ...category, levels: "write" }] })).toThrow(/"stats"/);
    expect(() => parseCatalog({ ...valid, general: [{ ...category, scopes: [] }] })).toThrow(/"stats"/);
    expect(() => parseCatalog({ ...valid, general: [{ ...category, scopes: ["a", ""] }] })).toThrow(/"stats"/);
    expect(() => parseCatalog({ ...valid, billing: [{ ...category, label: "" }] })).toThrow(/billing/);
    expect(() => parseCatalog({ ...valid, system: [1] })).toThrow(/system/);
  });
});
