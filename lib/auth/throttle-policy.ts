// How failed sign-ins are limited (lib/data/sign-in-throttle.ts applies it). Pure: no database.
const MINUTE = 60_000;

export interface ThrottleRule {
  /** Failures within `window` that lock the subject out. */
  failures: number;
  windowMs: number;
}

export const throttleRules = {
  // Guessing one person's password: a few tries, as a person mistyping would need.
  email: { failures: 5, windowMs: 15 * MINUTE },
  // One client trying many e-mails: more room, since several people may share an address (an
  // office behind one NAT), but a flood stops long before argon2 work adds up.
  address: { failures: 20, windowMs: 15 * MINUTE },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleKind = keyof typeof throttleRules;

const FIRST_LOCK_MS = 15 * MINUTE;
const LONGEST_LOCK_MS = 24 * 60 * MINUTE;
/** Locks within this period before a new one make it longer. */
export const LOCK_MEMORY_MS = 24 * 60 * MINUTE;

/** 15 minutes, doubled for each lock in the previous day, at most a day. */
export function lockDurationMs(recentLocks: number): number {
  return Math.min(FIRST_LOCK_MS * 2 ** Math.min(recentLocks, 16), LONGEST_LOCK_MS);
}

/** Whole minutes until `until`, at least one: what a person is told to wait. */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
}
