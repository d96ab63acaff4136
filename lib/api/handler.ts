import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { isDatabaseBusy } from "@/lib/db/busy";
import type { PrismaClient } from "@/lib/db/create-client";
import type { KeyLookup } from "@/lib/data/api-key-lookup";
import { apiKeyContext, authenticateApiKey, type ApiCaller } from "@/lib/data/api-auth";
import { isApiKeyId } from "@/lib/keys/parse";
import { keyUseRecorderFor, type KeyUseRecorder } from "@/lib/data/api-key-usage";
import { apiLog, createLogger, type ApiLog } from "./access-log";
import { readJsonBody } from "./body";
import { createSend, errors, type ApiResponse } from "./responses";
import { matchRoute, type Method, type Operation } from "./routes";

export interface ApiHandlerOptions {
  db: PrismaClient;
  /** How keys are found on each request (createKeyLookup); lib/data functions use `db`. */
  keys: KeyLookup;
  /** Where each authenticated request's key use goes (flushed in batches); the process's own if unset. */
  usage?: KeyUseRecorder;
  /** One access entry per request; never given a secret, a body or the Authorization header. */
  log?: ApiLog;
  /** The clock keys' expiry is judged by; tests that build their own handler pass a fixed one. */
  now?: () => Date;
  /** Headers on every answer besides the API's own (server.ts: X-Frame-Options and the like). */
  headers?: Readonly<Record<string, string>>;
}

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => void;

const BEARER = /^Bearer +(\S+) *$/i;
// A key in the URL ends up in proxy logs and browser history: such a request is refused outright,
// whether spelled out or percent-encoded, as a value or as a name, and whatever a credential
// parameter holds.
const KEY_LIKE = /SG\.[A-Za-z0-9_-]{10,}/i;
const CREDENTIAL_PARAMETER = /key|token|secret|auth|bearer/i;

/** The /v3 API as a plain node:http handler (server.ts mounts it; tests start it on their own). */
export function createApiHandler({
  db,
  keys,
  log = apiLog(createLogger()),
  usage = keyUseRecorderFor(db, { log: log.error }),
  now = () => new Date(),
  headers = {},
}: ApiHandlerOptions): ApiHandler {
  const send = createSend(headers);
  return (req, res) => {
    const started = performance.now();
    let label = "(no route)";
    let caller: ApiCaller | null = null;
    // "close" rather than "finish": a client that hangs up early is logged too. A response closes
    // once; `on` spares once()'s wrapper and its removal on every request.
    res.on("close", () => {
      const status = res.writableFinished ? res.statusCode : "aborted";
      log.access({ method: req.method ?? "", route: label, status, ms: Math.round((performance.now() - started) * 10) / 10 });
      // Last use and the hour's request count, in memory only; written with others later
      // (api-key-usage.ts): no write per request.
      if (caller) usage.note(caller.keyId);
    });
    respond(req, db, keys, now, (matched, authenticated) => {
      label = matched;
      caller = authenticated;
    })
      .catch((error: unknown) => {
        // A lock held elsewhere (e.g. on a read outside lib/data's failure results) is not a fault.
        if (isDatabaseBusy(error)) return errors.busy();
        // Unexpected: the name only (messages of driver errors may quote query values).
        log.error(`[v3] ${req.method} ${label} failed: ${error instanceof Error ? error.name : "error"}`);
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
  now: () => Date,
  note: (label: string, caller: ApiCaller | null) => void,
): Promise<ApiResponse> {
  const target = req.url ?? "/";
  const queryStart = target.indexOf("?");
  const pathname = queryStart === -1 ? target : target.slice(0, queryStart);
  const search = queryStart === -1 ? "" : target.slice(queryStart);
  if (hasKeyInQuery(search)) return errors.unauthorized();

  // Authentication comes before routing, whatever the path or method: a 404 or 405 answered to a
  // caller without a valid key would tell anyone which routes and methods exist.
  const match = matchRoute(pathname);
  // Node keeps only the first of two Authorization headers: an ambiguous credential is refused,
  // never resolved in the sender's favour.
  const token = hasOneAuthorization(req.rawHeaders) ? BEARER.exec(req.headers.authorization ?? "")?.[1] : undefined;
  const caller = token ? await authenticateApiKey(keys, token, now()) : null;
  note(match?.route.path ?? "(no route)", caller);
  if (!caller) return token !== undefined && isApiKeyId(token) ? errors.keyIdNotKey() : errors.unauthorized();
  // Acting for a subuser is not supported: ignoring the header would change the parent account.
  if (req.headers["on-behalf-of"] !== undefined) return errors.onBehalfOfUnsupported();
  if (!match) return errors.noRoute();
  const operations = match.route.operations;
  const operation: Operation | undefined = operations[req.method as Method];
  if (!operation) return errors.methodNotAllowed(Object.keys(operations));
  if (!operation.keyTypes.includes(caller.type)) return errors.forbidden();
  if (operation.scope && !caller.scopes.includes(operation.scope)) return errors.forbidden();

  let body: Record<string, unknown> = {};
  if (operation.body) {
    const read = await readJsonBody(req, operation.bodyLimit);
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

function hasOneAuthorization(rawHeaders: readonly string[]): boolean {
  let seen = 0;
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!;
    if (name.length === 13 && name.toLowerCase() === "authorization") seen++;
  }
  return seen <= 1;
}

function hasKeyInQuery(search: string): boolean {
  if (KEY_LIKE.test(search)) return true;
  for (const [name, value] of new URLSearchParams(search)) {
    if (CREDENTIAL_PARAMETER.test(name) || containsKey(name) || containsKey(value)) return true;
  }
  return false;
}

// URLSearchParams decodes once; a key encoded twice (SG%252E…) is caught by decoding again.
function containsKey(text: string): boolean {
  let current = text;
  for (let round = 0; round < 3; round++) {
    if (KEY_LIKE.test(current)) return true;
    try {
      const next = decodeURIComponent(current);
      if (next === current) return false;
      current = next;
    } catch {
      return false;
    }
  }
  return KEY_LIKE.test(current);
}
