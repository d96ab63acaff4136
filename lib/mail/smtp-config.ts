import { readFileSync } from "node:fs";

export interface SmtpRelayConfig {
  port: number;
  tls?: { cert: string; key: string };
}

/** SMTP_PORT (default 2525); STARTTLS when SMTP_TLS_CERT and SMTP_TLS_KEY name PEM files. */
export function smtpRelayConfig(env: Record<string, string | undefined> = process.env): SmtpRelayConfig {
  const port = env.SMTP_PORT ? Number(env.SMTP_PORT) : 2525;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SMTP_PORT must be a port number, not "${env.SMTP_PORT}"`);
  const certFile = env.SMTP_TLS_CERT;
  const keyFile = env.SMTP_TLS_KEY;
  if (!certFile !== !keyFile) throw new Error("Set both SMTP_TLS_CERT and SMTP_TLS_KEY, or neither");
  if (!certFile || !keyFile) return { port };
  return { port, tls: { cert: readFileSync(certFile, "utf8"), key: readFileSync(keyFile, "utf8") } };
}
