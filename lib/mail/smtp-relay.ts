import { SMTPServer, type SMTPServerSession } from "smtp-server";
import type { PrismaClient } from "@/lib/db/create-client";
import type { KeyLookup } from "@/lib/data/api-key-lookup";
import { authenticateApiKey } from "@/lib/data/api-auth";
import { isApiKeyId, USE_THE_FULL_KEY } from "@/lib/keys/parse";
import { maySendMail } from "@/lib/data/email-message-writes";
import { MAX_MAIL_BYTES } from "@/lib/validation/mail-send";
import { newMessageId } from "./message";
import { mailPipelineFor } from "./pipeline";
import { parseSmtpMessage } from "./smtp-message";

export interface SmtpRelayOptions {
  db: PrismaClient;
  keys: KeyLookup;
  /** PEM certificate and key: STARTTLS is offered only with both. */
  tls?: { cert: string; key: string };
  log?: (line: string) => void;
}

// SendGrid's convention: AUTH PLAIN or LOGIN, username "apikey", the API key as the password.
const USERNAME = "apikey";

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

// A bare key id as the password (the page shows it beside the name) is told so: judged on the
// password's format alone, as /v3 does (lib/api/responses.ts), so it reveals nothing about ids.
function refusal(username: string | undefined, password: string | null | undefined): string {
  if (username === USERNAME && typeof password === "string" && isApiKeyId(password)) {
    return `Authentication failed: the password looks like an API key ID, which alone is not the key; ${USE_THE_FULL_KEY}`;
  }
  return "Authentication failed: username apikey and a valid API key expected";
}

/** The SMTP relay: authenticated sessions only, every message through the same pipeline as /v3/mail/send. */
export function createSmtpRelay({ db, keys, tls, log = (line) => console.log(line) }: SmtpRelayOptions): SMTPServer {
  // The presented key, kept beside the session (never in it: session fields may be logged), so
  // that each message re-checks it: a key deleted mid-session is refused from its next message.
  const presented = new WeakMap<SMTPServerSession, string>();
  const pipeline = mailPipelineFor(db);
  return new SMTPServer({
    logger: false,
    banner: "Keyward SMTP relay",
    size: MAX_MAIL_BYTES,
    authMethods: ["PLAIN", "LOGIN"],
    ...(tls ? { cert: tls.cert, key: tls.key } : { disabledCommands: ["STARTTLS"], allowInsecureAuth: true }),
    onAuth(auth, session, callback) {
      void (async () => {
        const caller = auth.username === USERNAME && auth.password ? await authenticateApiKey(keys, auth.password) : null;
        if (!caller) return callback(smtpError(535, refusal(auth.username, auth.password)));
        if (!maySendMail(caller)) return callback(smtpError(550, "The API key does not hold the mail.send permission"));
        presented.set(session, auth.password!);
        callback(null, { user: caller.keyId });
      })().catch(() => callback(smtpError(454, "Temporary authentication failure")));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.once("error", () => callback(smtpError(451, "Could not read the message")));
      stream.once("end", () => {
        if (stream.sizeExceeded) return callback(smtpError(552, "Message exceeds the 30 MB limit"));
        void (async () => {
          const key = presented.get(session);
          const caller = key ? await authenticateApiKey(keys, key) : null;
          if (!caller) return callback(smtpError(535, "The API key is no longer valid"));
          const id = newMessageId();
          const message = await parseSmtpMessage(Buffer.concat(chunks), id, session.envelope.rcptTo.map((rcpt) => rcpt.address));
          const result = await pipeline.accept(caller, [message]);
          if (result === "forbidden") return callback(smtpError(550, "The API key does not hold the mail.send permission"));
          callback(null, `Ok: queued as ${id}`);
        })().catch((error: unknown) => {
          log(`[smtp] message failed: ${error instanceof Error ? error.name : "error"}`);
          callback(smtpError(451, "Temporary failure, try again"));
        });
      });
    },
  });
}
