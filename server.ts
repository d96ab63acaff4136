// Keyward's server: /v3/* goes straight to the plain handlers of lib/api; every other request to
// Next.js. Next's route machinery costs far more per request than the key check itself (see
// DESIGN.md, "Architecture"), so the API does not run as Next route handlers.
//   development: npx tsx server.ts        production: next build && NODE_ENV=production npx tsx server.ts
import { createServer } from "node:http";
import next from "next";
import { registerServerOnlyStub } from "./lib/api/server-only-hook.ts";

registerServerOnlyStub();
// Imported only now, so that their `import "server-only"` meets the stub.
const { createApiHandler } = await import("./lib/api/handler.ts");
const { createPrismaClient } = await import("./lib/db/create-client.ts");
const { createKeyLookup } = await import("./lib/data/api-key-lookup.ts");
const { createKeyUseRecorder } = await import("./lib/data/api-key-usage.ts");
const { apiLog, createLogger } = await import("./lib/api/access-log.ts");

const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;

const app = next({ dev, dir: process.cwd(), hostname, port });
await app.prepare();
const handleNext = app.getRequestHandler();

// The API's own client (Next's bundles keep theirs): one pool per process, whatever the database.
const db = createPrismaClient();
const keys = createKeyLookup(db);
// JSON access log on stdout through an asynchronous destination (LOG_LEVEL=warn leaves it out).
const log = apiLog(createLogger());
const usage = createKeyUseRecorder(db, { log: log.error });
const handleApi = createApiHandler({ db, keys, log, usage });

const server = createServer((req, res) => {
  const url = req.url ?? "/";
  if (url === "/v3" || url.startsWith("/v3/") || url.startsWith("/v3?")) {
    handleApi(req, res);
    return;
  }
  handleNext(req, res).catch((error: unknown) => {
    console.error("[server] Next.js request failed:", error instanceof Error ? error.message : error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});

server.listen(port, hostname, () => {
  console.log(`[server] Keyward ${dev ? "development" : "production"} server on http://${hostname ?? "localhost"}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close();
    server.closeIdleConnections();
    // Key uses noted since the last flush are written before the database goes.
    void usage
      .close()
      .finally(() => Promise.allSettled([db.$disconnect(), keys.close(), app.close()]))
      .then(() => process.exit(0));
  });
}
