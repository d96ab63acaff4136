import { json } from "./responses";
import type { RouteHandler } from "./route-handler";

// GET /v3/scopes: the calling key's own scopes, as read on this request.
export const scopesRoute: RouteHandler = async ({ caller }) => json(200, { scopes: caller.scopes });
