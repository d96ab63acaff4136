import { describe, expect, it } from "vitest";
import { exportedValues, inlineServerDirectives, isServerActionModule, isTestFile, parse, sourceFiles, stringLiterals } from "@/test/source-scan";
import { allBillingScopes, allGeneralScopes, systemScopes } from "./catalog";
import { allows, keyTypeAllowed, pageAbilities, pageControls, policy, serverActions, v3Operations, type PolicyAction, type Rule } from "./policy";

const catalogScopes = new Set([...allGeneralScopes, ...allBillingScopes, ...systemScopes]);
const rules = Object.entries(policy) as [PolicyAction, Rule][];

describe("the policy table", () => {
  it("names every exported server action of every 'use server' module in app/", () => {
    const modules = sourceFiles("app", "lib", "components").filter((file) => !isTestFile(file));
    const exported = new Map<string, string>();
    for (const file of modules) {
      const source = parse(file);
      // Inline server actions would escape this enumeration: the project has none.
      expect(inlineServerDirectives(source), `${file}: an inline "use server" function`).toBe(0);
      if (!isServerActionModule(source)) continue;
      for (const name of exportedValues(source)) exported.set(name, file);
    }
    // 23 actions in 12 modules when this test was written: a scan finding none is broken.
    expect(exported.size).toBeGreaterThanOrEqual(23);
    const missing = [...exported].filter(([name]) => !(name in serverActions)).map(([name, file]) => `${name} (${file})`);
    expect(missing, "server actions missing from serverActions in lib/permissions/policy.ts").toEqual([]);
    const stale = Object.keys(serverActions).filter((name) => !exported.has(name));
    expect(stale, "serverActions entries with no such exported action").toEqual([]);
  });

  it("gives each action scopes from the catalog, and key types that fit them", () => {
    for (const [action, rule] of rules) {
      for (const scope of rule.scopes) expect(catalogScopes, `${action}: ${scope}`).toContain(scope);
      if (rule.who !== "account") {
        // Outside an account there is nothing a scope could be held for, and no key reaches it.
        expect(rule.scopes, action).toEqual([]);
        expect(rule.keyTypes, action).toEqual([]);
      } else {
        expect(rule.denial, action).not.toBe("");
      }
      // General keys never reach billing; billing keys nothing else.
      if (rule.keyTypes.includes("billing")) expect(rule.scopes.every((scope) => allBillingScopes.includes(scope)), action).toBe(true);
      if (rule.keyTypes.includes("general")) expect(rule.scopes.every((scope) => allGeneralScopes.includes(scope)), action).toBe(true);
    }
  });

  it("answers by every scope of a rule, or any of them for 'any'", () => {
    expect(allows(new Set(["api_keys.create"]), "apiKeys.roll")).toBe(false);
    expect(allows(new Set(["api_keys.create", "api_keys.update"]), "apiKeys.roll")).toBe(true);
    expect(allows(["billing.read"], "billingKeys.see")).toBe(true);
    expect(allows([], "billingKeys.see")).toBe(false);
    expect(allows([], "scopes.read")).toBe(true);
    expect(keyTypeAllowed("billing", "apiKeys.list")).toBe(false);
    expect(keyTypeAllowed("general", "apiKeys.roll")).toBe(false);
    expect(keyTypeAllowed("billing", "billingProfile.update")).toBe(true);
  });

  it("derives each page's abilities from its controls' actions", () => {
    const readOnly = new Set(["api_keys.read", "teammates.read"]);
    expect(pageAbilities("apiKeys", readOnly)).toEqual({ create: false, update: false, disable: false, roll: false, delete: false, billing: false });
    const editor = new Set(["api_keys.read", "api_keys.create", "api_keys.update", "billing.read"]);
    expect(pageAbilities("apiKeys", editor)).toEqual({ create: true, update: true, disable: true, roll: true, delete: false, billing: true });
    expect(pageAbilities("nav", readOnly)).toEqual({ apiKeys: true, teammates: true, billing: false, emailActivity: false });
    for (const controls of Object.values(pageControls)) {
      for (const action of Object.values(controls)) expect(policy[action].who).toBe("account");
    }
  });

  it("gives /v3 only to actions a key may perform", () => {
    for (const [operation, action] of Object.entries(v3Operations)) {
      expect(policy[action].keyTypes.length, operation).toBeGreaterThan(0);
    }
  });
});

describe("scope strings", () => {
  // The catalog (scopes.json) is where scopes are defined, and the policy where they are required;
  // role definitions (roles.ts) and key presets compute theirs from the catalog. Tests name
  // scopes on purpose: they check the policy from outside.
  const allowed = new Set(["lib/permissions/policy.ts"]);

  it("appear in no source of app/, lib/ or components/ but the policy table", () => {
    const files = sourceFiles("app", "lib", "components").filter((file) => !isTestFile(file) && !allowed.has(file));
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files) {
      for (const literal of stringLiterals(parse(file))) {
        if (catalogScopes.has(literal.text)) found.push(`${file}:${literal.line} "${literal.text}"`);
      }
    }
    expect(found, "scope strings outside lib/permissions/policy.ts: name a policy action instead").toEqual([]);
  });

  it("are found by the scan where they are (the policy table itself)", () => {
    const inPolicy = stringLiterals(parse("lib/permissions/policy.ts")).filter((literal) => catalogScopes.has(literal.text));
    expect(inPolicy.length).toBeGreaterThan(10);
  });
});
