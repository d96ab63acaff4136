// next.config.js keeps secrets out of the dev server's log: it is checked with Next's own rule
// for which incoming requests are left unlogged.
import type { NextConfig } from "next";
import { ignoreLoggingIncomingRequests } from "next/dist/server/dev/log-requests";
import { describe, expect, it } from "vitest";

// A plain-JS config has no types of its own (allowJs is off): it is loaded by URL and typed here.
const configUrl = new URL("./next.config.js", import.meta.url).href;
const { default: nextConfig } = (await import(/* @vite-ignore */ configUrl)) as { default: NextConfig };

const token = "A".repeat(43);
const logged = (url: string) => !ignoreLoggingIncomingRequests({ url } as never, (nextConfig.logging || undefined) as never);

describe("the dev server's log", () => {
  it("never shows server action arguments (passwords, invitation tokens, key forms)", () => {
    expect(nextConfig.logging).toMatchObject({ serverFunctions: false });
  });

  it("leaves out requests whose URL carries an invitation token, and logs the rest", () => {
    expect(logged(`/invite/${token}`)).toBe(false);
    expect(logged(`/invite/${token}?_rsc=abc`)).toBe(false);
    expect(logged(`/sign-in?callbackUrl=%2Finvite%2F${token}`)).toBe(false);
    expect(logged("/settings/api_keys")).toBe(true);
    expect(logged("/sign-in")).toBe(true);
  });
});
