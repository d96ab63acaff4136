import { expect, test, type Page } from "@playwright/test";
import { createKeyOnPage, uniqueKeyName, v3 } from "./support/api-keys-page.ts";
import { expectNoViolations } from "./support/axe.ts";
import { signIn, signOut, users } from "./support/people";

// These journeys sign in as various people themselves, so they start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

/** From an account's review page, opens its Email Activity section, starting the review if need be. */
async function openEmailActivityReview(page: Page, accountName: string) {
  await page.getByRole("navigation", { name: "Review sections" }).getByRole("link", { name: "Email Activity" }).click();
  await expect(page).toHaveURL(/\/email_activity$/);
  await expect(page.getByRole("link", { name: "Email Activity", exact: true })).toHaveAttribute("aria-current", "page");
  // A retry within the 30-minute window finds the review already started: wait for either state
  // (isVisible alone does not wait, and would skip the button while the page still renders).
  const start = page.getByRole("button", { name: "Review email activity" });
  const heading = page.getByRole("heading", { name: accountName, level: 1 });
  await expect(start.or(heading)).toBeVisible();
  if (await start.isVisible()) await start.click();
  await expect(heading).toBeVisible();
}

test("support staff start a review with a POST, see the keys read only, and the owner sees one support.viewed", async ({ page }) => {
  await signIn(page, users.support);
  // Support staff have no account pages: /settings sends them to /support.
  await page.goto("/settings/api_keys");
  await expect(page).toHaveURL(/\/support$/);

  await page.getByRole("searchbox").fill("acme");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Acme Mail" }).click();
  // Opening the page (a GET, as a link from anywhere would) shows nothing of the account and
  // records nothing; the review starts with the button's POST.
  await expect(page.getByRole("heading", { name: "Review account", level: 1 })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  const reviewUrl = page.url();
  await page.reload();
  await page.getByRole("link", { name: "Audit Log" }).click();
  await expect(page.getByRole("button", { name: "Review audit log" })).toBeVisible();
  await page.goto(reviewUrl);
  await page.getByRole("button", { name: "Review API keys" }).click();
  await expect(page.getByRole("heading", { name: "Acme Mail", level: 1 })).toBeVisible();
  // Within the review, reading the keys again records nothing more.
  await page.reload();
  const keys = page.getByRole("table");
  await expect(keys.getByRole("row").filter({ hasText: "Production mail" })).toContainText("Olivia Owner");
  await expect(keys.getByRole("columnheader")).toHaveText(["Name", "API Key ID", "Type", "Permissions", "Created", "Created by"]);
  // Read only: nothing to create, edit or delete, and no secret anywhere.
  await expect(page.getByRole("button", { name: /Create|Edit|Delete|Actions for/ })).toHaveCount(0);
  expect(await page.content()).not.toMatch(/SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/);
  await signOut(page);

  await signIn(page, users.acmeOwner);
  await page.goto("/settings/audit_log?action=support.viewed");
  // One review, one entry: the GETs before it and the reload after it wrote nothing.
  await expect(page.getByRole("row")).toHaveCount(2);
  const latest = page.getByRole("row").nth(1);
  await expect(latest).toContainText("Viewed by support");
  await expect(latest).toContainText("Sam Support (Keyward support)");
  await expect(latest).toContainText("Looked at the API keys");
});

test("support staff review an account's Email Activity read only, after the same POST step", async ({ page }) => {
  await signIn(page, users.support);
  await page.getByRole("searchbox").fill("globex");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Globex Newsletters" }).click();
  await openEmailActivityReview(page, "Globex Newsletters");
  await expect(page.getByRole("link", { name: "Email Activity", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("message contents are not shown in a review.")).toBeVisible();
});

test("support staff search and page through an account's Email Activity in a review", async ({ page, baseURL }) => {
  // Two sign-ins, 26 messages and two axe runs: more than the default 30 s under load.
  test.setTimeout(90_000);
  // Globex's owner sends 26 messages with a key of their own: more than one page of 25.
  await signIn(page, users.gus);
  const key = await createKeyOnPage(page, "General", uniqueKeyName("Globex review mailer"));
  const stamp = `${Date.now().toString(36)}-${process.pid}`;
  try {
    for (let n = 1; n <= 26; n++) {
      const sent = await v3(baseURL, key, "POST", "/v3/mail/send", {
        personalizations: [{ to: [{ email: `reader${n}@example.com` }] }],
        from: { email: "news@globex.test" },
        subject: `${n === 26 ? "Needle" : "Issue"} ${stamp} #${n}`,
        content: [{ type: "text/plain", value: "hello" }],
      });
      expect(sent.status).toBe(202);
    }
    await signOut(page);

    await signIn(page, users.support);
    await page.getByRole("searchbox").fill("globex");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Globex Newsletters" }).click();
    await openEmailActivityReview(page, "Globex Newsletters");

    const table = page.getByRole("table", { name: "Messages, newest first" });
    await page.getByRole("searchbox", { name: "Search" }).fill(stamp);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/support\/accounts\/[^/]+\/email_activity\?q=/);
    const pages = page.getByRole("navigation", { name: "Pages" });
    await expect(pages).toContainText("Page 1 of 2 (26 messages)");
    await expectNoViolations(page, "a support review's Email Activity, searched");
    await expect(table.getByRole("row").filter({ hasText: stamp })).toHaveCount(25);
    await pages.getByRole("link", { name: "Next" }).click();
    await expect(pages).toContainText("Page 2 of 2 (26 messages)");
    await expect(table.getByRole("row").filter({ hasText: stamp })).toHaveCount(1);
    await expect(table.getByRole("row").filter({ hasText: `Issue ${stamp} #1` })).toHaveCount(1);

    await page.getByRole("searchbox", { name: "Search" }).fill(`Needle ${stamp}`);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(pages).toContainText("Page 1 of 1 (1 message)");
    // The message opens to its envelope, never its contents.
    await table.getByRole("link", { name: `Needle ${stamp} #26` }).click();
    await expect(page.getByRole("heading", { name: `Needle ${stamp} #26`, level: 2 })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "reader26@example.com" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "processed" })).toBeVisible();
    await expect(page.getByText("Message contents are not shown in a review.")).toBeVisible();
    await expect(page.getByText("hello", { exact: true })).toHaveCount(0);
    await expect(page.getByTitle("HTML preview")).toHaveCount(0);
    await expectNoViolations(page, "a message in a support review");
    await page.getByRole("link", { name: "Back to the review's Email Activity" }).click();
    await expect(page.getByRole("heading", { name: "Globex Newsletters", level: 1 })).toBeVisible();
  } finally {
    await v3(baseURL, key, "DELETE", `/v3/api_keys/${key.split(".")[1]}`);
  }
});
