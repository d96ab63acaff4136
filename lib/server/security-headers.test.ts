import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isFramedPreview, newNonce, staticSecurityHeaders } from "./security-headers";

describe("security headers", () => {
  it("allow scripts only by nonce or 'strict-dynamic', never 'unsafe-inline', and forbid framing", () => {
    const csp = contentSecurityPolicy("abc", { dev: false, https: false });
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("abc", { dev: true, https: true })).toContain("upgrade-insecure-requests");
  });

  it("make a new nonce every time", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("send HSTS only when AUTH_URL is https", () => {
    expect(staticSecurityHeaders({ AUTH_URL: "https://keys.example.com" })["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(staticSecurityHeaders({ AUTH_URL: "http://localhost:3000" })).not.toHaveProperty("Strict-Transport-Security");
    expect(staticSecurityHeaders({})).toEqual({ "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff" });
  });

  it.each([
    ["/settings/email_activity/abc123/preview", true],
    ["/settings/email_activity/abc123/preview?images=remote", true],
    ["/settings/email_activity/a%2Fb/preview", true],
    ["/settings/email_activity/abc123", false],
    ["/settings/email_activity/abc123/preview/more", false],
    ["/settings/email_activity/abc123/previews", false],
    ["/settings/email_activity/a/b/preview", false],
    ["/x/settings/email_activity/abc123/preview", false],
    ["/settings/api_keys?next=/settings/email_activity/abc/preview", false],
  ])("let only the message preview be framed: %s → %s", (url, framed) => {
    expect(isFramedPreview(url)).toBe(framed);
  });
});
