import { connect } from "node:net";
import { expect, test, type APIResponse } from "@playwright/test";

// Runs as the signed-in demo owner (the journeys' default storage state).
const pages = [
  "/sign-in",
  "/settings/api_keys",
  "/settings/teammates",
  "/settings/audit_log",
  "/settings/billing",
  "/profile",
  "/support",
  "/no-such-page",
  "/invite/made-up-token",
];

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-frame-options"]).toBe("DENY");
  // These runs are over http (AUTH_URL unset): no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test("every page sends a nonce-based CSP, no framing, no referrer and nosniff", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of pages) {
    const response = await request.get(path);
    expectCommonHeaders(response);
    const csp = response.headers()["content-security-policy"] ?? "";
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
    expect(scriptSrc, path).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
    nonces.add(nonce);
    // Next put this response's nonce on its scripts.
    const html = await response.text();
    expect(html, path).toContain(`nonce="${nonce}"`);
    expect(html.match(/<script(?![^>]*nonce=)[^>]*>/g) ?? [], path).toEqual([]);
  }
  expect(nonces.size).toBe(pages.length);
});

test("the /v3 API, Auth.js's routes and static files get nosniff and no-referrer too", async ({ request }) => {
  expectCommonHeaders(await request.get("/v3/scopes"));
  expectCommonHeaders(await request.get("/api/auth/session"));
  const page = await (await request.get("/sign-in")).text();
  const script = /<script[^>]+src="(\/_next\/static\/[^"]+)"/.exec(page)![1]!;
  expectCommonHeaders(await request.get(script));
});

test("pages hydrate under the CSP: a journey meets no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`));
  });
  await page.goto("/settings/api_keys");
  // Only a hydrated page opens the menu and the dialog.
  await page.getByRole("button", { name: "Create API Key" }).click();
  await page.getByRole("menuitem", { name: "General API Key" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.goto("/profile");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Name saved." })).toBeVisible();
  await page.goto("/settings/audit_log");
  await page.goto("/no-such-page");
  expect(violations).toEqual([]);
});

test("a client that never finishes its headers is disconnected (server.ts's 10 s limit)", async ({ baseURL }) => {
  const { hostname, port } = new URL(baseURL!);
  const socket = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
  const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(Date.now())));
  await new Promise((resolve) => socket.once("connect", resolve));
  const started = Date.now();
  // Reading the answer also lets the socket reach "close" (a paused socket never ends).
  let answer = "";
  socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
  socket.write("GET /sign-in HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
  // Node's default would keep it for 60 s; the bound here is generous for a loaded machine.
  let timer: NodeJS.Timeout | undefined;
  const tooLate = new Promise<number>((_, reject) => (timer = setTimeout(() => reject(new Error("still connected after 20 s")), 20_000)));
  const at = await Promise.race([closed, tooLate]).finally(() => clearTimeout(timer));
  expect(answer).toMatch(/^HTTP\/1\.1 408/);
  expect(at - started).toBeLessThan(20_000);
});
