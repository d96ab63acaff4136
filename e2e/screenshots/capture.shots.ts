import { expect, test, type Page } from "@playwright/test";
import { createKeyOnPage, levelRadio, openCreateDialog, rowAction, v3 } from "../support/api-keys-page.ts";
import { signIn, users } from "../support/people.ts";

// Not a test: it walks through the main states and saves a picture of each for the README.
const dir = "docs/screenshots";
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
  // The dashboard's times are local: a fixed zone keeps the pictures stable (see use below).
  await page.screenshot({ path: `${dir}/${name}.png` });
}

test.use({ timezoneId: "UTC", locale: "en-US" });

for (const [label, viewport] of [["desktop", desktop], ["phone", phone]] as const) {
  test(`keys page on ${label}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/settings/api_keys");
    await expect(page.getByRole("table")).toBeVisible();
    await shot(page, `keys-${label}`);

    if (label === "phone") {
      await page.getByRole("navigation", { name: "Settings" }).getByRole("button", { name: /^Menu/ }).click();
      await shot(page, "menu-phone");
      await page.keyboard.press("Escape");
    } else {
      await page.getByRole("button", { name: "Create API Key" }).click();
      await shot(page, "create-menu-desktop");
      await page.keyboard.press("Escape");
    }

    const name = label === "phone" ? "Newsletter sender for the spring campaign, eu-west" : "Transactional mail (production)";
    const form = await openCreateDialog(page, "General");
    await form.getByRole("radio", { name: "Restricted Access" }).check();
    await form.getByRole("button", { name: "Create & View" }).click();
    await expect(form.getByRole("alert")).toBeVisible();
    await shot(page, `form-errors-${label}`);
    await form.getByLabel("API Key Name").fill(name);
    await levelRadio(form, "Mail Send", "Full Access").check();
    await levelRadio(form, "Stats", "Read Access").check();
    await form.getByLabel("Filter categories").fill("mail");
    await shot(page, `permissions-${label}`);
    await form.getByLabel("Filter categories").fill("");
    await form.getByRole("button", { name: "Create & View" }).click();
    const created = page.getByRole("alertdialog", { name: "API Key Created" });
    await created.getByRole("button", { name: "Copy", exact: true }).click();
    await shot(page, `shown-once-${label}`);
    await created.getByRole("button", { name: "Done" }).click();

    await rowAction(page, name, "Delete");
    await shot(page, `delete-${label}`);
    await page.getByRole("alertdialog", { name: "Delete API Key" }).getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "API key deleted" })).toBeVisible();
    await shot(page, `deleted-${label}`);
  });
}

test("a key's own page, the roll dialog, Email Activity and a message", async ({ page, baseURL }) => {
  await page.setViewportSize(desktop);
  await page.goto("/settings/api_keys");
  await page.getByRole("link", { name: "Production mail" }).click();
  await expect(page.getByRole("heading", { name: "Production mail", level: 1 })).toBeVisible();
  await shot(page, "key-page-desktop");
  await page.goto("/settings/api_keys");
  await rowAction(page, "Production mail", "Roll key");
  await expect(page.getByRole("alertdialog", { name: "Roll API Key" })).toBeVisible();
  await shot(page, "roll-desktop");
  await page.keyboard.press("Escape");

  const key = await createKeyOnPage(page, "General", "Newsletter");
  let messageId = "";
  for (const [to, subject] of [["ada@example.com", "Your receipt"], ["grace@example.com", "Welcome to Acme"]] as const) {
    const sent = await v3(baseURL, key, "POST", "/v3/mail/send", {
      personalizations: [{ to: [{ email: to }] }],
      from: { email: "hello@acme.example", name: "Acme" },
      subject,
      content: [
        { type: "text/plain", value: `${subject}. Thank you for choosing Acme.` },
        { type: "text/html", value: `<h1>${subject}</h1><p>Thank you for choosing <strong>Acme</strong>.</p>` },
      ],
    });
    expect(sent.status).toBe(202);
    messageId = sent.headers.get("x-message-id")!;
  }
  await page.goto("/settings/email_activity");
  await expect(page.getByRole("table", { name: "Messages, newest first" })).toBeVisible();
  await shot(page, "email-activity-desktop");
  await page.goto(`/settings/email_activity/${messageId}`);
  await expect(page.getByTitle("HTML preview").contentFrame().getByRole("heading", { name: "Welcome to Acme" })).toBeVisible();
  await shot(page, "message-desktop");
});

test("audit log, teammates and the 404 page", async ({ page }) => {
  await page.setViewportSize(desktop);
  await page.goto("/settings/audit_log");
  await shot(page, "audit-log-desktop");
  await page.goto("/settings/teammates");
  await shot(page, "teammates-desktop");
  await page.goto("/no-such-page");
  await shot(page, "not-found-desktop");
});

test.describe("other people", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sign-in, a read-only member and support", async ({ page }) => {
    await page.setViewportSize(phone);
    await page.goto("/sign-in");
    await shot(page, "sign-in-phone");
    await page.setViewportSize(desktop);
    await signIn(page, users.reed);
    await page.goto("/settings/api_keys");
    await shot(page, "read-only-desktop");
    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn(page, users.support);
    await page.goto("/support?q=acme");
    await page.getByRole("link", { name: "Acme Mail" }).click();
    // A review shows nothing of the account until it is started (and recorded) with a POST.
    await page.getByRole("button", { name: "Review API keys" }).click();
    await expect(page.getByRole("heading", { name: "Acme Mail", level: 1 })).toBeVisible();
    await shot(page, "support-review-desktop");
  });
});
