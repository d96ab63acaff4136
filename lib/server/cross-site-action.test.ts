import { describe, expect, it } from "vitest";
import { isCrossSiteAction } from "./cross-site-action";

const action = (headers: Record<string, string | string[]>, method = "POST") => ({ method, headers: { "next-action": "abc123", ...headers } });

describe("isCrossSiteAction", () => {
  it("lets a same-site action through, by Host or by the proxy's X-Forwarded-Host", () => {
    expect(isCrossSiteAction(action({ host: "keys.example.com", origin: "https://keys.example.com" }))).toBe(false);
    expect(isCrossSiteAction(action({ host: "127.0.0.1:3000", "x-forwarded-host": "keys.example.com", origin: "https://keys.example.com" }))).toBe(false);
  });

  it("refuses an action from another origin, a null origin or a malformed one", () => {
    expect(isCrossSiteAction(action({ host: "keys.example.com", origin: "https://attacker.example" }))).toBe(true);
    expect(isCrossSiteAction(action({ host: "keys.example.com", origin: "https://keys.example.com.attacker.example" }))).toBe(true);
    expect(isCrossSiteAction(action({ host: "keys.example.com", origin: "null" }))).toBe(true);
  });

  it("leaves alone what is not a server action, and an action without an Origin (Next decides)", () => {
    expect(isCrossSiteAction({ method: "POST", headers: { host: "keys.example.com", origin: "https://attacker.example" } })).toBe(false);
    expect(isCrossSiteAction(action({ host: "keys.example.com", origin: "https://attacker.example" }, "GET"))).toBe(false);
    expect(isCrossSiteAction(action({ host: "keys.example.com" }))).toBe(false);
  });
});
