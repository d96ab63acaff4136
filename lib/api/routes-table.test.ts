import { describe, expect, it } from "vitest";
import { allBillingScopes, allGeneralScopes } from "@/lib/permissions/catalog";
import { matchRoute, routes, type Method } from "./routes";

const verb: Record<Method, string> = { GET: "read", POST: "create", PUT: "update", PATCH: "update", DELETE: "delete" };

describe("the /v3 route table", () => {
  it("names, for every operation but GET /v3/scopes, the category scope matching its method", () => {
    for (const route of routes) {
      for (const [method, operation] of Object.entries(route.operations)) {
        if (route.path === "/v3/scopes") {
          expect(operation.scope).toBeNull();
          continue;
        }
        const [category, action] = operation.scope!.split(".");
        // Sending mail is its own verb: SendGrid's scope is mail.send, not mail.create.
        if (route.path !== "/v3/mail/send") expect(action, `${method} ${route.path}`).toBe(verb[method as Method]);
        const billing = category === "billing";
        expect(billing ? allBillingScopes : allGeneralScopes).toContain(operation.scope);
        expect(operation.keyTypes).toEqual([billing ? "billing" : "general"]);
        expect(operation.body).toBe(method === "POST" || method === "PUT" || method === "PATCH");
      }
    }
  });

  it("matches paths exactly, tolerating one trailing slash", () => {
    expect(matchRoute("/v3/api_keys/abc")?.params).toEqual({ id: "abc" });
    expect(matchRoute("/v3/api_keys/")?.route.path).toBe("/v3/api_keys");
    expect(matchRoute("/v3/api_keys//")).toBeNull();
    expect(matchRoute("/v3/api_keys/a/b")).toBeNull();
    expect(matchRoute("/v3/API_KEYS")).toBeNull();
    expect(matchRoute("/v3")).toBeNull();
  });
});
