// Keyward's server: /v3/* goes straight to the plain handlers of lib/api; every other request to
// Next.js. Next's route machinery costs far more per request than the key check itself (see
// DESIGN.md, "Architecture"), so the API does not run as Next route handlers.
//   development: npx tsx server.ts        production: next build && NODE_ENV=production npx tsx server.ts
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { registerServerOnlyStub } from "./lib/api/server-only-hook.ts";
import { listenHost, runMode } from "./lib/config/mode.ts";
import { httpLimits } from "./lib/server/http-options.ts";
import { compressResponse } from "./lib/server/page-compression.ts";
import { createStaticAssets } from "./lib/server/static-assets.ts";
import { isFramedPreview, staticSecurityHeaders } from "./lib/server/security-headers.ts";

registerServerOnlyStub();
// Imported only now, so that their `import "server-only"` meets the stub.
const { createApiHandler } = await import("./lib/api/handler.ts");
const { createPrismaClient } = await import("./lib/db/create-client.ts");
const { createKeyLookup } = await import("./lib/data/api-key-lookup.ts");
const { demoUsersRefusal, findDemoUsers } = await import("./lib/data/demo-users.ts");
const { createSignInGate } = await import("./lib/server/sign-in-gate.ts");
const { stampClientAddress } = await import("./lib/server/client-address.ts");
const { refuseCrossSiteAction } = await import("./lib/server/cross-site-action.ts");
const { keyUseRecorderFor } = await import("./lib/data/api-key-usage.ts");
const { apiLog, createLogger } = await import("./lib/api/access-log.ts");
const { createSmtpRelay } = await import("./lib/mail/smtp-relay.ts");
const { smtpRelayConfig } = await import("./lib/mail/smtp-config.ts");
const { mailPipelineFor } = await import("./lib/mail/pipeline.ts");
const { startUpstreamDelivery } = await import("./lib/mail/delivery-worker.ts");
const { resolveDatabase } = await import("./lib/db/database-url.ts");

const dev = process.env.NODE_ENV !== "production";
const mode = runMode();
const port = Number(process.env.PORT ?? 3000);
// The demo listens on this machine only; production on HOST (default every interface).
const hostname = listenHost();

// The API's own client (Next's bundles keep theirs): one pool per process, whatever the database.
const db = createPrismaClient();
if (mode === "production") {
  const demoUsers = await findDemoUsers(db);
  if (demoUsers.length > 0) {
    console.error(demoUsersRefusal(demoUsers));
    await db.$disconnect();
    process.exit(1);
  }
}

const app = next({ dev, dir: process.cwd(), hostname, port });
await app.prepare();
const handleNext = app.getRequestHandler();

const keys = createKeyLookup(db);
// JSON access log on stdout through an asynchronous destination (LOG_LEVEL=warn leaves it out).
const log = apiLog(createLogger());
// Shared with the mail pipeline, which counts messages accepted from /v3/mail/send and SMTP.
const usage = keyUseRecorderFor(db, { log: log.error });
const securityHeaders = staticSecurityHeaders();
// /v3 answers carry the security headers in their own pre-built header block (lib/api/responses.ts).
const handleApi = createApiHandler({ db, keys, log, usage, headers: securityHeaders });
const signInGate = createSignInGate(db);
const securityHeaderList = Object.entries(securityHeaders);
// The build's scripts and styles, compressed once (brotli when asked, else gzip); dev builds change.
const serveStatic = dev ? null : createStaticAssets(path.join(process.cwd(), ".next", "static"));

// Bounded headers, request and keep-alive times (lib/server/http-options.ts): a slow client is
// disconnected instead of holding a connection.
const limits = httpLimits();
const server = createServer(limits.options, (req, res) => {
  const url = req.url ?? "/";
  if (url === "/v3" || url.startsWith("/v3/") || url.startsWith("/v3?")) {
    handleApi(req, res);
    return;
  }
  // On every other response, Next's static files included; pages also get proxy.ts's CSP.
  for (const [name, value] of securityHeaderList) res.setHeader(name, value);
  // Next keeps a header already set here over the route's own, so the framed preview's is set here.
  if (isFramedPreview(url)) res.setHeader("X-Frame-Options", "SAMEORIGIN");
  if (serveStatic && url.startsWith("/_next/static/")) {
    serveStatic(req, res)
      .then((answered) => {
        if (answered) return;
        compressResponse(req, res);
        return handleNext(req, res);
      })
      .catch((error: unknown) => {
        console.error("[server] static file failed:", error instanceof Error ? error.message : error);
        if (!res.headersSent) res.writeHead(500).end();
      });
    return;
  }
  if (refuseCrossSiteAction(req, res)) return;
  // Pages, RSC payloads and actions' answers, brotli or gzip as asked (next.config.js: compress off).
  compressResponse(req, res);
  // Who is asking, for sign-in throttling: set here, where the socket is, and nowhere else.
  const address = stampClientAddress(req);
  signInGate(req, res, address)
    .then((answered) => (answered ? undefined : handleNext(req, res)))
    .catch((error: unknown) => {
      console.error("[server] request failed:", error instanceof Error ? error.message : error);
      if (!res.headersSent) res.writeHead(500).end();
    });
});

server.maxRequestsPerSocket = limits.maxRequestsPerSocket;

server.listen(port, hostname, () => {
  console.log(`[server] Keyward ${dev ? "development" : "production"} server (${mode} mode) on http://${hostname}:${port}`);
});

// The SMTP relay beside HTTP, on the same host, feeding the same mail pipeline as /v3/mail/send.
const smtpConfig = smtpRelayConfig();
const smtpRelay = createSmtpRelay({ db, keys, tls: smtpConfig.tls });
smtpRelay.on("error", (error: Error) => console.error("[smtp] relay error:", error.message));
smtpRelay.listen(smtpConfig.port, hostname, () => {
  console.log(`[server] SMTP relay on ${hostname}:${smtpConfig.port}${smtpConfig.tls ? " (STARTTLS)" : ""}`);
});

// With SMTP_RELAY_URL, accepted mail is also delivered upstream from the database's queue.
const delivery = startUpstreamDelivery(db, resolveDatabase().provider);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close();
    server.closeIdleConnections();
    smtpRelay.close();
    // Messages waiting for their batch, then key uses and counts noted since the last flush
    // (the drained messages' counts included), are written before the database closes; the
    // delivery worker stops once nothing more can be queued.
    void mailPipelineFor(db)
      .drain()
      .catch(() => undefined)
      .then(() => Promise.allSettled([delivery?.stop(), usage.close()]))
      .finally(() => Promise.allSettled([db.$disconnect(), keys.close(), app.close()]))
      .then(() => process.exit(0));
  });
}
