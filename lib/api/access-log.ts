import pino, { type DestinationStream, type Logger } from "pino";
import { z } from "zod";

/** One /v3 request, as the access log records it: never a secret, a body or a header. */
export interface AccessEntry {
  method: string;
  /** The route's pattern (`/v3/api_keys/{api_key_id}`), never the raw URL, which holds ids. */
  route: string;
  status: number | "aborted";
  ms: number;
}

export interface ApiLog {
  access(entry: AccessEntry): void;
  /** Messages are written by our code, never from a driver's error text (it may quote values). */
  error(message: string): void;
}

const levelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
  error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
});

/**
 * The process's structured logger: JSON lines on stdout by default. The destination is
 * asynchronous (pino's SonicBoom): a request only appends to a buffer, and the buffer is written
 * while the event loop is otherwise idle, so logging stays off the request path. pino flushes it
 * on exit. LOG_LEVEL=warn (or error, silent) leaves out the per-request access lines.
 */
export function createLogger(
  destination: DestinationStream = pino.destination({ dest: 1, sync: false }),
  level: string = process.env.LOG_LEVEL || "info",
): Logger {
  // Belt and braces: no code here logs a request's headers, but should one ever do so, these go.
  const redact = { paths: ["req.headers.authorization", "headers.authorization", "authorization"], censor: "[redacted]" };
  return pino({ level: levelSchema.parse(level), redact, base: { pid: process.pid } }, destination);
}

export function apiLog(logger: Logger): ApiLog {
  return {
    access: (entry) => logger.info(entry, "v3"),
    error: (message) => logger.error(message),
  };
}
