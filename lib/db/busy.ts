// A database that is locked by someone else is an expected, temporary condition, not a fault:
// callers answer "busy, try again" (503 with Retry-After on /v3) instead of an internal error.

/**
 * How long any statement waits for another connection's lock before giving up, on either
 * database. SQLite waits by polling between timers (sqlite-adapter.ts), never in a synchronous
 * busy wait; PostgreSQL is asked for `lock_timeout`. Kept below Prisma's transaction `maxWait`
 * (create-client.ts) so that the clear "busy" error, not Prisma's own timeout, is what arrives.
 */
export const LOCK_WAIT_MS = 1_500;

/** Seconds a client is told to wait before trying again (Retry-After). */
export const RETRY_AFTER_SECONDS = 1;

// SQLITE_BUSY and its extended codes; PostgreSQL's lock_not_available (lock_timeout expired).
const BUSY_CODES = /^(SQLITE_BUSY|55P03$)/;
// Prisma's "Unable to start a transaction in the given time": its transaction queue was full
// for longer than maxWait, which only happens while the database is locked.
const PRISMA_TRANSACTION_START_TIMEOUT = "P2028";

/** True for an error that means "the database is locked by someone else right now". */
export function isDatabaseBusy(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, originalCode, meta, cause } = current as Record<string, unknown>;
    if (code === PRISMA_TRANSACTION_START_TIMEOUT) return true;
    for (const candidate of [code, originalCode]) {
      if (typeof candidate === "string" && BUSY_CODES.test(candidate)) return true;
    }
    // Prisma keeps the driver's own error under meta.driverAdapterError.
    const adapterError = (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
    current = adapterError ?? cause;
  }
  return false;
}
