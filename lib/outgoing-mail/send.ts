import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { senderAddress } from "./config";

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
}

// One pooled transport per SMTP_URL for the process; a changed URL (tests) gets a new one.
let cached: { url: string; transport: Transporter } | null = null;

function transportFor(url: string): Transporter {
  if (cached?.url !== url) {
    cached?.transport.close();
    // Nodemailer waits up to two minutes for a silent server by default; an inviter waits on this.
    cached = { url, transport: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  }
  return cached.transport;
}

/** Sends through SMTP_URL. Throws when it is unset or the server refuses: callers decide what that means. */
export async function sendOutgoingMail(message: OutgoingMessage): Promise<void> {
  const url = process.env.SMTP_URL?.trim();
  if (!url) throw new Error("SMTP_URL is not set: Keyward has no outgoing mail");
  await transportFor(url).sendMail({ from: senderAddress(), ...message });
}
