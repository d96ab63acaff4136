import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
type Transaction = Awaited<ReturnType<SqlDriverAdapter["startTransaction"]>>;

// Why this wrapper: the adapter starts every transaction with a plain (DEFERRED) "BEGIN", so the
// write lock is taken by the transaction's first write, and better-sqlite3 waits for a busy lock
// synchronously, on the JavaScript thread. Two connections in one process (server.ts's /v3 client
// and Next's, or a test's several clients) then deadlock: the waiter freezes the event loop, so
// the holder can never reach its COMMIT, and the waiter fails with SQLITE_BUSY after the whole
// busy timeout. A transaction that reads before it writes can also fail at once with
// SQLITE_BUSY_SNAPSHOT, which no busy timeout retries.
// So each transaction takes the write lock up front (BEGIN IMMEDIATE), and waits for it by
// polling without a busy timeout between timers, leaving the event loop free for the holder.
export class ImmediateSqliteAdapterFactory extends PrismaBetterSqlite3 {
  readonly #lockTimeoutMs: number;

  constructor(file: string, busyTimeoutMs: number) {
    super({ url: file, timeout: busyTimeoutMs });
    this.#lockTimeoutMs = busyTimeoutMs;
  }

  override async connect(): Promise<SqlDriverAdapter> {
    return withImmediateTransactions(await super.connect(), this.#lockTimeoutMs);
  }
}

function withImmediateTransactions(adapter: SqlDriverAdapter, lockTimeoutMs: number): SqlDriverAdapter {
  // The adapter keeps its better-sqlite3 handle in a public field that its types do not declare.
  const client = (adapter as unknown as { client: Database.Database }).client;
  const prepare = client.prepare.bind(client);
  let begun = false;
  // The adapter's own "BEGIN" becomes a no-op right after this wrapper has begun the transaction.
  client.prepare = ((sql: string) => {
    if (sql === "BEGIN" && begun) {
      begun = false;
      return { run: () => ({ changes: 0, lastInsertRowid: 0 }) };
    }
    return prepare(sql);
  }) as typeof client.prepare;

  const startTransaction = adapter.startTransaction.bind(adapter);
  let queue: Promise<void> = Promise.resolve();
  adapter.startTransaction = async (isolationLevel) => {
    // One transaction at a time on this connection, as the adapter's own mutex would have it.
    let release!: () => void;
    const previous = queue;
    queue = new Promise((resolve) => (release = resolve));
    await previous;
    try {
      await beginImmediate(client, prepare, lockTimeoutMs);
      begun = true;
      const transaction = await startTransaction(isolationLevel).catch((error: unknown) => {
        begun = false;
        if (client.inTransaction) prepare("ROLLBACK").run();
        throw error;
      });
      return releasingOnEnd(transaction, release);
    } catch (error) {
      release();
      throw error;
    }
  };
  return adapter;
}

async function beginImmediate(client: Database.Database, prepare: Database.Database["prepare"], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 1; ; delay = Math.min(delay * 2, 25)) {
    client.pragma("busy_timeout = 0");
    try {
      prepare("BEGIN IMMEDIATE").run();
      return;
    } catch (error) {
      const busy = (error as { code?: unknown }).code;
      if (typeof busy !== "string" || !busy.startsWith("SQLITE_BUSY") || Date.now() >= deadline) throw error;
    } finally {
      client.pragma(`busy_timeout = ${timeoutMs}`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

function releasingOnEnd(transaction: Transaction, release: () => void): Transaction {
  const commit = transaction.commit.bind(transaction);
  const rollback = transaction.rollback.bind(transaction);
  transaction.commit = () => commit().finally(release);
  transaction.rollback = () => rollback().finally(release);
  return transaction;
}
