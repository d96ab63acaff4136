import type { RouteHandler } from "./route-handler";
import { jsonText } from "./responses";

// Each distinct scope list is serialised once: a Full Access key's body is 4 KB of JSON that
// would otherwise be rebuilt on every request. Keyed by the shared list (parseKeyScopes).
const bodies = new WeakMap<readonly string[], string>();

function scopesBody(scopes: readonly string[]): string {
  let body = bodies.get(scopes);
  if (body === undefined) {
    body = JSON.stringify({ scopes });
    bodies.set(scopes, body);
  }
  return body;
}

// GET /v3/scopes: the calling key's own scopes, as read on this request.
export const scopesRoute: RouteHandler = async ({ caller }) => jsonText(200, scopesBody(caller.scopes));
