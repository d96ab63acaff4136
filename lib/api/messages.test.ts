// GET /v3/messages and /v3/messages/{msg_id} over messages sent through /v3/mail/send.
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { testProviders } from "@/lib/db/test-database";
import { createAccount } from "@/lib/data/test-fixtures";
import { call, insertKey, type RunningApi, useApiServer } from "./testing/api-server";

const mail = (to: string, subject: string) => ({
  personalizations: [{ to: [{ email: to }] }],
  from: { email: "sender@example.com" },
  subject,
  content: [{ type: "text/plain", value: "Hi" }],
  categories: ["news"],
});

describe.each(testProviders)("GET /v3/messages on %s", (provider) => {
  let db: PrismaClient;
  let api: RunningApi;
  useApiServer(provider, (server) => ({ db, api } = server));

  it("lists the account's messages newest first, filtered by SendGrid's query syntax, and reads one", async () => {
    const account = await createAccount(db);
    const { id: keyId, key } = await insertKey(db, account.id, ["mail.send", "email_activity.read"]);
    const first = await call(api, key, "POST", "/v3/mail/send", mail("ada@example.com", "First"));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await call(api, key, "POST", "/v3/mail/send", mail("bob@example.com", "Second"));
    const firstId = first.headers.get("x-message-id")!;
    // Another account's message never shows.
    const other = await createAccount(db);
    const otherKey = await insertKey(db, other.id, ["mail.send", "email_activity.read"]);
    await call(api, otherKey.key, "POST", "/v3/mail/send", mail("ada@example.com", "Elsewhere"));

    const all = await call(api, key, "GET", "/v3/messages?limit=10");
    expect(all.status).toBe(200);
    const listed = (await all.json()) as { messages: Record<string, unknown>[] };
    expect(listed.messages.map((m) => m.subject)).toEqual(["Second", "First"]);
    expect(listed.messages[1]).toEqual({
      from_email: "sender@example.com", msg_id: firstId, subject: "First", to_email: "ada@example.com",
      status: "processed", opens_count: 0, clicks_count: 0, last_event_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const query = encodeURIComponent(`to_email="ada@example.com" AND status="processed"`);
    const filtered = (await (await call(api, key, "GET", `/v3/messages?query=${query}&limit=1`)).json()) as { messages: { msg_id: string }[] };
    expect(filtered.messages.map((m) => m.msg_id)).toEqual([firstId]);
    const none = (await (await call(api, key, "GET", `/v3/messages?query=${encodeURIComponent('status="not_delivered"')}`)).json()) as { messages: unknown[] };
    expect(none.messages).toEqual([]);

    const one = await call(api, key, "GET", `/v3/messages/${firstId}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ msg_id: firstId, api_key_id: keyId, categories: ["news"], events: [{ event_name: "processed" }] });
    const foreign = await call(api, otherKey.key, "GET", `/v3/messages/${firstId}`);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ errors: [{ field: "message_id", message: "not found" }] });
  });

  it("refuses bad queries and limits with 400, and keys without email_activity.read with 403", async () => {
    const account = await createAccount(db);
    const reader = await insertKey(db, account.id, ["email_activity.read"]);
    const bad = await call(api, reader.key, "GET", `/v3/messages?query=${encodeURIComponent('bad_field="x"')}`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: [{ field: "query", message: "invalid syntax: 'bad_field' is not a known field" }] });
    expect((await call(api, reader.key, "GET", "/v3/messages?limit=1001")).status).toBe(400);
    const sender = await insertKey(db, account.id, ["mail.send"]);
    expect((await call(api, sender.key, "GET", "/v3/messages")).status).toBe(403);
    expect((await call(api, sender.key, "GET", "/v3/messages/abc")).status).toBe(403);
  });
});
