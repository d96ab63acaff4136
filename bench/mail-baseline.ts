// The floor the mail bench compares Keyward with: a bare node:http server that reads the same
// POST /v3/mail/send body, parses its JSON and answers 202 with an X-Message-Id, as Keyward does.
// No key check, no validation, no MIME, no database, no logging: what any Node server pays for the
// same bytes on the same machine. Run as its own process:
//   PORT=… tsx bench/mail-baseline.ts      prints `listening <port>` when ready.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    try {
      const mail = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { personalizations?: unknown[] };
      if (!Array.isArray(mail.personalizations)) throw new Error("personalizations");
    } catch {
      res.writeHead(400, { "content-length": "0" }).end();
      return;
    }
    res.writeHead(202, { "content-length": "0", "x-message-id": randomUUID() }).end();
  });
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));
