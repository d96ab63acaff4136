// With SMTP_URL set, an invitation's link goes to the invitee by mail and never back to the
// inviter's browser; without it, the inviter gets the link once, as before. Real database, real
// SMTP receiver; only the session (who is signed in) is given, as in the other action tests.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase } from "@/lib/db/test-database";
import { getInvitation } from "@/lib/data/invite-acceptance";
import { createAccount, createMember } from "@/lib/data/test-fixtures";
import { linkIn, startSmtpReceiver, type SmtpReceiver } from "@/test/smtp-receiver";

const session = vi.hoisted(() => ({ userId: "", cookie: "", db: null as unknown }));
vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(async () => ({ user: { id: session.userId }, sessionId: "test-session", sessionVersion: 0 })), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => ({ value: session.cookie }), set: vi.fn() }) }));
vi.mock("@/lib/data/db", () => ({ getDb: () => session.db }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { inviteTeammateAction } = await import("./(dashboard)/settings/teammates/actions");

const form = (email: string) => ({ email, role: "admin", includeBilling: false, levels: {} });

describe("inviting a teammate", () => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  let receiver: SmtpReceiver;
  let accountId: string;
  const saved = { SMTP_URL: process.env.SMTP_URL, AUTH_URL: process.env.AUTH_URL };

  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase("sqlite"));
    session.db = db;
    accountId = (await createAccount(db, "Acme Mail")).id;
    const owner = await createMember(db, accountId, "owner");
    session.userId = owner.id;
    session.cookie = accountId;
    receiver = await startSmtpReceiver();
    process.env.AUTH_URL = "https://keys.example.test";
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await receiver?.close();
    await drop?.();
  });

  it("without SMTP_URL answers the link's token once, to the inviter", async () => {
    delete process.env.SMTP_URL;
    const result = await inviteTeammateAction(accountId, form("shown@example.test"));
    expect(result).toMatchObject({ ok: true, data: { mailed: false, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) } });
    expect(receiver.messages).toEqual([]);
  });

  it("with SMTP_URL mails the link to the invitee and keeps it from the inviter", async () => {
    process.env.SMTP_URL = receiver.url;
    const result = await inviteTeammateAction(accountId, form("Mailed@Example.test"));
    expect(result).toMatchObject({ ok: true, data: { mailed: true, invite: { email: "mailed@example.test" } } });
    expect(JSON.stringify(result)).not.toMatch(/token/i);
    const mail = await receiver.waitFor("mailed@example.test");
    expect(mail.subject).toBe("Test User invited you to Acme Mail on Keyward");
    const link = linkIn(mail, "https://keys.example.test/invite/");
    const token = link.slice("https://keys.example.test/invite/".length);
    expect(await getInvitation(db, token)).toMatchObject({ status: "valid", email: "mailed@example.test", accountName: "Acme Mail" });
  });

  it("says so when the mail cannot be delivered", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1"; // nothing listens there
    const result = await inviteTeammateAction(accountId, form("bounce@example.test"));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("could not be mailed to bounce@example.test") });
  });
});
