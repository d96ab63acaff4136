// How much Email Activity keeps per account: the newest EMAIL_ACTIVITY_MAX_MESSAGES (1,000) and
// nothing older than EMAIL_ACTIVITY_MAX_AGE_DAYS (7), as SendGrid's free plans keep a few days.
export interface Retention {
  maxMessages: number;
  maxAgeDays: number;
}

export const defaultRetention: Retention = { maxMessages: 1000, maxAgeDays: 7 };

export function retentionFromEnv(env: Record<string, string | undefined> = process.env): Retention {
  return {
    maxMessages: positive(env.EMAIL_ACTIVITY_MAX_MESSAGES, "EMAIL_ACTIVITY_MAX_MESSAGES") ?? defaultRetention.maxMessages,
    maxAgeDays: positive(env.EMAIL_ACTIVITY_MAX_AGE_DAYS, "EMAIL_ACTIVITY_MAX_AGE_DAYS") ?? defaultRetention.maxAgeDays,
  };
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a whole number of at least 1, not "${value}"`);
  return number;
}
