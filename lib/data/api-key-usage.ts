import "server-only";
import { Prisma, type PrismaClient } from "@/lib/db/create-client";
import { UsageCounter, hourStart, type UsageRow } from "@/lib/usage/counter";
import { USAGE_RETENTION_MS } from "@/lib/usage/series";

/** Notes that keys were used, and writes it to the database later, many keys in one write. */
export interface KeyUseRecorder {
  /** One authenticated /v3 request: its key's last use and the hour's request count. Costs a map update. */
  note(keyId: string, at?: Date): void;
  /** Messages accepted for sending with this key (counted per hour; also a use of the key). */
  noteMessages(keyId: string, count: number, at?: Date): void;
  /** Writes what was noted since the last flush (the timer calls it too). */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  close(): Promise<void>;
}

export interface KeyUseRecorderOptions {
  flushEveryMs?: number;
  /** Never given a secret: a failed flush names the error class and the number of keys only. */
  log?: (line: string) => void;
  /** The clock hours older than 30 days are pruned by (tests pass their own). */
  now?: () => number;
}

// A key's last use is shown to the minute: a key used all day costs one write a minute at most.
export const LAST_USED_RESOLUTION_MS = 60_000;
// Bounds memory whatever callers do: past this many keys waiting, newer uses are dropped until
// the next flush (a last-use time a minute late is acceptable; unbounded memory is not).
const MAX_PENDING_KEYS = 10_000;
// Rows per INSERT: 4 parameters each, far below SQLite's and PostgreSQL's parameter limits.
const ROWS_PER_INSERT = 500;
// After a failed flush (a database locked elsewhere, mostly), the timer waits this long before
// trying again, doubling up to the maximum: a flush waiting for a lock holds SQLite's one write
// slot for the whole lock wait, and one every second would starve the writes people asked for.
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

/**
 * No /v3 request writes to the database: a key's last use and its hourly counts are kept in
 * memory and flushed every `flushEveryMs` in one transaction, which waits for a lock without
 * blocking the event loop (lib/db/sqlite-adapter.ts) and is simply tried again at the next flush
 * if the database is busy. Per key and process, a use is written at most once a minute; the
 * conditional UPDATE keeps several instances to about one write a minute too. Raw SQL on purpose:
 * Prisma's update would also bump `updatedAt`, which the edit form uses to detect a concurrent
 * change. Counts are added to the stored ones (never set), so any number of instances may flush
 * the same key and hour; once an hour, the flush also deletes hours past the 30 days kept.
 */
export function createKeyUseRecorder(
  db: PrismaClient,
  { flushEveryMs = 1_000, log = console.error, now = Date.now }: KeyUseRecorderOptions = {},
): KeyUseRecorder {
  // Times in ms: a Date per request would be an allocation on the hot path for nothing.
  let pending = new Map<string, number>();
  const written = new Map<string, number>();
  const counts = new UsageCounter();
  let prunedHour = -1;
  let flushing: Promise<void> | null = null;
  let retryDelay = 0;
  let retryAt = 0;

  function noteUse(keyId: string, time: number): void {
    const last = written.get(keyId);
    if (last !== undefined && time - last < LAST_USED_RESOLUTION_MS) return;
    if (pending.size >= MAX_PENDING_KEYS && !pending.has(keyId)) return;
    if (written.size >= MAX_PENDING_KEYS) written.clear();
    written.set(keyId, time);
    pending.set(keyId, time);
  }

  async function write(batch: Map<string, number>, rows: UsageRow[], pruneBefore: Date | null): Promise<void> {
    try {
      await db.$transaction([
        ...[...batch].map(([keyId, at]) => {
          const cutoff = new Date(at - LAST_USED_RESOLUTION_MS);
          return db.$executeRaw`UPDATE "ApiKey" SET "lastUsedAt" = ${new Date(at)}
            WHERE "id" = ${keyId} AND ("lastUsedAt" IS NULL OR "lastUsedAt" <= ${cutoff})`;
        }),
        ...chunks(rows, ROWS_PER_INSERT).map((chunk) => addUsage(db, chunk)),
        ...(pruneBefore ? [db.apiKeyUsage.deleteMany({ where: { hourStart: { lt: pruneBefore } } })] : []),
      ]);
      retryDelay = 0;
    } catch (error) {
      retryDelay = Math.min(RETRY_MAX_MS, retryDelay === 0 ? RETRY_FIRST_MS : retryDelay * 2);
      retryAt = Date.now() + retryDelay;
      // Kept for the next flush, unless a newer use of the same key is already waiting; counts
      // are added back to whatever was counted meanwhile (the transaction wrote none of them).
      for (const [keyId, at] of batch) {
        written.delete(keyId);
        if (!pending.has(keyId) && pending.size < MAX_PENDING_KEYS) pending.set(keyId, at);
      }
      counts.restore(rows);
      if (pruneBefore) prunedHour = -1;
      log(
        `[v3] could not record key use (${batch.size} key(s), ${rows.length} usage row(s)): ${error instanceof Error ? error.name : "error"}`,
      );
    }
  }

  async function flush(): Promise<void> {
    // One flush at a time: one asked for meanwhile waits for it, then writes what came since.
    while (flushing) await flushing;
    const hour = hourStart(now());
    const prune = hour !== prunedHour;
    if (pending.size === 0 && counts.size === 0 && !prune) return;
    prunedHour = hour;
    if (counts.dropped > 0) {
      log(`[v3] usage counts over the in-memory bound: ${counts.dropped} request(s) or message(s) not counted`);
      counts.dropped = 0;
    }
    const batch = pending;
    pending = new Map();
    flushing = write(batch, counts.take(), prune ? new Date(hour - USAGE_RETENTION_MS) : null).finally(() => (flushing = null));
    await flushing;
  }

  // The timer holds back after a failure; flush() and close() asked for directly always try.
  const timer = setInterval(() => {
    if (retryDelay === 0 || Date.now() >= retryAt) void flush();
  }, flushEveryMs);
  timer.unref();

  const self: KeyUseRecorder = {
    note(keyId, at) {
      const time = at ? at.getTime() : Date.now();
      counts.add(keyId, time, 1, 0);
      noteUse(keyId, time);
    },
    noteMessages(keyId, count, at) {
      const time = at ? at.getTime() : Date.now();
      counts.add(keyId, time, 0, count);
      noteUse(keyId, time);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
      if (recorders.get(db) === self) recorders.delete(db);
    },
  };
  return self;
}

// Additive: another instance may have written the same key and hour since, and both counts stay.
function addUsage(db: PrismaClient, rows: readonly UsageRow[]) {
  const values = Prisma.join(rows.map((row) => Prisma.sql`(${row.keyId}, ${new Date(row.hourStart)}, ${row.requests}, ${row.messages})`));
  return db.$executeRaw`INSERT INTO "ApiKeyUsage" ("apiKeyId", "hourStart", "requests", "messages") VALUES ${values}
    ON CONFLICT ("apiKeyId", "hourStart") DO UPDATE SET
      "requests" = "ApiKeyUsage"."requests" + excluded."requests",
      "messages" = "ApiKeyUsage"."messages" + excluded."messages"`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

const recorders = new WeakMap<PrismaClient, KeyUseRecorder>();

/**
 * The process's recorder for this database client, shared by the /v3 handler and the mail
 * pipeline (which counts messages from /v3/mail/send and SMTP). The first caller's options apply.
 */
export function keyUseRecorderFor(db: PrismaClient, options?: KeyUseRecorderOptions): KeyUseRecorder {
  let recorder = recorders.get(db);
  if (!recorder) {
    recorder = createKeyUseRecorder(db, options);
    recorders.set(db, recorder);
  }
  return recorder;
}
