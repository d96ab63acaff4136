// Test-only: the /v3 API alone, in a process of its own, wired as server.ts wires it (its own
// Prisma client and pool, createKeyLookup, createApiHandler) but without Next.js, so it needs no
// `next build`. Tests start several of these on one database to act as separate app instances.
//   DATABASE_URL=… node --import tsx lib/api/testing/serve-api.ts [--exit-with-stdin]
// Listens on 127.0.0.1:$PORT (an ephemeral port when PORT is unset or 0) and prints
// `listening <port>` as its first line of output. One JSON access-log line per request goes to stderr.
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
const { createKeyUseRecorder } = await import("../../data/api-key-usage.ts");

if (!process.env.DATABASE_URL) throw new Error("serve-api.ts: set DATABASE_URL to the database to serve");
const db = createPrismaClient();
const keys = createKeyLookup(db);
// The production logger, on stderr: stdout carries the `listening` line.
const log = apiLog(createLogger(pino.destination({ dest: 2, sync: false })));
const usage = createKeyUseRecorder(db, { log: log.error });
const server = createServer(createApiHandler({ db, keys, log, usage }));

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections();
  void usage
    .close()
    .finally(() => Promise.allSettled([db.$disconnect(), keys.close()]))
    .then(() => process.exit(0));
  // Whatever is still pending, do not outlive the caller's patience.
  setTimeout(() => process.exit(0), 2_000).unref();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stop);
if (process.argv.includes("--exit-with-stdin")) {
  process.stdin.on("end", stop).on("close", stop).resume();
}
