import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { PrismaClient as PostgresPrismaClient } from "@/prisma/generated/postgres/client.ts";
import { PrismaClient } from "@/prisma/generated/sqlite/client.ts";
import { LOCK_WAIT_MS } from "./busy.ts";
import { resolveDatabase } from "./database-url.ts";
import { ImmediateSqliteAdapterFactory } from "./sqlite-adapter.ts";

export type { PrismaClient };
// Error classes and helpers come from Prisma's shared runtime: `Prisma.PrismaClientKnownRequestError`
// from this namespace also matches errors thrown by the PostgreSQL client.
export { Prisma } from "@/prisma/generated/sqlite/client.ts";

// Prisma gives up starting a transaction after maxWait (P2028); the lock wait ends first, so the
// caller gets the database's own "busy" error. Both mean "busy, try again" (lib/db/busy.ts).
const transactionOptions = { maxWait: LOCK_WAIT_MS + 1_000 };

// One build serves either database: both clients are generated from the same models, and the URL
// picks one at runtime. The PostgreSQL client is typed as the SQLite one; the cast is sound
// because prisma/postgres/schema.prisma differs only in provider and output (a test enforces it),
// so both generate the same model API. Provider-only extras (e.g. `mode: "insensitive"`) are
// therefore not in the type: the app sticks to what both databases support.
export function createPrismaClient(url: string = resolveDatabase().url): PrismaClient {
  const { provider, url: resolved } = resolveDatabase({ DATABASE_URL: url });
  if (provider === "postgresql") {
    // pg never blocks the event loop, but a row or table lock held elsewhere would make a request
    // wait without end: lock_timeout bounds it (error 55P03).
    const adapter = new PrismaPg({ connectionString: resolved, lock_timeout: LOCK_WAIT_MS });
    return new PostgresPrismaClient({ adapter, transactionOptions }) as unknown as PrismaClient;
  }
  const file = resolved.slice("file:".length);
  enableWal(file);
  const adapter = new ImmediateSqliteAdapterFactory(file, LOCK_WAIT_MS);
  return new PrismaClient({ adapter, transactionOptions });
}

// WAL lets readers proceed while one connection writes (Next.js route handlers, scripts and tests
// may share a file). The adapter opens its connection itself and exposes no hook, but WAL is a
// property of the database file, so setting it once through a short-lived connection suffices.
function enableWal(file: string): void {
  if (file === ":memory:") return;
  // Once, at start-up, before any request: a synchronous wait for a lock is acceptable here.
  const db = new Database(file, { timeout: 5_000 });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
