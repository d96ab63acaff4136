// One server for the bench, run in its own process: `tsx bench/serve.ts <mode> <sqlite file>`, where
// keyward-prisma is the same handler with keys looked up through Prisma instead of the prepared statement.
// Prints the port it listens on (loopback only) as its first line of output.
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";
import { registerServerOnlyStub } from "../lib/api/server-only-hook.ts";
import { parseApiKey } from "../lib/keys/parse.ts";
import { verifySecret } from "../lib/keys/hash.ts";

const [mode, file] = process.argv.slice(2);
const modes = ["baseline", "keyward", "keyward-prisma"];
if (!file || !modes.includes(mode ?? "")) throw new Error(`usage: serve.ts <${modes.join("|")}> <sqlite file>`);

// The floor to compare against: parse, SHA-256 + timingSafeEqual, one prepared-statement lookup,
// scope list out. No routing, no error shapes, no logging, no last-use bookkeeping.
function baseline(): RequestListener {
  const sqlite = new Database(file!, { readonly: true });
  const lookup = sqlite.prepare<[string], { scopes: string; secretHash: string }>(
    'SELECT "scopes", "secretHash" FROM "ApiKey" WHERE "id" = ?',
  );
  return (req, res) => {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
    const parsed = token ? parseApiKey(token) : null;
    const row = parsed ? lookup.get(parsed.id) : undefined;
    if (!parsed || !row || !verifySecret(parsed.secret, row.secretHash)) {
      res.writeHead(401).end();
      return;
    }
    const body = JSON.stringify({ scopes: JSON.parse(row.scopes) });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
  };
}

async function keyward(): Promise<RequestListener> {
  registerServerOnlyStub();
  const { createApiHandler } = await import("../lib/api/handler.ts");
  const { createPrismaClient } = await import("../lib/db/create-client.ts");
  const { prismaKeyLookup, sqliteKeyLookup } = await import("../lib/data/api-key-lookup.ts");
  const url = `file:${file}`;
  const db = createPrismaClient(url);
  // Logging off: one line per request to a pipe would measure the pipe.
  const log = { access: () => {}, error: () => {} };
  return createApiHandler({ db, keys: mode === "keyward-prisma" ? prismaKeyLookup(db) : sqliteKeyLookup(file!), log });
}

const server = createServer(mode === "baseline" ? baseline() : await keyward());
server.listen(0, "127.0.0.1", () => {
  console.log((server.address() as AddressInfo).port);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));
