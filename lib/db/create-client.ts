import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { PrismaClient as PostgresPrismaClient } from "@/prisma/generated/postgres/client.ts";
import { PrismaClient } from "@/prisma/generated/sqlite/client.ts";
import { resolveDatabase } from "./database-url.ts";
import { ImmediateSqliteAdapterFactory } from "./sqlite-adapter.ts";

export type { PrismaClient };
// Error classes and helpers come from Prisma's shared runtime: `Prisma.PrismaClientKnownRequestError`
// from this namespace also matches errors thrown by the PostgreSQL client.
export { Prisma } from "@/prisma/generated/sqlite/client.ts";

// How long a SQLite writer waits for another connection's write lock before failing (SQLITE_BUSY).
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

// One build serves either database: both clients are generated from the same models, and the URL
// picks one at runtime. The PostgreSQL client is typed as the SQLite one; the cast is sound
// because prisma/postgres/schema.prisma differs only in provider and output (a test enforces it),
// so both generate the same model API. Provider-only extras (e.g. `mode: "insensitive"`) are
// therefore not in the type: the app sticks to what both databases support.
export function createPrismaClient(url: string = resolveDatabase().url): PrismaClient {
  const { provider, url: resolved } = resolveDatabase({ DATABASE_URL: url });
  if (provider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: resolved });
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  const file = resolved.slice("file:".length);
  enableWal(file);
  const adapter = new ImmediateSqliteAdapterFactory(file, SQLITE_BUSY_TIMEOUT_MS);
  return new PrismaClient({ adapter });
}

// WAL lets readers proceed while one connection writes (Next.js route handlers, scripts and tests
// may share a file). The adapter opens its connection itself and exposes no hook, but WAL is a
// property of the database file, so setting it once through a short-lived connection suffices.
function enableWal(file: string): void {
  if (file === ":memory:") return;
  const db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
