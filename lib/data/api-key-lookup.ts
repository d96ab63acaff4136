import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { LOCK_WAIT_MS } from "@/lib/db/busy";
import type { PrismaClient } from "@/lib/db/create-client";
import { resolveDatabase } from "@/lib/db/database-url";

/** What verifying a key needs of its row: never returned beyond lib/data. */
export interface KeyRow {
  id: string;
  accountId: string;
  type: string;
  scopes: string;
  secretHash: string;
  /** Milliseconds since the epoch, or null for a key that never expires. */
  expiresAt: number | null;
  disabled: boolean;
}

export interface KeyLookup {
  find(id: string): Promise<KeyRow | null>;
  close(): Promise<void>;
}

/**
 * The one hot query of the /v3 API: a key by id, read from the database on every request (no
 * cache, so a deletion committed anywhere is seen by the next lookup). On SQLite it is a prepared
 * statement on a read-only better-sqlite3 connection: Prisma's client costs several times the
 * whole verification (see bench/). WAL mode (create-client.ts) gives each execution a fresh read
 * snapshot, so writes committed through Prisma's connection or another process are visible to the
 * next call. On PostgreSQL it is a prepared statement on a small pool of its own (`pg`), for the
 * same reason; for an in-memory SQLite database, Prisma's findUnique.
 */
export function createKeyLookup(db: PrismaClient, databaseUrl: string = resolveDatabase().url): KeyLookup {
  const { provider, url } = resolveDatabase({ DATABASE_URL: databaseUrl });
  if (provider === "postgresql") return postgresKeyLookup(url);
  if (url !== "file::memory:") return sqliteKeyLookup(url.slice("file:".length));
  return prismaKeyLookup(db);
}

export function prismaKeyLookup(db: PrismaClient): KeyLookup {
  return {
    find: async (id) => {
      const row = await db.apiKey.findUnique({ where: { id }, select: keyRowSelect });
      if (!row) return null;
      const { expiresAt, disabledAt, ...rest } = row;
      return { ...rest, expiresAt: expiresAt?.getTime() ?? null, disabled: disabledAt !== null };
    },
    close: async () => {},
  };
}

const keyRowSelect = {
  id: true,
  accountId: true,
  type: true,
  scopes: true,
  secretHash: true,
  expiresAt: true,
  disabledAt: true,
} as const;

// SQLite hands back the stored ISO text and 0/1; both become the KeyRow shape here.
type SqliteKeyRow = Omit<KeyRow, "expiresAt" | "disabled"> & { expiresAt: string | null; disabled: number };

export function sqliteKeyLookup(file: string): KeyLookup {
  // No busy timeout: a reader in WAL mode never waits for a writer, and a synchronous wait here
  // would freeze the whole server; should SQLite ever answer busy, the request gets a 503.
  const connection = new Database(file, { readonly: true, fileMustExist: true, timeout: 0 });
  // The same work whether the id exists or not (issue 9: an unknown id must not be cheaper to probe
  // than a real key): the key with this id or, for an unknown id, its neighbour in the index, read
  // in full either way; only then is it compared. An exact match read nothing for an unknown id,
  // and such a probe answered 126% as fast as a real key (bench, docs/PERFORMANCE.md).
  const statement = connection.prepare<[string], SqliteKeyRow>(
    'SELECT "id", "accountId", "type", "scopes", "secretHash", "expiresAt", "disabledAt" IS NOT NULL AS "disabled" FROM "ApiKey" WHERE "id" >= ? ORDER BY "id" LIMIT 1',
  );
  return {
    find: async (id) => {
      const row = statement.get(id);
      if (!row || row.id !== id) return null;
      return { ...row, expiresAt: row.expiresAt === null ? null : Date.parse(row.expiresAt), disabled: row.disabled === 1 };
    },
    close: async () => {
      connection.close();
    },
  };
}

// The expiry as epoch milliseconds, computed by PostgreSQL: pg would read a timestamp without time
// zone in the process's local zone, while Prisma writes it in UTC.
const KEY_ROW_SQL = `SELECT "id", "accountId", "type", "scopes", "secretHash",
  (EXTRACT(EPOCH FROM "expiresAt") * 1000)::float8 AS "expiresAt", "disabledAt" IS NOT NULL AS "disabled"
  FROM "ApiKey" WHERE "id" = $1`;

export function postgresKeyLookup(connectionString: string): KeyLookup {
  // Reads take no lock a writer holds; lock_timeout only bounds the wait behind a rare exclusive
  // lock (a migration), which then answers 503 rather than hanging the request.
  const pool = new pg.Pool({ connectionString, max: 10, lock_timeout: LOCK_WAIT_MS });
  // An idle client that loses its connection emits "error" on the pool: without a listener that
  // would end the process. The next query simply opens a new connection.
  pool.on("error", () => {});
  return {
    // A named query is parsed and planned once per connection, then only executed.
    find: async (id) => (await pool.query<KeyRow>({ name: "keyward-key-by-id", text: KEY_ROW_SQL, values: [id] })).rows[0] ?? null,
    close: () => pool.end(),
  };
}
