import { describe, expect, it } from "vitest";
import { type Category, billingCategories, generalCategories, offeredLevels } from "./catalog";
import { levelOf, levelsFromScopes, scopesForLevel, scopesFromLevels } from "./levels";

const allCategories = [...generalCategories, ...billingCategories];
const category = (id: string): Category => allCategories.find((c) => c.id === id)!;

describe("scopesForLevel", () => {
  it("grants nothing for No Access", () => {
    expect(scopesForLevel(category("api_keys"), "none")).toEqual([]);
  });

  it("grants the .read scopes for Read Access and all scopes for Full Access", () => {
    expect(scopesForLevel(category("api_keys"), "read")).toEqual(["api_keys.read"]);
    expect(scopesForLevel(category("api_keys"), "full").sort()).toEqual([
      "api_keys.create",
      "api_keys.delete",
      "api_keys.read",
      "api_keys.update",
    ]);
    expect(scopesForLevel(category("categories"), "read").sort()).toEqual([
      "categories.read",
      "categories.stats.read",
      "categories.stats.sums.read",
    ]);
  });

  it("gives read-only categories no Full distinct from Read", () => {
    for (const c of allCategories.filter((c) => c.levels === "read")) {
      expect(scopesForLevel(c, "full")).toEqual(scopesForLevel(c, "read"));
    }
  });
});

// The editor round trip, for every category and every level it offers.
describe.each(allCategories.map((c) => [c.id, c] as const))("category %s", (_id, c) => {
  it.each(offeredLevels(c))("round-trips level %s through scopes", (level) => {
    const scopes = scopesForLevel(c, level);
    expect(levelOf(c, scopes)).toBe(level);
    expect(levelOf(c, new Set(scopes))).toBe(level);
    const levels = { [c.id]: level };
    expect(scopesFromLevels(c.keyType, levels)).toEqual([...scopes].sort());
    expect(levelsFromScopes(c.keyType, scopesFromLevels(c.keyType, levels))[c.id]).toBe(level);
  });

  it("shows a lone write scope as Custom", () => {
    const writeScope = c.scopes.find((s) => !s.endsWith(".read"));
    if (writeScope) expect(levelOf(c, [writeScope])).toBe("custom");
  });
});

describe("levelOf", () => {
  it("is Custom for a write scope without read", () => {
    expect(levelOf(category("api_keys"), ["api_keys.create"])).toBe("custom");
  });

  it("is Custom for Full minus one scope, never silently Full", () => {
    const scopes = scopesForLevel(category("suppressions"), "full").filter((s) => s !== "suppression.bounces.delete");
    expect(levelOf(category("suppressions"), scopes)).toBe("custom");
  });

  it("is Custom for Read plus one write scope", () => {
    expect(levelOf(category("api_keys"), ["api_keys.read", "api_keys.update"])).toBe("custom");
  });

  it("is Custom for part of a read-only category", () => {
    expect(levelOf(category("stats"), ["stats.read"])).toBe("custom");
  });

  it("is Custom for the Read set of a full-only category, which offers no Read", () => {
    expect(levelOf(category("mail_send"), ["mail.batch.read"])).toBe("custom");
    expect(levelOf(category("mail_send"), ["mail.send"])).toBe("custom");
  });

  it("ignores scopes of other categories and system scopes", () => {
    expect(levelOf(category("api_keys"), ["api_keys.read", "alerts.create", "2fa_required", "nope"])).toBe("read");
    expect(levelOf(category("api_keys"), ["alerts.read"])).toBe("none");
  });
});

describe("levelsFromScopes", () => {
  it("reports a level for every category of the key type", () => {
    const levels = levelsFromScopes("general", ["mail.send", ...scopesForLevel(category("mail_send"), "full"), "stats.read"]);
    expect(Object.keys(levels).sort()).toEqual(generalCategories.map((c) => c.id).sort());
    expect(levels.mail_send).toBe("full");
    expect(levels.stats).toBe("custom");
    expect(levels.api_keys).toBe("none");
    expect(levels.billing).toBeUndefined();
  });

  it("reads a billing key's single category", () => {
    expect(levelsFromScopes("billing", ["billing.read"])).toEqual({ billing: "read" });
  });
});

describe("scopesFromLevels", () => {
  it("combines categories into one sorted, de-duplicated list", () => {
    expect(scopesFromLevels("general", { api_keys: "read", alerts: "full", mail_send: "none" })).toEqual([
      "alerts.create",
      "alerts.delete",
      "alerts.read",
      "alerts.update",
      "api_keys.read",
    ]);
  });

  it("treats categories missing from the levels as No Access", () => {
    expect(scopesFromLevels("general", {}, ["api_keys.read"])).toEqual([]);
  });

  it("keeps a Custom category's previous scopes unchanged", () => {
    const previous = ["api_keys.create", "alerts.read", "stats.read"];
    expect(scopesFromLevels("general", { api_keys: "custom", stats: "custom", alerts: "none" }, previous)).toEqual([
      "api_keys.create",
      "stats.read",
    ]);
  });

  it("gives a Custom category nothing when there were no previous scopes", () => {
    expect(scopesFromLevels("general", { api_keys: "custom" })).toEqual([]);
  });

  it("keeps system scopes from the previous scopes", () => {
    expect(scopesFromLevels("general", { alerts: "read" }, ["2fa_required", "sender_verification_exempt", "alerts.update"])).toEqual([
      "2fa_required",
      "alerts.read",
      "sender_verification_exempt",
    ]);
  });

  it("drops previous scopes outside the key type's catalog", () => {
    expect(scopesFromLevels("general", { alerts: "read" }, ["billing.read", "not.a.scope"])).toEqual(["alerts.read"]);
    expect(scopesFromLevels("billing", { billing: "read" }, ["mail.send"])).toEqual(["billing.read"]);
  });

  it("ignores unknown category ids, including prototype names", () => {
    const levels = JSON.parse('{"nope":"full","__proto__":"full","constructor":"full","alerts":"read"}');
    expect(scopesFromLevels("general", levels)).toEqual(["alerts.read"]);
  });

  it("never lets a general key take billing scopes through a billing level", () => {
    expect(scopesFromLevels("general", { billing: "full" })).toEqual([]);
  });

  it("throws on a level value that was never validated", () => {
    expect(() => scopesFromLevels("general", { alerts: "write" as never })).toThrow(TypeError);
  });
});
