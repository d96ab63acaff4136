import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { createKeyOnPage, uniqueKeyName, v3 } from "./support/api-keys-page.ts";
import AxeBuilder from "@axe-core/playwright";
import { AXE_TAGS } from "./support/axe.ts";

// A message with a remote image (a tracking pixel, as senders use them) on a stand-in image host
// this spec starts: its preview loads nothing from that host until the person presses "Show
// remote images", then loads the image once, and still runs no script.

// One pixel, as a sender's image host would answer.
const PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

let imageHost: Server;
let hits: string[] = [];

test.beforeAll(async () => {
  imageHost = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(200, { "content-type": "image/png", "cache-control": "no-store" }).end(PIXEL);
  });
  // Any free port: nothing else depends on it.
  await new Promise<void>((resolve) => imageHost.listen(0, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => imageHost.close(resolve));
});

test("remote images load only after Show remote images, and scripts never run", async ({ page, baseURL, playwright }) => {
  hits = [];
  const keyName = uniqueKeyName("Remote images");
  const key = await createKeyOnPage(page, "General", keyName);
  const { port } = imageHost.address() as AddressInfo;
  const pixel = `http://127.0.0.1:${port}/open.png?m=${Date.now().toString(36)}`;
  try {
    const sent = await v3(baseURL, key, "POST", "/v3/mail/send", {
      personalizations: [{ to: [{ email: "ada@example.com" }] }],
      from: { email: "news@example.com" },
      subject: "Newsletter with a pixel",
      content: [
        {
          type: "text/html",
          value: `<p>Hello reader</p><img alt="tracking pixel" src="${pixel}" onload="document.body.append('handler ran')"><script>document.body.append("script ran")</script>`,
        },
      ],
    });
    expect(sent.status).toBe(202);
    const messageId = sent.headers.get("x-message-id")!;

    await page.goto(`/settings/email_activity/${messageId}`);
    const preview = page.getByTitle("HTML preview");
    await expect(preview).toHaveAttribute("sandbox", "");
    const frame = preview.contentFrame();
    await expect(frame.getByText("Hello reader")).toBeVisible();
    // The frame's load event waits for its images: by then a request would have been made.
    await page.frames().find((f) => f.url().includes("/preview"))!.waitForLoadState("load");
    await expect(page.getByText("Shown without scripts; remote images are blocked.")).toBeVisible();
    expect(hits).toEqual([]);

    const show = page.getByRole("button", { name: "Show remote images" });
    await expect(show).toHaveAttribute("aria-pressed", "false");
    // Axe on Keyward's page, not on the sender's HTML: inside the script-less frame axe's own run
    // can hang, and the message's markup is not Keyward's to fix.
    const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).exclude('iframe[title="HTML preview"]').analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(hits).toEqual([]);
    await show.click();
    await expect(show).toHaveAttribute("aria-pressed", "true");
    await expect.poll(() => hits.length).toBe(1);
    expect(hits[0]).toBe(new URL(pixel).pathname + new URL(pixel).search);
    await expect(frame.getByText("Hello reader")).toBeVisible();
    await expect(page.getByText(/remote images are shown/)).toBeVisible();
    // Images allowed, scripts still not: give them every chance before checking.
    await page.waitForTimeout(500);
    await expect(frame.getByText("script ran")).toHaveCount(0);
    await expect(frame.getByText("handler ran")).toHaveCount(0);

    // Pressed again, the preview is blocked again: no further request.
    await show.click();
    await expect(show).toHaveAttribute("aria-pressed", "false");
    await expect(frame.getByText("Hello reader")).toBeVisible();
    await page.waitForTimeout(300);
    expect(hits).toHaveLength(1);

    // The preview's own headers: one CSP per choice, framed only by Keyward's pages, and only
    // for a signed-in member (the iframe's request carries the session cookie).
    const blocked = await page.request.get(`/settings/email_activity/${messageId}/preview`);
    expect(blocked.status()).toBe(200);
    expect(blocked.headers()["content-security-policy"]).toContain("img-src data: cid:;");
    expect(blocked.headers()["content-security-policy"]).toContain("script-src 'none'");
    expect(blocked.headers()["x-frame-options"]).toBe("SAMEORIGIN");
    const allowed = await page.request.get(`/settings/email_activity/${messageId}/preview?images=remote`);
    expect(allowed.headers()["content-security-policy"]).toContain("img-src https: http: data: cid:;");
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    expect((await anonymous.get(`/settings/email_activity/${messageId}/preview`)).status()).toBe(401);
    await anonymous.dispose();
    expect(hits).toHaveLength(1);
  } finally {
    await v3(baseURL, key, "DELETE", `/v3/api_keys/${key.split(".")[1]}`);
  }
});
