// Test-only: /v3, the SMTP relay (and the upstream delivery worker with SMTP_RELAY_URL) in a process of their own, wired as server.ts wires them but
// without Next.js (no build needed). The crash test SIGKILLs it.
//   DATABASE_URL=… node --import tsx lib/mail/testing/serve-mail.ts
// Prints `listening <http port> <smtp port>` as its first line.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { registerServerOnlyStub } from "../../api/server-only-hook.ts";

registerServerOnlyStub();
const { createApiHandler } = await import("../../api/handler.ts");
const { apiLog, createLogger } = await import("../../api/access-log.ts");
const { createPrismaClient } = await import("../../db/create-client.ts");
const { createKeyLookup } = await import("../../data/api-key-lookup.ts");
const { createSmtpRelay } = await import("../smtp-relay.ts");
const { startUpstreamDelivery } = await import("../delivery-worker.ts");
const { resolveDatabase } = await import("../../db/database-url.ts");

if (!process.env.DATABASE_URL) throw new Error("serve-mail.ts: set DATABASE_URL to the database to serve");
const db = createPrismaClient();
const keys = createKeyLookup(db);
const http = createServer(createApiHandler({ db, keys, log: apiLog(createLogger(undefined, "silent")) }));
const smtp = createSmtpRelay({ db, keys, log: (line) => process.stderr.write(`${line}\n`) });
// With SMTP_RELAY_URL, the upstream relay as server.ts starts it; the restart test shortens the lease.
const lease = Number(process.env.KEYWARD_TEST_RELAY_LEASE_MS);
startUpstreamDelivery(db, resolveDatabase().provider, {
  log: (line) => process.stderr.write(`${line}\n`),
  ...(lease > 0 ? { leaseMs: lease, pollMs: 100 } : {}),
});

await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
process.stdout.write(`listening ${(http.address() as AddressInfo).port} ${(smtp.server.address() as AddressInfo).port}\n`);
process.stdin.on("end", () => process.exit(0)).resume();
