import type { IncomingMessage, ServerResponse } from "node:http";
import type { PrismaClient } from "@/lib/db/create-client";
import { findSignInBlock } from "@/lib/data/sign-in-throttle";

// The two ways to sign in: the form's server action (a POST to the page) and Auth.js's own route.
const SIGN_IN_PATHS = new Set(["/sign-in", "/api/auth/callback/credentials"]);

/**
 * For server.ts: a POST to a sign-in path from an address that is locked out (it failed too often,
 * lib/data/sign-in-throttle.ts) is answered 429 here, before Next, Auth.js or argon2 see it, so a
 * flood costs one indexed lookup per request. Returns true when it answered.
 */
export function createSignInGate(db: PrismaClient, now: () => Date = () => new Date()) {
  return async (req: IncomingMessage, res: ServerResponse, address: string): Promise<boolean> => {
    if (req.method !== "POST") return false;
    const path = (req.url ?? "/").split("?")[0]!;
    if (!SIGN_IN_PATHS.has(path)) return false;
    const at = now();
    const block = await findSignInBlock(db, { address }, at);
    if (!block) return false;
    const retryAfter = Math.max(1, Math.ceil((block.until.getTime() - at.getTime()) / 1000));
    res.writeHead(429, {
      "content-type": "text/plain; charset=utf-8",
      "retry-after": String(retryAfter),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
    res.end("Too many failed sign-ins from your address. Try again later.\n");
    return true;
  };
}
