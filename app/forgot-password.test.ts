// "Forgot password?" through its real action: the same answer whether or not the address has an
// account, a mail with a working one-time link only when it has, and no mail at all without SMTP_URL.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase } from "@/lib/db/test-database";
import { getPasswordResetStatus } from "@/lib/data/password-resets";
import { createAccount, createMember } from "@/lib/data/test-fixtures";
import { linkIn, startSmtpReceiver, type SmtpReceiver } from "@/test/smtp-receiver";

const session = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/lib/data/db", () => ({ getDb: () => session.db }));

const { forgotPasswordAction } = await import("./(auth)/forgot-password/actions");

describe("forgot password", () => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  let receiver: SmtpReceiver;
  let email: string;
  const saved = { SMTP_URL: process.env.SMTP_URL, AUTH_URL: process.env.AUTH_URL };

  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase("sqlite"));
    session.db = db;
    email = (await createMember(db, (await createAccount(db)).id, "owner")).email;
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

  it("without outgoing mail says to ask an administrator and issues nothing", async () => {
    delete process.env.SMTP_URL;
    expect(await forgotPasswordAction({ email })).toEqual({ ok: false, message: expect.stringContaining("ask an administrator") });
    expect(await db.passwordReset.count()).toBe(0);
  });

  it("answers the same for an unknown address and a known one, and mails only the known one a working link", async () => {
    process.env.SMTP_URL = receiver.url;
    const unknown = await forgotPasswordAction({ email: "nobody@example.test" });
    const known = await forgotPasswordAction({ email });
    expect(unknown).toEqual({ ok: true });
    expect(known).toEqual(unknown);
    const mail = await receiver.waitFor(email);
    const token = linkIn(mail, "https://keys.example.test/reset-password/").split("/").pop() as string;
    expect(await getPasswordResetStatus(db, token)).toBe("valid");
    // Give a stray message to nobody@ time to arrive: there must be none.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.messages.map((message) => message.to)).toEqual([[email]]);
  });

  it("refuses an invalid address with a clear message", async () => {
    process.env.SMTP_URL = receiver.url;
    expect(await forgotPasswordAction({ email: "nope" })).toMatchObject({ ok: false, fieldErrors: { email: ["Enter a valid e-mail address"] } });
  });
});
