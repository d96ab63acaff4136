import { describe, expect, it } from "vitest";
import { policy, v3Operations } from "@/lib/permissions/policy";
import { routes, v3Action, type Method } from "./routes";

// Every /v3 operation the route table serves is named in the policy table, which gives it its
// scope and key types; and the policy names no operation that is not served.
describe("the /v3 route table and the policy", () => {
  const served = routes.flatMap((route) => Object.keys(route.operations).map((method) => `${method} ${route.path}`));

  it("serves only operations the policy names, with the policy's scope and key types", () => {
    expect(served.length).toBeGreaterThanOrEqual(12);
    for (const route of routes) {
      for (const [method, operation] of Object.entries(route.operations)) {
        const action = v3Action(method as Method, route.path);
        expect(action, `${method} ${route.path} is missing from v3Operations`).toBeDefined();
        const rule = policy[action!];
        expect(operation.scope, `${method} ${route.path}`).toBe(rule.scopes[0] ?? null);
        expect(operation.keyTypes, `${method} ${route.path}`).toEqual(rule.keyTypes);
      }
    }
  });

  it("names no operation the route table does not serve", () => {
    expect(Object.keys(v3Operations).filter((operation) => !served.includes(operation))).toEqual([]);
  });
});
