// Requests and messages per key per hour, counted in memory until a flush takes them. Pure: no
// I/O, no clock of its own (the caller passes the time), so tests control every hour boundary.

export const HOUR_MS = 3_600_000;

/** The start of the UTC hour holding `time` (ms since the epoch). */
export function hourStart(time: number): number {
  return time - (time % HOUR_MS);
}

export interface UsageRow {
  keyId: string;
  /** ms since the epoch, on an hour boundary. */
  hourStart: number;
  requests: number;
  messages: number;
}

interface Counts {
  requests: number;
  messages: number;
}

/**
 * Counting is a Map lookup and an increment: the hour's map is kept at hand, so the common case
 * (the same hour as the previous call) does no second lookup and allocates nothing once the key
 * has a counter this hour.
 */
export class UsageCounter {
  private hours = new Map<number, Map<string, Counts>>();
  private hour = -1;
  private current: Map<string, Counts> | undefined;
  private entries = 0;
  /** Requests and messages not counted because `maxEntries` (key-hours) were already waiting. */
  dropped = 0;

  constructor(private readonly maxEntries = 100_000) {}

  /** Key-hours waiting. */
  get size(): number {
    return this.entries;
  }

  add(keyId: string, time: number, requests: number, messages: number): void {
    const hour = time - (time % HOUR_MS);
    let bucket = this.current;
    if (hour !== this.hour || bucket === undefined) {
      bucket = this.hours.get(hour);
      if (bucket === undefined) {
        bucket = new Map();
        this.hours.set(hour, bucket);
      }
      this.hour = hour;
      this.current = bucket;
    }
    let counts = bucket.get(keyId);
    if (counts === undefined) {
      // Bounds memory whatever happens to the database: past the bound, counts are dropped (and
      // reported by the flush) rather than kept without limit.
      if (this.entries >= this.maxEntries) {
        this.dropped += requests + messages;
        return;
      }
      counts = { requests: 0, messages: 0 };
      bucket.set(keyId, counts);
      this.entries++;
    }
    counts.requests += requests;
    counts.messages += messages;
  }

  /** Everything counted so far, one row per key and hour; the counter starts empty again. */
  take(): UsageRow[] {
    const rows: UsageRow[] = [];
    for (const [hour, bucket] of this.hours) {
      for (const [keyId, counts] of bucket) rows.push({ keyId, hourStart: hour, requests: counts.requests, messages: counts.messages });
    }
    this.hours = new Map();
    this.hour = -1;
    this.current = undefined;
    this.entries = 0;
    return rows;
  }

  /** Puts back rows a failed write did not store, added to whatever was counted meanwhile. */
  restore(rows: readonly UsageRow[]): void {
    for (const row of rows) this.add(row.keyId, row.hourStart, row.requests, row.messages);
  }
}
