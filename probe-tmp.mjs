import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const context = await browser.newContext({ baseURL: "http://127.0.0.1:3800" });
const page = await context.newPage();
await page.goto("/sign-in");
const { owner, signIn } = await import("./e2e/support/" + (await import("node:fs")).readdirSync("e2e/support").find(f => f.startsWith("auth") || f.startsWith("sign")));
