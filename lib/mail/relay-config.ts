import type SMTPPool from "nodemailer/lib/smtp-pool";

// The optional upstream relay: with SMTP_RELAY_URL set, every accepted message is also delivered
// through it (lib/mail/delivery-worker.ts). The URL's password never reaches a log: `display`
// is the URL without it, and is what start-up prints.
export interface UpstreamRelayConfig {
  transport: SMTPPool.Options;
  /** smtp://user@host:port, without the password. */
  display: string;
  /** First retry after a temporary failure; each further one waits twice as long, up to maxRetryMs. */
  retryMs: number;
  maxRetryMs: number;
  /** A message still undelivered this long after it was accepted bounces (72 hours, as Postfix and Exim give up after a few days). */
  maxAgeMs: number;
}

type Env = Record<string, string | undefined>;

export function upstreamRelayConfig(env: Env = process.env): UpstreamRelayConfig | null {
  const raw = env.SMTP_RELAY_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error("SMTP_RELAY_URL is not a URL: use smtp://user:password@host:587 or smtps://user:password@host:465");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new Error(`SMTP_RELAY_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  }
  if (!url.hostname) throw new Error("SMTP_RELAY_URL names no host");
  const secure = url.protocol === "smtps:";
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  const display = `${url.protocol}//${user ? `${encodeURIComponent(user)}@` : ""}${url.host}`;
  return {
    transport: {
      host: url.hostname.replace(/^\[|\]$/g, ""),
      port,
      secure,
      // smtp:// upgrades with STARTTLS whenever the upstream offers it.
      ...(user ? { auth: { user, pass } } : {}),
      pool: true,
      maxConnections: 5,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 120_000,
      logger: false,
    },
    display,
    retryMs: seconds(env.SMTP_RELAY_RETRY_SECONDS, "SMTP_RELAY_RETRY_SECONDS", 60) * 1000,
    maxRetryMs: seconds(env.SMTP_RELAY_MAX_RETRY_SECONDS, "SMTP_RELAY_MAX_RETRY_SECONDS", 60 * 60) * 1000,
    maxAgeMs: seconds(env.SMTP_RELAY_MAX_AGE_HOURS, "SMTP_RELAY_MAX_AGE_HOURS", 72) * 60 * 60 * 1000,
  };
}

function seconds(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const number = Number(value);
  if (!(Number.isFinite(number) && number > 0)) throw new Error(`${name} must be a positive number, not "${value}"`);
  return number;
}
