import { describe, expect, it } from "vitest";
import type { ApiKeyListItemDTO } from "@/lib/data/api-keys";
import { applyKeyListQuery } from "./list-query";
import { parseKeyListQuery } from "./list-query-schema";

function key(id: string, name: string, createdAt: string, lastUsedAt: string | null): ApiKeyListItemDTO {
  return {
    id, name, type: "general", scopes: [], createdAt, updatedAt: createdAt, lastUsedAt, expiresAt: null, disabledAt: null,
    rolledFromId: null, rolledToId: null, status: "active", createdBy: null, permissionSummary: "No Access",
  };
}

// Newest first, as listApiKeys returns them.
const keys = [
  key("idC", "beta 10", "2026-11-03T00:00:00.000Z", null),
  key("idB", "Alpha", "2026-11-02T00:00:00.000Z", "2026-11-20T00:00:00.000Z"),
  key("idA", "beta 9", "2026-11-01T00:00:00.000Z", "2026-11-25T00:00:00.000Z"),
];
const ids = (list: ApiKeyListItemDTO[]) => list.map((k) => k.id);

describe("the keys list query", () => {
  it("reads the URL, falling back to the defaults for anything else", () => {
    expect(parseKeyListQuery({})).toEqual({ q: "", sort: "created" });
    expect(parseKeyListQuery({ q: ["  beta ", "x"], sort: "name" })).toEqual({ q: "beta", sort: "name" });
    expect(parseKeyListQuery({ sort: "'; drop" })).toEqual({ q: "", sort: "created" });
    expect(parseKeyListQuery({ q: "x".repeat(500) }).q).toHaveLength(100);
  });

  it("finds keys by part of the name or of the id, ignoring case", () => {
    expect(ids(applyKeyListQuery(keys, { q: "BETA", sort: "created" }))).toEqual(["idC", "idA"]);
    expect(ids(applyKeyListQuery(keys, { q: "idb", sort: "created" }))).toEqual(["idB"]);
    expect(applyKeyListQuery(keys, { q: "nothing", sort: "created" })).toEqual([]);
  });

  it("sorts by name naturally, by last use with never-used keys last, or newest first", () => {
    expect(ids(applyKeyListQuery(keys, { q: "", sort: "name" }))).toEqual(["idB", "idA", "idC"]);
    expect(ids(applyKeyListQuery(keys, { q: "", sort: "last_used" }))).toEqual(["idA", "idB", "idC"]);
    expect(ids(applyKeyListQuery(keys, { q: "", sort: "created" }))).toEqual(["idC", "idB", "idA"]);
  });
});
