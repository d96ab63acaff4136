// Test-only: a real SMTP receiver playing the upstream relay. It asks for a login, records every
// message it accepts, and answers as `answer` says (null accepts; else an SMTP code and text).
import { createServer, type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: string;
  messageId: string;
  user: string;
}

export interface Upstream {
  port: number;
  received: ReceivedMessage[];
  /** Attempts seen per Message-ID, accepted or not. */
  attempts: Map<string, number>;
  close(): Promise<void>;
}

export type UpstreamAnswer = (messageId: string, attempt: number) => { code: number; message: string } | null;

export async function startUpstream(options: { port?: number; answer?: UpstreamAnswer; user?: string; pass?: string } = {}): Promise<Upstream> {
  const { answer = () => null, user = "relayuser", pass = "relay-s3cret" } = options;
  const received: ReceivedMessage[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    logger: false,
    // Pooled client connections stay open: close them soon instead of waiting 30 s.
    closeTimeout: 200,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) callback(null, { user: auth.username });
      else callback(Object.assign(new Error("Authentication failed"), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.once("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? "";
        const attempt = (attempts.get(messageId) ?? 0) + 1;
        attempts.set(messageId, attempt);
        const refusal = answer(messageId, attempt);
        if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          messageId,
          user: String(session.user),
        });
        callback(null, `Ok: queued upstream as ${messageId}`);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (an upstream that is down), free for a receiver started later. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
