import "server-only";
import type { PrismaClient } from "@/lib/db/create-client";

/** Notes that keys were used, and writes it to the database later, many keys in one write. */
export interface KeyUseRecorder {
  /** Costs a map update: call it on every request. */
  note(keyId: string, at?: Date): void;
  /** Writes what was noted since the last flush (the timer calls it too). */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  close(): Promise<void>;
}

export interface KeyUseRecorderOptions {
  flushEveryMs?: number;
  /** Never given a secret: a failed flush names the error class and the number of keys only. */
  log?: (line: string) => void;
}

// A key's last use is shown to the minute: a key used all day costs one write a minute at most.
export const LAST_USED_RESOLUTION_MS = 60_000;
// Bounds memory whatever callers do: past this many keys waiting, newer uses are dropped until
// the next flush (a last-use time a minute late is acceptable; unbounded memory is not).
const MAX_PENDING_KEYS = 10_000;

/**
 * No /v3 request writes to the database: a key's last use is kept in memory and flushed every
 * `flushEveryMs` in one transaction, which waits for a lock without blocking the event loop
 * (lib/db/sqlite-adapter.ts) and is simply tried again at the next flush if the database is busy.
 * Per key and process, a use is written at most once a minute; the conditional UPDATE keeps
 * several instances to about one write a minute too. Raw SQL on purpose: Prisma's update would
 * also bump `updatedAt`, which the edit form uses to detect a concurrent change.
 */
export function createKeyUseRecorder(db: PrismaClient, { flushEveryMs = 1_000, log = console.error }: KeyUseRecorderOptions = {}): KeyUseRecorder {
  // Times in ms: a Date per request would be an allocation on the hot path for nothing.
  let pending = new Map<string, number>();
  const written = new Map<string, number>();
  let flushing: Promise<void> | null = null;

  async function write(batch: Map<string, number>): Promise<void> {
    try {
      await db.$transaction(
        [...batch].map(([keyId, at]) => {
          const cutoff = new Date(at - LAST_USED_RESOLUTION_MS);
          return db.$executeRaw`UPDATE "ApiKey" SET "lastUsedAt" = ${new Date(at)}
            WHERE "id" = ${keyId} AND ("lastUsedAt" IS NULL OR "lastUsedAt" <= ${cutoff})`;
        }),
      );
    } catch (error) {
      // Kept for the next flush, unless a newer use of the same key is already waiting.
      for (const [keyId, at] of batch) {
        written.delete(keyId);
        if (!pending.has(keyId) && pending.size < MAX_PENDING_KEYS) pending.set(keyId, at);
      }
      log(`[v3] could not record the last use of ${batch.size} key(s): ${error instanceof Error ? error.name : "error"}`);
    }
  }

  async function flush(): Promise<void> {
    // One flush at a time: one asked for meanwhile waits for it, then writes what came since.
    while (flushing) await flushing;
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    flushing = write(batch).finally(() => (flushing = null));
    await flushing;
  }

  const timer = setInterval(() => void flush(), flushEveryMs);
  timer.unref();

  return {
    note(keyId, at) {
      const time = at ? at.getTime() : Date.now();
      const last = written.get(keyId);
      if (last !== undefined && time - last < LAST_USED_RESOLUTION_MS) return;
      if (pending.size >= MAX_PENDING_KEYS && !pending.has(keyId)) return;
      if (written.size >= MAX_PENDING_KEYS) written.clear();
      written.set(keyId, time);
      pending.set(keyId, time);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
