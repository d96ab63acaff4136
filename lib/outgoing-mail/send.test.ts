import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, startSmtpReceiver, type SmtpReceiver } from "@/test/smtp-receiver";
import { invitationMessage, passwordResetMessage } from "./messages";
import { sendOutgoingMail } from "./send";

describe("Keyward's outgoing mail through SMTP_URL, to a real SMTP receiver", () => {
  let receiver: SmtpReceiver;
  const saved = { SMTP_URL: process.env.SMTP_URL, AUTH_URL: process.env.AUTH_URL };
  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    process.env.AUTH_URL = "https://keys.example.test";
  });
  afterAll(async () => {
    Object.assign(process.env, saved);
    if (saved.SMTP_URL === undefined) delete process.env.SMTP_URL;
    if (saved.AUTH_URL === undefined) delete process.env.AUTH_URL;
    await receiver?.close();
  });

  it("refuses to send without SMTP_URL", async () => {
    delete process.env.SMTP_URL;
    await expect(sendOutgoingMail({ to: "a@example.test", subject: "s", text: "t" })).rejects.toThrow("SMTP_URL is not set");
  });

  it("delivers a password reset with its one-time link on AUTH_URL", async () => {
    process.env.SMTP_URL = receiver.url;
    const token = "t".repeat(43);
    await sendOutgoingMail(passwordResetMessage({ to: "Ada@Example.test", token }));
    const mail = await receiver.waitFor("ada@example.test");
    expect(mail.subject).toBe("Reset your Keyward password");
    expect(linkIn(mail, "https://keys.example.test/")).toBe(`https://keys.example.test/reset-password/${token}`);
    expect(mail.text).toContain("expires in 1 hour");
  });

  it("delivers an invitation naming the account and the inviter", async () => {
    process.env.SMTP_URL = receiver.url;
    const token = "i".repeat(43);
    await sendOutgoingMail(invitationMessage({ to: "bo@example.test", token, accountName: "Acme Mail", inviterName: "Olivia", validDays: 7 }));
    const mail = await receiver.waitFor("bo@example.test");
    expect(mail.subject).toBe("Olivia invited you to Acme Mail on Keyward");
    expect(linkIn(mail, "https://")).toBe(`https://keys.example.test/invite/${token}`);
  });
});
