// What the pages draw from stored hourly counts: pure, the clock passed in.
import { HOUR_MS, hourStart } from "./counter";

const DAY_MS = 24 * HOUR_MS;

/** Hours older than this are deleted; what the pages show fits well inside it. */
export const USAGE_RETENTION_MS = 30 * DAY_MS;
/** A key with no use for this long (and at least this old) is marked "Unused". */
export const UNUSED_AFTER_MS = 30 * DAY_MS;

export interface StoredUsage {
  hourStart: Date;
  requests: number;
  messages: number;
}

export interface UsagePoint {
  /** ISO start of the hour or the UTC day. */
  start: string;
  requests: number;
  messages: number;
}

/**
 * The last `hours` hours, the current one (still counting) last; hours without use are zeros.
 * The page draws hourlySparkline, which skips this step; this and sparkline() are the reference
 * its property test (series.test.ts) checks it against.
 */
export function hourlySeries(rows: readonly StoredUsage[], now: Date, hours = 24): UsagePoint[] {
  const last = hourStart(now.getTime());
  return fill(rows, last - (hours - 1) * HOUR_MS, HOUR_MS, hours, (time) => hourStart(time));
}

/** The last `days` UTC days, today (still counting) last. */
export function dailySeries(rows: readonly StoredUsage[], now: Date, days = 7): UsagePoint[] {
  const today = dayStart(now.getTime());
  return fill(rows, today - (days - 1) * DAY_MS, DAY_MS, days, dayStart);
}

/** Where the key page's query starts: the first hour of the oldest day drawn. */
export function dailySeriesSince(now: Date, days = 7): Date {
  return new Date(dayStart(now.getTime()) - (days - 1) * DAY_MS);
}

/** Where the list's query starts: the oldest hour of the sparkline. */
export function hourlySeriesSince(now: Date, hours = 24): Date {
  return new Date(hourStart(now.getTime()) - (hours - 1) * HOUR_MS);
}

function dayStart(time: number): number {
  return time - (time % DAY_MS);
}

function fill(rows: readonly StoredUsage[], first: number, step: number, count: number, slot: (time: number) => number): UsagePoint[] {
  const points = Array.from({ length: count }, (_, index) => ({ start: new Date(first + index * step).toISOString(), requests: 0, messages: 0 }));
  for (const row of rows) {
    const index = (slot(row.hourStart.getTime()) - first) / step;
    const point = points[index];
    if (point === undefined) continue;
    point.requests += row.requests;
    point.messages += row.messages;
  }
  return points;
}

/**
 * "Unused": no use for 30 days. Precisely: the key was created more than 30 days ago and either
 * was never used, or its last use (requests or messages, noted to the minute) is more than 30
 * days old. A key younger than 30 days is never "Unused", so a new key is not flagged at once.
 */
export function isUnused(key: { createdAt: string | Date; lastUsedAt: string | Date | null }, now: Date): boolean {
  const limit = now.getTime() - UNUSED_AFTER_MS;
  if (epochMs(key.createdAt) > limit) return false;
  return key.lastUsedAt === null || epochMs(key.lastUsedAt) <= limit;
}

// Date.parse, not new Date(): the list calls this for each of its keys.
function epochMs(time: string | Date): number {
  return typeof time === "string" ? Date.parse(time) : time.getTime();
}

export function totals(points: readonly UsagePoint[]): { requests: number; messages: number } {
  let requests = 0;
  let messages = 0;
  for (const point of points) {
    requests += point.requests;
    messages += point.messages;
  }
  return { requests, messages };
}

/** What the list's sparkline needs, and no more: 100 keys of it stay a few KB in the page. */
export interface SparklineDTO {
  requests: number;
  messages: number;
  /** Requests and messages together, one number per hour, oldest first. */
  hourly: number[];
}

export function sparkline(points: readonly UsagePoint[]): SparklineDTO {
  return { ...totals(points), hourly: points.map((point) => point.requests + point.messages) };
}

/**
 * The same as `sparkline(hourlySeries(rows, now, hours))`, for the list's 100 keys: straight from
 * the stored rows into one array of numbers, without a Date or an ISO string per hour.
 */
export function hourlySparkline(rows: readonly StoredUsage[], now: Date, hours = 24): SparklineDTO {
  const first = hourStart(now.getTime()) - (hours - 1) * HOUR_MS;
  const hourly = new Array<number>(hours).fill(0);
  let requests = 0;
  let messages = 0;
  for (const row of rows) {
    const index = (hourStart(row.hourStart.getTime()) - first) / HOUR_MS;
    if (!(index >= 0 && index < hours)) continue;
    hourly[index]! += row.requests + row.messages;
    requests += row.requests;
    messages += row.messages;
  }
  return { requests, messages, hourly };
}

// One formatter for every count: toLocaleString builds a new one on each call.
const counts = new Intl.NumberFormat("en-US");

export function countText(count: number, one: string, many: string): string {
  return `${counts.format(count)} ${count === 1 ? one : many}`;
}
