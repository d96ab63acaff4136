import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import type { PrismaClient } from "@/lib/db/create-client";
import type { KeyLookup } from "@/lib/data/api-key-lookup";
import { apiKeyContext, authenticateApiKey, recordApiKeyUse, type ApiCaller } from "@/lib/data/api-auth";
import { readJsonBody } from "./body";
import { errors, send, type ApiResponse } from "./responses";
import { matchRoute, type Method, type Operation } from "./routes";

export interface ApiHandlerOptions {
  db: PrismaClient;
  /** How keys are found on each request (createKeyLookup); lib/data functions use `db`. */
  keys: KeyLookup;
  /** One line per request; never given a secret, a body or the Authorization header. */
  log?: (line: string) => void;
}

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => void;

const BEARER = /^Bearer +(\S+) *$/i;
// A key in the URL ends up in proxy logs and browser history: such a request is refused outright.
const KEY_IN_QUERY = /(^|[?&])(api_?key|access_token|token|key)=|SG\.[A-Za-z0-9_-]{10,}/i;

/** The /v3 API as a plain node:http handler (server.ts mounts it; tests start it on their own). */
export function createApiHandler({ db, keys, log = (line) => console.log(line) }: ApiHandlerOptions): ApiHandler {
  return (req, res) => {
    const started = performance.now();
    let label = "(no route)";
    let caller: ApiCaller | null = null;
    // "close" rather than "finish": a client that hangs up early is logged too.
    res.once("close", () => {
      const status = res.writableFinished ? String(res.statusCode) : "aborted";
      log(`[v3] ${req.method} ${label} ${status} ${(performance.now() - started).toFixed(1)}ms`);
      // After the response: recording the last use is never on the request's critical path.
      if (caller) {
        const keyId = caller.keyId;
        setImmediate(() => void recordApiKeyUse(db, keyId, new Date(), log));
      }
    });
    respond(req, db, keys, (matched, authenticated) => {
      label = matched;
      caller = authenticated;
    })
      .catch((error: unknown) => {
        // Unexpected: the name only (messages of driver errors may quote query values).
        log(`[v3] ${req.method} ${label} failed: ${error instanceof Error ? error.name : "error"}`);
        return errors.internal();
      })
      .then((response) => {
        if (!res.headersSent) send(res, response);
      })
      .catch(() => res.destroy());
  };
}

async function respond(
  req: IncomingMessage,
  db: PrismaClient,
  keys: KeyLookup,
  note: (label: string, caller: ApiCaller | null) => void,
): Promise<ApiResponse> {
  const target = req.url ?? "/";
  const queryStart = target.indexOf("?");
  const pathname = queryStart === -1 ? target : target.slice(0, queryStart);
  const search = queryStart === -1 ? "" : target.slice(queryStart);
  if (KEY_IN_QUERY.test(search)) return errors.unauthorized();

  const match = matchRoute(pathname);
  if (!match) return errors.noRoute();
  note(match.route.path, null);
  const operations = match.route.operations;
  const operation: Operation | undefined = operations[req.method as Method];
  if (!operation) return errors.methodNotAllowed(Object.keys(operations));

  const token = BEARER.exec(req.headers.authorization ?? "")?.[1];
  const caller = token ? await authenticateApiKey(keys, token) : null;
  if (!caller) return errors.unauthorized();
  note(match.route.path, caller);
  if (!operation.keyTypes.includes(caller.type)) return errors.forbidden();
  if (operation.scope && !caller.scopes.includes(operation.scope)) return errors.forbidden();

  let body: Record<string, unknown> = {};
  if (operation.body) {
    const read = await readJsonBody(req);
    if (!read.ok) {
      if (read.reason === "too_large") return { ...errors.tooLarge(), headers: { connection: "close" } };
      return read.reason === "bad_json" ? errors.badJson() : errors.notAnObject();
    }
    body = read.value;
  }
  return operation.handle({
    db,
    caller,
    ctx: apiKeyContext(db, caller),
    params: match.params,
    query: new URLSearchParams(search),
    body,
  });
}
