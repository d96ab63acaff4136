// Test-only: the /v3 API alone, in a process of its own, wired as server.ts wires it (its own
// Prisma client and pool, createKeyLookup, createApiHandler) but without Next.js, so it needs no
// `next build`. Tests start several of these on one database to act as separate app instances.
//   DATABASE_URL=… node --import tsx lib/api/testing/serve-api.ts [--exit-with-stdin] [--smtp]
// Listens on 127.0.0.1:$PORT (an ephemeral port when PORT is unset or 0) and prints
// `listening <port>` as its first line of output; with --smtp it also runs the SMTP relay on an
// ephemeral port and prints `listening <port> <smtp port>`. One JSON access-log line per request goes to stderr.
// With --exit-with-stdin it also exits when its stdin closes, so that a test runner which dies
// without killing it does not leave it running.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { registerServerOnlyStub } from "../server-only-hook.ts";

registerServerOnlyStub();
// Imported only now, so that their `import "server-only"` meets the stub.
const { createApiHandler } = await import("../handler.ts");
const { apiLog, createLogger } = await import("../access-log.ts");
const { createPrismaClient } = await import("../../db/create-client.ts");
const { createKeyLookup } = await import("../../data/api-key-lookup.ts");
const { keyUseRecorderFor } = await import("../../data/api-key-usage.ts");
const { mailPipelineFor } = await import("../../mail/pipeline.ts");

if (!process.env.DATABASE_URL) throw new Error("serve-api.ts: set DATABASE_URL to the database to serve");
const db = createPrismaClient();
const keys = createKeyLookup(db);
// The production logger, on stderr: stdout carries the `listening` line.
const log = apiLog(createLogger(pino.destination({ dest: 2, sync: false })));
const usage = keyUseRecorderFor(db, { log: log.error });
const server = createServer(createApiHandler({ db, keys, log, usage }));

// Loaded only when asked for: smtp-server adds to a startup that tests wait for.
const smtp = process.argv.includes("--smtp")
  ? (await import("../../mail/smtp-relay.ts")).createSmtpRelay({ db, keys, log: (line) => process.stderr.write(`${line}\n`) })
  : null;

await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", resolve));
if (smtp) await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const smtpPort = smtp ? ` ${(smtp.server.address() as AddressInfo).port}` : "";
process.stdout.write(`listening ${(server.address() as AddressInfo).port}${smtpPort}\n`);

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections();
  smtp?.close();
  // As server.ts: stored messages' counts are noted before the last flush.
  void mailPipelineFor(db)
    .drain()
    .catch(() => undefined)
    .then(() => usage.close())
    .finally(() => Promise.allSettled([db.$disconnect(), keys.close()]))
    .then(() => process.exit(0));
  // Whatever is still pending, do not outlive the caller's patience.
  setTimeout(() => process.exit(0), 2_000).unref();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stop);
if (process.argv.includes("--exit-with-stdin")) {
  process.stdin.on("end", stop).on("close", stop).resume();
}
