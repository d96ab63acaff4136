import { describe, expect, it } from "vitest";
import { parseKeyScopes, serializeScopes } from "./scopes-column";

describe("parseKeyScopes", () => {
  it("parses a key's column once and reuses the frozen list while the column is unchanged", () => {
    const column = serializeScopes(["mail.send", "api_keys.read"]);
    const first = parseKeyScopes("key-a", column);
    expect(first).toEqual(["api_keys.read", "mail.send"]);
    expect(Object.isFrozen(first)).toBe(true);
    // A copy of the text, as a new read from the database gives: the same list comes back.
    expect(parseKeyScopes("key-a", `${column} `.trimEnd())).toBe(first);
  });

  it("sees an edited column at once", () => {
    parseKeyScopes("key-b", serializeScopes(["mail.send"]));
    expect(parseKeyScopes("key-b", serializeScopes(["mail.send", "stats.read"]))).toEqual(["mail.send", "stats.read"]);
    expect(parseKeyScopes("key-b", serializeScopes([]))).toEqual([]);
  });
});
