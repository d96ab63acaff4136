// Test helpers: the /v3 handler on an ephemeral loopback port (no Next.js), and keys made like
// real ones whose full value the test keeps.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createKeyLookup } from "@/lib/data/api-key-lookup";
import { keyUseRecorderFor } from "@/lib/data/api-key-usage";
import { insertKeyRows } from "@/lib/data/key-rows";
import { apiLog, createLogger } from "../access-log";
import { createApiHandler } from "../handler";

export interface RunningApi {
  url: string;
  /** The access log's JSON lines, written by the production logger into memory. */
  logs: string[];
  close(): Promise<void>;
}

export interface ApiTestServer {
  db: PrismaClient;
  url: string;
  api: RunningApi;
}

/** For one describe block: a fresh test database with the /v3 handler on it, torn down after. */
export function useApiServer(provider: DatabaseProvider, ready: (server: ApiTestServer) => void): void {
  let database: TestDatabase | undefined;
  let api: RunningApi | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    api = await startApiServer(database.prisma, database.url);
    ready({ db: database.prisma, url: database.url, api });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });
}

/** `url` is the database's: on SQLite, keys are then looked up as in production (raw statement). */
export async function startApiServer(db: PrismaClient, url: string, now?: () => Date): Promise<RunningApi> {
  const logs: string[] = [];
  const keys = createKeyLookup(db, url);
  const log = apiLog(createLogger({ write: (line: string) => void logs.push(line) }, "info"));
  const usage = keyUseRecorderFor(db, { log: log.error });
  const server = createServer(createApiHandler({ db, keys, log, usage, now }));
  // Node closes a connection idle for 5 s; fetch (undici) may pick that same socket for its next
  // request at that instant, under load when timers run late, and get ECONNRESET: a flake of the
  // harness, seen once in 120 race rounds. Tests keep their connections until close() ends them.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    logs,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        // Key uses still in memory are written before the caller drops the database.
        server.close((error) => (error ? reject(error) : usage.close().then(() => keys.close()).then(resolve)));
      }),
  };
}

/** Inserts a key with exactly these scopes (even ones the rules would refuse) and returns it whole. */
export async function insertKey(
  db: PrismaClient,
  accountId: string,
  scopes: readonly string[],
  type: "general" | "billing" = "general",
  name = "test key",
): Promise<{ id: string; key: string }> {
  const inserted = await db.$transaction((tx) => insertKeyRows(tx, accountId, [{ name, type, scopes }]));
  return inserted![0]!;
}

export function call(
  api: RunningApi,
  key: string | null,
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...extraHeaders };
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${api.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}
