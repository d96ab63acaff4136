// One create on the API Keys page, as the browser's form sends it: a POST of the server action
// createApiKeyAction to the page, with the session cookie. Measured one at a time (one person).
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { PrismaClient } from "../lib/db/create-client.ts";
import { hashPassword } from "../lib/auth/password.ts";

export const CREATOR = { email: "creator@page-bench.test", password: "page-bench-password-2" };

export async function prepareCreatorAccount(db: PrismaClient): Promise<string> {
  const account = await db.account.create({ data: { name: "Create bench" } });
  const user = await db.user.create({ data: { email: CREATOR.email, name: "Create Bench Owner", passwordHash: await hashPassword(CREATOR.password) } });
  await db.membership.create({ data: { userId: user.id, accountId: account.id, role: "owner", scopes: "[]" } });
  return account.id;
}

// The action's id is the build's: read it from the manifest Next writes.
function createActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, action]) => action.exportedName === "createApiKeyAction");
  if (!entry) throw new Error("bench: createApiKeyAction is not in the build's server-reference-manifest.json");
  return entry[0];
}

export interface CreateFigures {
  creates: number;
  p50: number;
  p95: number;
}

export async function measureCreates(port: number, cookie: string, accountId: string, count: number): Promise<CreateFigures> {
  const origin = `http://127.0.0.1:${port}`;
  const headers = {
    cookie,
    origin,
    accept: "text/x-component",
    "content-type": "text/plain;charset=UTF-8",
    "next-action": createActionId(),
    "accept-encoding": "gzip, deflate, br, zstd",
  };
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const form = { name: `Created by the bench ${index + 1}`, type: "general", access: "full", levels: {} };
    const started = performance.now();
    const response = await fetch(`${origin}/settings/api_keys`, { method: "POST", headers, body: JSON.stringify([accountId, form]) });
    const text = await response.text();
    times.push(performance.now() - started);
    if (response.status !== 200 || !text.includes('"ok":true')) throw new Error(`bench: create ${index + 1} failed (${response.status}): ${text.slice(0, 200)}`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0;
  return { creates: times.length, p50: at(0.5), p95: at(0.95) };
}
