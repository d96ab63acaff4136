import { expect, test, type APIRequestContext } from "@playwright/test";
import { sessionOwners } from "./support/users.ts";

// The server trusts X-Forwarded-For in these runs (playwright.config.ts), so each journey plays
// a client of its own address and the other journeys, from 127.0.0.1, are never locked out.
// Every journey here has an address and an e-mail of its own, so they may run at once.
test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "parallel" });

const INCORRECT = "Incorrect e-mail or password";
const LOCKED = "Too many failed sign-ins. Wait 15 minutes, then try again.";

// One e-mail with an account and one without get the same answers: five "incorrect", then
// "locked" even for the right password. Each e-mail is its own journey (they used to be one, which
// took 12 page loads and form posts and met the 30 s limit on a busy 2-core CI machine). Each
// attempt loads the form afresh, so its answer can only come from that attempt's post: six round
// trips through a full page load each, hence test.slow().
const lockedOut = [
  { who: "an e-mail with an account is locked", email: () => sessionOwners.locked.email, address: "198.51.100.10" },
  { who: "an unknown e-mail gets the same answers", email: () => `nobody-${Date.now()}@e2e.test`, address: "198.51.100.11" },
];
for (const { who, email: emailOf, address } of lockedOut) {
  test(`after 5 failures ${who}, even for the right password`, async ({ browser }) => {
    test.slow();
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
    const page = await context.newPage();
    const message = page.getByRole("main").getByRole("alert");
    async function attempt(email: string, password: string) {
      await page.goto("/sign-in");
      await expect(message).toHaveCount(0);
      await page.getByLabel("E-mail").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
    }
    const email = emailOf();
    for (let i = 0; i < 5; i++) {
      await attempt(email, `wrong-${i}`);
      await expect(message).toHaveText(INCORRECT);
    }
    await attempt(email, sessionOwners.locked.password);
    await expect(message).toHaveText(LOCKED);
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();
  });
}

async function csrf(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/auth/csrf");
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function callback(request: APIRequestContext, address: string, email: string, password: string) {
  return request.post("/api/auth/callback/credentials", {
    headers: { "x-forwarded-for": address },
    form: { email, password, csrfToken: await csrf(request), callbackUrl: "/" },
    maxRedirects: 0,
  });
}

test("Auth.js's own credentials route is limited the same way", async ({ playwright, baseURL, page }) => {
  const request = await playwright.request.newContext({ baseURL });
  const user = sessionOwners.lockedViaApi;
  for (let i = 0; i < 5; i++) {
    const failed = await callback(request, "198.51.100.20", user.email, `wrong-${i}`);
    expect(failed.headers().location).toMatch(/\/sign-in\?error=CredentialsSignin&code=credentials/);
  }
  const locked = await callback(request, "198.51.100.21", user.email, user.password);
  expect(locked.headers().location).toMatch(/\/sign-in\?error=CredentialsSignin&code=locked/);
  // Where it sends the browser, the form says why.
  await page.goto(locked.headers().location!);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(LOCKED);
  await request.dispose();
});

test("an address that fails 20 times gets 429 on both ways in, before its requests reach sign-in", async ({ playwright, baseURL, browser }) => {
  const request = await playwright.request.newContext({ baseURL });
  const flooder = "198.51.100.30";
  for (let i = 0; i < 20; i++) {
    const failed = await callback(request, flooder, `spray-${i}-${Date.now()}@e2e.test`, "guess");
    expect(failed.status()).toBe(302);
  }
  const refused = await callback(request, flooder, sessionOwners.profile.email, sessionOwners.profile.password);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  // The form's action too (a POST to /sign-in), whatever it carries.
  const action = await request.post("/sign-in", { headers: { "x-forwarded-for": flooder }, form: { email: "x@e2e.test", password: "y" }, maxRedirects: 0 });
  expect(action.status()).toBe(429);
  expect(await action.text()).toContain("Too many failed sign-ins from your address");
  // A person at that address sees why the form failed.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": flooder } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(sessionOwners.profile.email);
  await page.getByLabel("Password").fill(sessionOwners.profile.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in is not available right now" })).toBeVisible();
  await context.close();
  // Another address is not affected.
  const other = await callback(request, "198.51.100.31", `spray-other-${Date.now()}@e2e.test`, "guess");
  expect(other.status()).toBe(302);
  await request.dispose();
});
