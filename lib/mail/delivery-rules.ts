import type { DeliveryAttempt } from "@/lib/data/email-delivery";
import type { UpstreamRelayConfig } from "./relay-config";

// Pure rules of the upstream relay: what a failure means, when to try again, what leaves.

const MAX_RESPONSE = 500;

/**
 * A failed attempt: a 5xx answer bounces (permanent, as RFC 5321 says); a 4xx, a connection or
 * TLS failure, a timeout, and a refused relay login defer. A wrong relay password is Keyward's own
 * misconfiguration, not the recipient's: like Postfix, it defers instead of bouncing every message.
 */
export function classifyFailure(error: unknown): Pick<DeliveryAttempt, "outcome" | "response"> {
  const failure = (error ?? {}) as { responseCode?: unknown; response?: unknown; code?: unknown; message?: unknown };
  const code = typeof failure.responseCode === "number" ? failure.responseCode : null;
  const response = typeof failure.response === "string" && failure.response.trim() !== ""
    ? failure.response.trim()
    : `${typeof failure.code === "string" ? `${failure.code}: ` : ""}${typeof failure.message === "string" ? failure.message : "delivery failed"}`;
  const permanent = code !== null && code >= 500 && code < 600 && failure.code !== "EAUTH";
  return { outcome: permanent ? "bounced" : "deferred", response: oneLine(response) };
}

/** The wait before attempt n + 1 after n attempts: retryMs, then doubling, at most maxRetryMs. */
export function nextAttemptDelay(attempts: number, relay: Pick<UpstreamRelayConfig, "retryMs" | "maxRetryMs">): number {
  return Math.min(relay.retryMs * 2 ** Math.max(0, attempts - 1), relay.maxRetryMs);
}

/**
 * The source as it leaves: Email Activity keeps the Bcc header so the page can show it, but the
 * recipients must never see it, so it is removed (with its folded lines) from the header block.
 */
export function relayedSource(raw: string): string {
  const end = raw.search(/\r?\n\r?\n/);
  if (end === -1) return raw;
  const newline = raw.slice(end).startsWith("\r\n") ? "\r\n" : "\n";
  const kept: string[] = [];
  let dropping = false;
  for (const line of raw.slice(0, end).split(/\r?\n/)) {
    // A line starting with white space continues the header before it.
    if (!/^[ \t]/.test(line)) dropping = /^bcc\s*:/i.test(line);
    if (!dropping) kept.push(line);
  }
  return kept.join(newline) + raw.slice(end);
}

function oneLine(text: string): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, " ").trim();
  return line.length > MAX_RESPONSE ? `${line.slice(0, MAX_RESPONSE - 1)}…` : line;
}
