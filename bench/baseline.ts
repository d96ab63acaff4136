// The floor Keyward is compared with: a bare node:http server that answers GET /v3/scopes with the
// same bytes (body and headers) from the same database, with its own prepared statement: parse
// the bearer key, one lookup, SHA-256 + timingSafeEqual, the stored scope list spliced into the
// body. No routing, no logging, no bookkeeping. Run as its own process:
//   DATABASE_URL=… PORT=… tsx bench/baseline.ts      prints `listening <port>` when ready.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";
import pg from "pg";
import { parseApiKey } from "../lib/keys/parse.ts";
import { verifySecret } from "../lib/keys/hash.ts";

interface Row {
  scopes: string;
  secretHash: string;
}

const url = process.env.DATABASE_URL ?? "";
const SQL = 'SELECT "scopes", "secretHash" FROM "ApiKey" WHERE "id" = ';

function sqliteLookup(file: string): (id: string) => Promise<Row | undefined> {
  const statement = new Database(file, { readonly: true }).prepare<[string], Row>(`${SQL}?`);
  return async (id) => statement.get(id);
}

function postgresLookup(connectionString: string): (id: string) => Promise<Row | undefined> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // A named query is prepared once per connection by the server, then only executed.
  return async (id) => (await pool.query<Row>({ name: "key-by-id", text: `${SQL}$1`, values: [id] })).rows[0];
}

const lookup = url.startsWith("postgres") ? postgresLookup(url) : sqliteLookup(url.replace(/^file:/, ""));
const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "content-type": "application/json; charset=utf-8" };
const unauthorized = JSON.stringify({ errors: [{ field: null, message: "authorization required" }] });

function answer(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { ...headers, "content-length": Buffer.byteLength(body) }).end(body);
}

const server = createServer((req, res) => {
  const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
  const parsed = token ? parseApiKey(token) : null;
  if (!parsed) return answer(res, 401, unauthorized);
  lookup(parsed.id).then(
    (row) => {
      if (!row || !verifySecret(parsed.secret, row.secretHash)) return answer(res, 401, unauthorized);
      answer(res, 200, `{"scopes":${row.scopes}}`);
    },
    () => answer(res, 500, ""),
  );
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));
