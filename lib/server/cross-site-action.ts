import type { IncomingMessage, ServerResponse } from "node:http";

// Next refuses a server action whose Origin is not the host it was sent to, but with a 500 and a
// logged error. server.ts answers it first with a plain 403, by the same rule: the Origin's host
// must be the request's host (X-Forwarded-Host, as Next reads it, when a proxy sets one). A POST
// without an Origin is left to Next: every browser sends one with a server action's fetch.

type Request = Pick<IncomingMessage, "method" | "headers">;

export function isCrossSiteAction(req: Request): boolean {
  if (req.method !== "POST" || req.headers["next-action"] === undefined) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage: not this site
  }
  const forwarded = req.headers["x-forwarded-host"];
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || req.headers.host;
  return originHost !== host;
}

/** Answers a cross-site action 403; returns true when it did. */
export function refuseCrossSiteAction(req: Request, res: ServerResponse): boolean {
  if (!isCrossSiteAction(req)) return false;
  res.writeHead(403, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end("Cross-site request refused.\n");
  return true;
}
