// Keyward's own messages (invitations, password resets) leave through SMTP_URL when it is set.
// Pure: no I/O, so pages can ask whether mail is configured without opening a connection.
type Env = Record<string, string | undefined>;

export function isOutgoingMailConfigured(env: Env = process.env): boolean {
  return Boolean(env.SMTP_URL?.trim());
}

/**
 * The address people reach Keyward at, for links in messages and CLI output. Taken from AUTH_URL,
 * never from a request's Host header: a forged Host would otherwise put an attacker's site into a
 * reset link mailed to a victim.
 */
export function appOrigin(env: Env = process.env): string {
  const configured = env.AUTH_URL?.trim();
  if (configured) return new URL(configured).origin;
  return `http://localhost:${env.PORT ?? 3000}`;
}

export function senderAddress(env: Env = process.env): string {
  return env.MAIL_FROM?.trim() || `Keyward <keyward@${new URL(appOrigin(env)).hostname}>`;
}
