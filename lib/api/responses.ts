import { RETRY_AFTER_SECONDS } from "@/lib/db/busy";
import { USE_THE_FULL_KEY } from "@/lib/keys/parse";
import type { ServerResponse } from "node:http";

/** SendGrid's error body: `{"errors":[{"field":…,"message":…}]}`. */
export interface ErrorBody {
  errors: { field: string | null; message: string }[];
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  /** The body already serialised as JSON, sent as is (instead of `body`). */
  bodyText?: string;
  headers?: Record<string, string>;
}

export function json(status: number, body: unknown): ApiResponse {
  return { status, body };
}

export function jsonText(status: number, bodyText: string): ApiResponse {
  return { status, bodyText };
}

export function apiError(status: number, message: string, field: string | null = null, headers?: Record<string, string>): ApiResponse {
  const body: ErrorBody = { errors: [{ field, message }] };
  return headers ? { status, body, headers } : { status, body };
}

export const errors = {
  unauthorized: () => apiError(401, "authorization required"),
  // The page shows a key's 22-character ID next to its name, and people paste it where the key
  // belongs. Still SendGrid's 401 and shape, starting with its words; decided on the token's format
  // alone, so it reveals nothing about which ids exist.
  keyIdNotKey: () => apiError(401, `authorization required: this looks like an API key ID, which alone is not the key; ${USE_THE_FULL_KEY}`),
  forbidden: () => apiError(403, "access forbidden"),
  notFound: () => apiError(404, "unable to find API Key"),
  noRoute: () => apiError(404, "resource not found"),
  badJson: () => apiError(400, "request body is invalid JSON"),
  notAnObject: () => apiError(400, "request body must be a JSON object"),
  tooLarge: () => apiError(413, "request body is too large"),
  onBehalfOfUnsupported: () => apiError(400, "on-behalf-of is not supported", "on-behalf-of"),
  methodNotAllowed: (allow: readonly string[]) => apiError(405, "method not allowed", null, { allow: allow.join(", ") }),
  // The database is locked by someone else; nothing was changed. Clients may retry after a second.
  busy: () => apiError(503, "service busy, try again", null, { "retry-after": String(RETRY_AFTER_SECONDS) }),
  internal: (): ApiResponse => ({ status: 500, body: { errors: [{ message: "internal server error" }] } }),
} as const;

// Requests on /v3 bypass Next.js, so they get none of its headers: these are the ones they need,
// with the process's security headers (server.ts passes them; see lib/server/security-headers.ts).
const baseHeaders = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
} as const;

export type Send = (res: ServerResponse, response: ApiResponse) => void;

/**
 * The answer writer of the /v3 handler. The fixed headers are built once, as the flat
 * [name, value, …] list writeHead takes as is: per request only the length (and a route's own
 * headers, e.g. Allow) are added, and the body goes out as one string with the head.
 */
export function createSend(securityHeaders: Readonly<Record<string, string>> = {}): Send {
  const fixed: Record<string, string> = { ...baseHeaders };
  for (const [name, value] of Object.entries(securityHeaders)) fixed[name.toLowerCase()] = value;
  const bare = Object.entries(fixed).flat();
  const withJson = [...bare, "content-type", "application/json; charset=utf-8"];

  return (res, response) => {
    const own = response.headers ? Object.entries(response.headers).flat() : [];
    if (response.status === 204 || (response.body === undefined && response.bodyText === undefined)) {
      res.writeHead(response.status, own.length ? [...bare, ...own] : bare);
      res.end();
      return;
    }
    const payload = response.bodyText ?? JSON.stringify(response.body);
    res.writeHead(response.status, [...withJson, ...own, "content-length", String(Buffer.byteLength(payload))]);
    res.end(payload);
  };
}
