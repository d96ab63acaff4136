import type { IncomingMessage } from "node:http";

// The client's address, which sign-in throttling counts by. server.ts works it out once per
// request and hands it to Next in this header, having first dropped any copy the client sent:
// pages and Auth.js read only this header, never X-Forwarded-For themselves.
export const CLIENT_ADDRESS_HEADER = "x-keyward-client-address";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The peer's address, or with KEYWARD_TRUST_PROXY=1 (a reverse proxy in front that appends the
 * address it saw to X-Forwarded-For, as nginx's $proxy_add_x_forwarded_for does) the last entry
 * of X-Forwarded-For: the one the proxy wrote. Earlier entries are the client's own say-so.
 */
export function clientAddressOf(req: Pick<IncomingMessage, "headers" | "socket">, env: Env = process.env): string {
  if (env.KEYWARD_TRUST_PROXY === "1") {
    const forwarded = req.headers["x-forwarded-for"];
    const list = Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "");
    const last = list.split(",").map((entry) => entry.trim()).filter(Boolean).at(-1);
    if (last) return last.slice(0, 64);
  }
  return req.socket.remoteAddress ?? "unknown";
}

/** Sets the header for Next, overwriting whatever the client sent under that name. */
export function stampClientAddress(req: IncomingMessage, env: Env = process.env): string {
  const address = clientAddressOf(req, env);
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  return address;
}

/** In Next (a page, an action, Auth.js): the address server.ts stamped. */
export function clientAddressFrom(headers: Pick<Headers, "get">): string {
  // Absent only when Next is run without server.ts (e.g. `next start`): one shared bucket.
  return headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
