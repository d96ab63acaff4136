import { expect, test } from "@playwright/test";
import { levelRadio, openCreateDialog } from "./support/api-keys-page.ts";
import { signIn, users } from "./support/people.ts";

test.use({ storageState: { cookies: [], origins: [] } });

// Rita (restricted) holds API Keys and Mail Send in full, two of the Stats scopes (not enough
// for Stats' Read Access) and nothing of Alerts.
test("set-all shortcuts stop at what the person holds; the filter narrows the list and the count follows", async ({ page }) => {
  await signIn(page, users.rita);
  await page.goto("/settings/api_keys");
  const form = await openCreateDialog(page, "General");
  // She cannot grant Full Access, so the form opens on Restricted and says what to do.
  const preset = form.getByRole("group", { name: "API Key Permissions" });
  await expect(preset.getByRole("radio", { name: "Full Access" })).toBeDisabled();
  await expect(preset.getByRole("radio", { name: "Restricted Access" })).toBeChecked();
  await expect(form.getByText("0 of 28 categories granted")).toBeVisible();

  await form.getByRole("button", { name: "Set all to Full Access" }).click();
  await expect(levelRadio(form, "API Keys", "Full Access")).toBeChecked();
  await expect(levelRadio(form, "Mail Send", "Full Access")).toBeChecked();
  await expect(levelRadio(form, "Stats", "No Access")).toBeChecked();
  await expect(levelRadio(form, "Stats", "Read Access")).toBeDisabled();
  await expect(levelRadio(form, "Alerts", "No Access")).toBeChecked();
  await expect(form.getByText("2 of 28 categories granted")).toBeVisible();

  await form.getByRole("button", { name: "Set all to Read Access" }).click();
  await expect(levelRadio(form, "API Keys", "Read Access")).toBeChecked();
  // Mail Send is full-or-nothing: "Read" never grants more than read, so it becomes No Access.
  await expect(levelRadio(form, "Mail Send", "No Access")).toBeChecked();
  await expect(form.getByText("1 of 28 categories granted")).toBeVisible();

  // The filter hides what does not match; the shortcuts then change only what is shown.
  await form.getByLabel("Filter categories").fill("mail");
  await expect(form.getByRole("group", { name: "Mail Send", exact: true })).toBeVisible();
  await expect(form.getByRole("group", { name: "API Keys", exact: true })).toBeHidden();
  await form.getByRole("button", { name: "Set shown to Full Access" }).click();
  await expect(form.getByText("2 of 28 categories granted")).toBeVisible();
  await form.getByLabel("Filter categories").fill("");
  await expect(levelRadio(form, "API Keys", "Read Access")).toBeChecked();
  await expect(levelRadio(form, "Mail Send", "Full Access")).toBeChecked();

  // Levels sit in the same column in every row, whichever levels a category offers.
  const x = async (category: string, level: string) => (await levelRadio(form, category, level).boundingBox())!.x;
  expect(await x("Mail Send", "No Access")).toBe(await x("API Keys", "No Access"));
  expect(await x("Mail Send", "Full Access")).toBe(await x("API Keys", "Full Access"));
  expect(await x("Stats", "Read Access")).toBe(await x("API Keys", "Read Access"));
});

test("static files: robots.txt keeps the dashboard out of search engines, the icons are served", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
  for (const icon of ["/icon.svg", "/icon-192.png", "/apple-touch-icon.png", "/site.webmanifest"]) {
    expect((await request.get(icon)).status(), icon).toBe(200);
  }
});
