import { RETRY_AFTER_SECONDS } from "@/lib/db/busy";
import type { Failure } from "@/lib/data/result";

/**
 * How the page's own JSON routes answer a lib/data failure: `{"error": message}`. "Busy" is the
 * database locked by someone else, nothing changed: 503 with Retry-After, so a poller waits and
 * tries again, never 403 (which reads as "you may not"). A route decides 401 itself, before.
 */
export function failureResponse(failure: Failure): Response {
  if (failure.code === "busy") {
    return Response.json({ error: failure.message }, { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" } });
  }
  return Response.json({ error: failure.message }, { status: failure.code === "not_found" ? 404 : 403 });
}
