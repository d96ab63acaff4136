// Every route × general and billing keys at No, Read and Full access of the route's category:
// exactly 2xx when the rules allow, exactly 403 otherwise.
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { testProviders } from "@/lib/db/test-database";
import { createAccount } from "@/lib/data/test-fixtures";
import { billingCategories, generalCategories, type AccessLevel, type KeyType } from "@/lib/permissions/catalog";
import { scopesForLevel } from "@/lib/permissions/levels";
import { call, insertKey, type RunningApi, useApiServer } from "./testing/api-server";

type Category = "api_keys" | "billing" | null;
interface Case {
  method: string;
  path: (target: string) => string;
  category: Category;
  /** Read Access suffices for GET; the rest need Full. */
  needs: "read" | "full";
  body?: unknown;
  success: number;
}

const cases: Case[] = [
  { method: "GET", path: () => "/v3/scopes", category: null, needs: "read", success: 200 },
  { method: "GET", path: () => "/v3/api_keys", category: "api_keys", needs: "read", success: 200 },
  { method: "POST", path: () => "/v3/api_keys", category: "api_keys", needs: "full", body: { name: "new", scopes: ["api_keys.read"] }, success: 201 },
  { method: "GET", path: (id) => `/v3/api_keys/${id}`, category: "api_keys", needs: "read", success: 200 },
  { method: "PATCH", path: (id) => `/v3/api_keys/${id}`, category: "api_keys", needs: "full", body: { name: "renamed" }, success: 200 },
  { method: "PUT", path: (id) => `/v3/api_keys/${id}`, category: "api_keys", needs: "full", body: { name: "r", scopes: ["api_keys.read"] }, success: 200 },
  { method: "DELETE", path: (id) => `/v3/api_keys/${id}`, category: "api_keys", needs: "full", success: 204 },
  { method: "GET", path: () => "/v3/billing/profile", category: "billing", needs: "read", success: 200 },
  { method: "PATCH", path: () => "/v3/billing/profile", category: "billing", needs: "full", body: { billing_email: "b@example.test" }, success: 200 },
];

const category = (type: KeyType) =>
  type === "general" ? generalCategories.find((c) => c.id === "api_keys")! : billingCategories.find((c) => c.id === "billing")!;

// A general key always holds something else too (mail.send), so "No access" still authenticates.
function keyScopes(type: KeyType, level: AccessLevel): string[] {
  const granted = scopesForLevel(category(type), level);
  return type === "general" ? ["mail.send", ...granted] : granted;
}

function allowed(type: KeyType, level: AccessLevel, test: Case): boolean {
  if (test.category === null) return true;
  if (test.category !== (type === "general" ? "api_keys" : "billing")) return false;
  return level === "full" || (level === "read" && test.needs === "read");
}

const callers = (["general", "billing"] as const).flatMap((type) => (["none", "read", "full"] as const).map((level) => [type, level] as const));

describe.each(testProviders)("scope matrix on %s", (provider) => {
  let db: PrismaClient;
  let api: RunningApi;
  useApiServer(provider, (server) => ({ db, api } = server));

  it.each(callers)("a %s key with %s access", async (type, level) => {
    const account = await createAccount(db);
    const caller = await insertKey(db, account.id, keyScopes(type, level), type);
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const test of cases) {
      const target = await insertKey(db, account.id, ["api_keys.read"], "general", "target");
      const response = await call(api, caller.key, test.method, test.path(target.id), test.body);
      outcomes.push(`${test.method} ${test.path(":id")} ${response.status}`);
      expected.push(`${test.method} ${test.path(":id")} ${allowed(type, level, test) ? test.success : 403}`);
      if (response.status === 403) expect(await response.json()).toEqual({ errors: [{ field: null, message: "access forbidden" }] });
    }
    expect(outcomes).toEqual(expected);
  });
});
