import type { KeyType } from "@/lib/permissions/catalog";
import { ruleFor, v3Operations, type PolicyAction } from "@/lib/permissions/policy";
import { createKeyRoute, deleteKeyRoute, getKeyRoute, listKeysRoute, renameKeyRoute, replaceKeyRoute } from "./api-keys-routes";
import { getBillingProfileRoute, updateBillingProfileRoute } from "./billing-routes";
import type { RouteHandler } from "./route-handler";
import { scopesRoute } from "./scopes-route";
import { MAX_MAIL_BYTES } from "@/lib/validation/mail-send";
import { mailSendRoute } from "./mail-send-route";
import { getMessageRoute, listMessagesRoute } from "./messages-routes";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Operation {
  /** The scope the calling key must hold (from the policy); null: any valid key (only GET /v3/scopes). */
  scope: string | null;
  /** Which key types may call it at all: general keys never reach billing, billing keys nothing else. */
  keyTypes: readonly KeyType[];
  /** Whether the handler reads a JSON body. */
  body: boolean;
  /** The body's limit in bytes when not the usual 64 KB (mail send: 30 MB). */
  bodyLimit?: number;
  handle: RouteHandler;
}

export interface Route {
  path: string;
  operations: Partial<Record<Method, Operation>>;
}

// What each handler is; its scope and key types are the policy's (lib/permissions/policy.ts,
// v3Operations), filled in once when this module loads, so a request reads plain fields.
type Handling = Omit<Operation, "scope" | "keyTypes">;

const table: readonly { path: string; operations: Partial<Record<Method, Handling>> }[] = [
  { path: "/v3/scopes", operations: { GET: { body: false, handle: scopesRoute } } },
  {
    path: "/v3/api_keys",
    operations: {
      GET: { body: false, handle: listKeysRoute },
      POST: { body: true, handle: createKeyRoute },
    },
  },
  {
    path: "/v3/api_keys/:id",
    operations: {
      GET: { body: false, handle: getKeyRoute },
      PATCH: { body: true, handle: renameKeyRoute },
      PUT: { body: true, handle: replaceKeyRoute },
      DELETE: { body: false, handle: deleteKeyRoute },
    },
  },
  {
    path: "/v3/billing/profile",
    operations: {
      GET: { body: false, handle: getBillingProfileRoute },
      PATCH: { body: true, handle: updateBillingProfileRoute },
    },
  },
  { path: "/v3/mail/send", operations: { POST: { body: true, bodyLimit: MAX_MAIL_BYTES, handle: mailSendRoute } } },
  { path: "/v3/messages", operations: { GET: { body: false, handle: listMessagesRoute } } },
  { path: "/v3/messages/:msg_id", operations: { GET: { body: false, handle: getMessageRoute } } },
];

/** The policy's action for a /v3 operation; undefined when the policy does not name it. */
export function v3Action(method: Method, path: string): PolicyAction | undefined {
  return (v3Operations as Record<string, PolicyAction>)[`${method} ${path}`];
}

// Every /v3 route and, per method, the scope and key types the policy gives it. An operation the
// policy does not name cannot be served: the process refuses to start (routes-policy.test.ts).
export const routes: readonly Route[] = table.map(({ path, operations }) => ({
  path,
  operations: Object.fromEntries(
    Object.entries(operations).map(([method, handling]) => {
      const action = v3Action(method as Method, path);
      if (!action) throw new Error(`${method} ${path} is not in the policy table (lib/permissions/policy.ts)`);
      const rule = ruleFor(action);
      // One scope at most per operation: the request path checks a single string.
      if (rule.scopes.length > 1 || rule.match === "any") throw new Error(`${method} ${path}: a /v3 operation needs one scope at most`);
      return [method, { ...handling, scope: rule.scopes[0] ?? null, keyTypes: rule.keyTypes }];
    }),
  ),
}));

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Matches a pathname (a trailing slash is tolerated); null when no route has this path. */
export function matchRoute(pathname: string): RouteMatch | null {
  const segments = trimSlash(pathname).split("/");
  for (const route of routes) {
    const pattern = route.path.split("/");
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matched = pattern.every((part, index) => {
      const segment = segments[index]!;
      if (!part.startsWith(":")) return part === segment;
      if (segment === "") return false;
      params[part.slice(1)] = segment;
      return true;
    });
    if (matched) return { route, params };
  }
  return null;
}

function trimSlash(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
}
