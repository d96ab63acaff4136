import { describe, expect, it } from "vitest";
import { allGeneralScopes, generalCategories, type Category } from "./catalog";
import { canGrantLevel, highestGrantableLevel } from "./grantable";

const byLevels = (levels: Category["levels"]) => generalCategories.find((category) => category.levels === levels)!;
const apiKeys = generalCategories.find((category) => category.id === "api_keys")!;

describe("highestGrantableLevel", () => {
  it("gives the requested level to someone who holds everything", () => {
    for (const category of generalCategories.filter((c) => c.levels === "full")) {
      expect(highestGrantableLevel(category, "full", allGeneralScopes)).toBe("full");
      expect(highestGrantableLevel(category, "read", allGeneralScopes)).toBe("read");
      expect(highestGrantableLevel(category, "none", allGeneralScopes)).toBe("none");
    }
  });

  it("never raises a level: Read on a full-or-nothing category is No Access", () => {
    expect(highestGrantableLevel(byLevels("full_only"), "read", allGeneralScopes)).toBe("none");
    expect(highestGrantableLevel(byLevels("full_only"), "full", allGeneralScopes)).toBe("full");
  });

  it("stops Full at Read on a read-only category", () => {
    expect(highestGrantableLevel(byLevels("read"), "full", allGeneralScopes)).toBe("read");
  });

  it("stops at what the person holds", () => {
    expect(highestGrantableLevel(apiKeys, "full", ["api_keys.read"])).toBe("read");
    expect(highestGrantableLevel(apiKeys, "full", [])).toBe("none");
    expect(canGrantLevel(apiKeys, "read", ["api_keys.read"])).toBe(true);
    expect(canGrantLevel(apiKeys, "full", ["api_keys.read"])).toBe(false);
  });
});
