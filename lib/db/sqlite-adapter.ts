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
// The same busy wait froze the whole server for 5 s when a statement outside a transaction (a
// key's last use) met a lock held by another process.
// So the connection has no busy timeout at all: each transaction takes the write lock up front
// (BEGIN IMMEDIATE), and it and every statement outside a transaction wait for a lock by polling
// between timers, leaving the event loop free, until `lockWaitMs` has passed; then the
// SQLITE_BUSY error goes to the caller (lib/db/busy.ts tells it apart from a fault).
export class ImmediateSqliteAdapterFactory extends PrismaBetterSqlite3 {
  readonly #lockWaitMs: number;

  constructor(file: string, lockWaitMs: number) {
    super({ url: file, timeout: 0 });
    this.#lockWaitMs = lockWaitMs;
  }

  override async connect(): Promise<SqlDriverAdapter> {
    return withoutBlockingWaits(await super.connect(), this.#lockWaitMs);
  }
}

function withoutBlockingWaits(adapter: SqlDriverAdapter, lockWaitMs: number): SqlDriverAdapter {
  // The adapter keeps its better-sqlite3 handle in a public field that its types do not declare.
  const client = (adapter as unknown as { client: Database.Database }).client;
  // Statements outside a transaction: a busy one fails at once (no busy timeout) and is tried
  // again after a timer. Inside a transaction the lock is already held, so nothing waits there.
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.queryRaw = (query) => retryWhileBusy(() => queryRaw(query), Date.now() + lockWaitMs);
  adapter.executeRaw = (query) => retryWhileBusy(() => executeRaw(query), Date.now() + lockWaitMs);
  return withImmediateTransactions(adapter, client, lockWaitMs);
}

async function retryWhileBusy<T>(attempt: () => Promise<T>, deadline: number): Promise<T> {
  for (let delay = 1; ; delay = Math.min(delay * 2, 25)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

// better-sqlite3's own error has the code; the adapter's wrapper keeps it as `cause.originalCode`.
function isSqliteBusy(error: unknown): boolean {
  const { code, cause } = error as { code?: unknown; cause?: { originalCode?: unknown } };
  const driverCode = cause?.originalCode ?? code;
  return typeof driverCode === "string" && driverCode.startsWith("SQLITE_BUSY");
}

function withImmediateTransactions(adapter: SqlDriverAdapter, client: Database.Database, lockWaitMs: number): SqlDriverAdapter {
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
    // The wait for earlier transactions counts against the same bound as the wait for the lock.
    const deadline = Date.now() + lockWaitMs;
    let release!: () => void;
    const previous = queue;
    queue = new Promise((resolve) => (release = resolve));
    await previous;
    try {
      await retryWhileBusy(async () => prepare("BEGIN IMMEDIATE").run(), deadline);
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

function releasingOnEnd(transaction: Transaction, release: () => void): Transaction {
  const commit = transaction.commit.bind(transaction);
  const rollback = transaction.rollback.bind(transaction);
  transaction.commit = () => commit().finally(release);
  transaction.rollback = () => rollback().finally(release);
  return transaction;
}
