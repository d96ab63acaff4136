import type { KeyType } from "@/lib/permissions/catalog";
import { createKeyRoute, deleteKeyRoute, getKeyRoute, listKeysRoute, renameKeyRoute, replaceKeyRoute } from "./api-keys-routes";
import { getBillingProfileRoute, updateBillingProfileRoute } from "./billing-routes";
import type { RouteHandler } from "./route-handler";
import { scopesRoute } from "./scopes-route";
import { MAX_MAIL_BYTES } from "@/lib/validation/mail-send";
import { mailSendRoute } from "./mail-send-route";
import { getMessageRoute, listMessagesRoute } from "./messages-routes";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Operation {
  /** The scope the calling key must hold; null: any valid key (only GET /v3/scopes). */
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

const general = ["general"] as const;
const billing = ["billing"] as const;

// Every /v3 route and the scope each method needs, in one place. GET needs the category's `.read`
// scope; the other methods the matching create/update/delete scope.
export const routes: readonly Route[] = [
  {
    path: "/v3/scopes",
    operations: { GET: { scope: null, keyTypes: ["general", "billing"], body: false, handle: scopesRoute } },
  },
  {
    path: "/v3/api_keys",
    operations: {
      GET: { scope: "api_keys.read", keyTypes: general, body: false, handle: listKeysRoute },
      POST: { scope: "api_keys.create", keyTypes: general, body: true, handle: createKeyRoute },
    },
  },
  {
    path: "/v3/api_keys/:id",
    operations: {
      GET: { scope: "api_keys.read", keyTypes: general, body: false, handle: getKeyRoute },
      PATCH: { scope: "api_keys.update", keyTypes: general, body: true, handle: renameKeyRoute },
      PUT: { scope: "api_keys.update", keyTypes: general, body: true, handle: replaceKeyRoute },
      DELETE: { scope: "api_keys.delete", keyTypes: general, body: false, handle: deleteKeyRoute },
    },
  },
  {
    path: "/v3/billing/profile",
    operations: {
      GET: { scope: "billing.read", keyTypes: billing, body: false, handle: getBillingProfileRoute },
      PATCH: { scope: "billing.update", keyTypes: billing, body: true, handle: updateBillingProfileRoute },
    },
  },
  {
    path: "/v3/mail/send",
    operations: {
      POST: { scope: "mail.send", keyTypes: general, body: true, bodyLimit: MAX_MAIL_BYTES, handle: mailSendRoute },
    },
  },
  {
    path: "/v3/messages",
    operations: { GET: { scope: "email_activity.read", keyTypes: general, body: false, handle: listMessagesRoute } },
  },
  {
    path: "/v3/messages/:msg_id",
    operations: { GET: { scope: "email_activity.read", keyTypes: general, body: false, handle: getMessageRoute } },
  },
];

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
