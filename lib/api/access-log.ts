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

// Lines wait in memory until this many bytes are there, or at most FLUSH_MS: one write(2) for
// dozens of lines instead of one each (under load, one per request was a few % of the /v3 path).
const BUFFER_BYTES = 8 * 1024;
const FLUSH_MS = 250;

function bufferedStdout(): DestinationStream {
  // periodicFlush's timer is unref'd by SonicBoom: it never keeps the process alive.
  return pino.destination({ dest: 1, sync: false, minLength: BUFFER_BYTES, periodicFlush: FLUSH_MS });
}

/**
 * The process's structured logger: JSON lines on stdout by default. The destination is
 * asynchronous (pino's SonicBoom): a request only appends to a buffer, and the buffer is written
 * in large writes while the event loop is otherwise idle, so logging stays off the request path.
 * pino flushes it on exit (a SIGKILL loses at most the last quarter second of lines).
 * LOG_LEVEL=warn (or error, silent) leaves out the per-request access lines.
 */
export function createLogger(
  destination: DestinationStream = bufferedStdout(),
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
