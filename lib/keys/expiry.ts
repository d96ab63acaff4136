// Expiry arithmetic for API keys: pure, with the clock passed in, so tests need no waits.

const DAY_MS = 86_400_000;

/** What the create form offers: never (the default), a number of days, or a date. */
export const expiryChoices = ["never", "7", "30", "90", "date"] as const;
export type ExpiryChoice = (typeof expiryChoices)[number];

/** How long a rolled key keeps working beside its replacement. */
export const rollGraces = { now: 0, "1h": 3_600_000, "24h": DAY_MS, "7d": 7 * DAY_MS } as const;
export type RollGrace = keyof typeof rollGraces;

export const rollGraceLabels: Record<RollGrace, string> = {
  now: "Expire now",
  "1h": "In 1 hour",
  "24h": "In 24 hours",
  "7d": "In 7 days",
};

/**
 * When a new key expires. A date ("YYYY-MM-DD") means the start of that day in UTC, so a key
 * "expiring on 1 March" no longer works on 1 March wherever its users are.
 */
export function expiryFromChoice(choice: ExpiryChoice, date: string | undefined, now: Date): Date | null {
  if (choice === "never") return null;
  if (choice === "date") return date ? new Date(`${date}T00:00:00.000Z`) : null;
  return new Date(now.getTime() + Number(choice) * DAY_MS);
}

/** The old key's new expiry after a roll: never later than an expiry it already had. */
export function rolledExpiry(current: Date | null, grace: RollGrace, now: Date): Date {
  const end = new Date(now.getTime() + rollGraces[grace]);
  return current && current < end ? current : end;
}

export type KeyStatus = "active" | "expired" | "disabled";

/** Expired wins over disabled: an expired key can never come back, a disabled one can. */
export function keyStatus(key: { expiresAt: string | Date | null; disabledAt: string | Date | null }, now: Date): KeyStatus {
  if (key.expiresAt !== null && new Date(key.expiresAt).getTime() <= now.getTime()) return "expired";
  return key.disabledAt !== null ? "disabled" : "active";
}
