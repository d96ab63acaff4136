import type { ServerOptions } from "node:http";

// Limits for server.ts's node:http server. Node's defaults let a client hold a connection open
// for a minute while sending its headers a byte at a time (headersTimeout 60 s, requestTimeout
// 300 s), and only look for such clients every 30 s: a handful of slow clients could tie up the
// server. These bound every stage of a request. The environment may only shorten them (tests do).
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
// Shorter than the headers timeout (Node requires it) and longer than a load balancer's usual
// idle timeout would be wrong: a proxy in front should close idle connections first.
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
// How many requests one connection may carry before the server closes it, so a client cannot
// keep one socket forever.
export const MAX_REQUESTS_PER_SOCKET = 1_000;

export interface HttpLimits {
  options: ServerOptions;
  maxRequestsPerSocket: number;
}

type Env = Readonly<Record<string, string | undefined>>;

export function httpLimits(env: Env = process.env): HttpLimits {
  const headersTimeout = shortened(env.KEYWARD_HEADERS_TIMEOUT_MS, HEADERS_TIMEOUT_MS);
  const requestTimeout = Math.max(headersTimeout, shortened(env.KEYWARD_REQUEST_TIMEOUT_MS, REQUEST_TIMEOUT_MS));
  return {
    options: {
      headersTimeout,
      requestTimeout,
      keepAliveTimeout: Math.min(KEEP_ALIVE_TIMEOUT_MS, headersTimeout),
      // Timeouts are only enforced when Node checks its connections: at most a second late.
      connectionsCheckingInterval: Math.min(1_000, Math.ceil(headersTimeout / 4)),
    },
    maxRequestsPerSocket: MAX_REQUESTS_PER_SOCKET,
  };
}

/** A whole number of milliseconds from the environment, at most `limit`; `limit` otherwise. */
function shortened(value: string | undefined, limit: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? Math.min(parsed, limit) : limit;
}
