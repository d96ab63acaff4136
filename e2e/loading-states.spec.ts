import { expect, test, type Page, type Route } from "@playwright/test";
import { keyRowById, openCreateDialog, uniqueKeyName } from "./support/api-keys-page.ts";

// Route changes while the next page is held back on the wire: the page's payload (an RSC request
// that is not a prefetch) waits until the test lets it go, so the state in between can be seen.
const pages = [
  { link: "Teammates", path: "/settings/teammates" },
  { link: "Audit Log", path: "/settings/audit_log" },
  { link: "Billing", path: "/settings/billing" },
  { link: "Email Activity", path: "/settings/email_activity" },
] as const;

test("following a settings link shows the loading state until the page arrives", async ({ page }) => {
  // The sidebar's links prefetch their pages' loading states once the page is idle.
  const prefetched = pages.map(({ path }) => page.waitForResponse((response) => isPrefetchOf(response.request(), path)));
  await page.goto("/settings/api_keys");
  await expect(page.getByRole("heading", { name: "API Keys", level: 1 })).toBeVisible();
  await Promise.all(prefetched);

  let previous = "API Keys";
  for (const { link, path } of pages) {
    const held = await holdNavigation(page, path);
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: link, exact: true }).click();
    const loading = page.getByRole("main").getByRole("status").filter({ hasText: "Loading…" });
    await expect(loading).toBeVisible();
    await expect(page.getByRole("heading", { name: previous, level: 1 })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: link, level: 1 })).toHaveCount(0);
    await held.release();
    await expect(page.getByRole("heading", { name: link, level: 1 })).toBeVisible();
    await expect(loading).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    previous = link;
  }
});

// A key's page has no loading boundary above it (so that "not found" is a real 404): its link
// shows that it is on its way instead.
test("following a key's name shows the link pending until the key's page arrives", async ({ page }) => {
  const name = uniqueKeyName("Pending");
  await page.goto("/settings/api_keys");
  const form = await openCreateDialog(page, "General");
  await form.getByLabel("API Key Name").fill(name);
  await form.getByRole("button", { name: "Create & View" }).click();
  const created = page.getByRole("alertdialog", { name: "API Key Created" });
  const id = (await created.getByRole("textbox", { name: "API key" }).inputValue()).split(".")[1]!;
  await created.getByRole("button", { name: "Done" }).click();

  const link = keyRowById(page, id).getByRole("link", { name, exact: true });
  const pending = link.locator("[data-link-pending]");
  await expect(pending).toHaveCount(0);
  const held = await holdNavigation(page, `/settings/api_keys/${id}`);
  await link.click();
  await expect(pending).toBeVisible();
  await expect(page.getByRole("heading", { name: "API Keys", level: 1 })).toBeVisible();
  await held.release();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
});

// The prefetch that carries the page's loading state (the route tree comes in one of its own).
function isPrefetchOf(request: { url(): string; headers(): Record<string, string> }, path: string): boolean {
  const headers = request.headers();
  return new URL(request.url()).pathname === path && headers["next-router-prefetch"] === "1" && headers["next-router-segment-prefetch"] === undefined;
}

/** Holds the next navigation payload for `path` until release() (prefetches pass). */
async function holdNavigation(page: Page, path: string): Promise<{ release: () => Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const requested = new Promise<void>((resolve) => (arrived = resolve));
  let continued!: () => void;
  const passedOn = new Promise<void>((resolve) => (continued = resolve));
  const matcher = (url: URL) => url.pathname === path;
  const handler = async (route: Route) => {
    const headers = route.request().headers();
    const navigation = headers.rsc === "1" && headers["next-router-prefetch"] === undefined;
    if (navigation) {
      arrived();
      await released;
    }
    await route.continue();
    if (navigation) continued();
  };
  await page.route(matcher, handler);
  return {
    release: async () => {
      // The navigation's request must have been held, or this test proved nothing.
      await requested;
      release();
      await passedOn;
      await page.unroute(matcher, handler);
    },
  };
}
