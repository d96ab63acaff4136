// The API Keys page as a signed-in owner sees it, with 100 keys: server time for one user and for
// ten at once, compressed as a browser asks. Runs against the served server.ts of the SQLite bench.
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import type { PrismaClient } from "../lib/db/create-client.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { insertKeyRows } from "../lib/data/key-rows.ts";
import { runLoad, type LoadResult } from "./load.ts";

const EMAIL = "owner@page-bench.test";
const PASSWORD = "page-bench-password-1";
export const PAGE_KEYS = 100;

export async function preparePageAccount(db: PrismaClient): Promise<void> {
  const account = await db.account.create({ data: { name: "Page bench" } });
  const user = await db.user.create({ data: { email: EMAIL, name: "Page Bench Owner", passwordHash: await hashPassword(PASSWORD) } });
  await db.membership.create({ data: { userId: user.id, accountId: account.id, role: "owner", scopes: "[]" } });
  const rows = Array.from({ length: PAGE_KEYS }, (_, index) => ({ name: `Page bench key ${index + 1}`, type: "general" as const, scopes: ["mail.send", "stats.read"] }));
  await db.$transaction((tx) => insertKeyRows(tx, account.id, rows));
}

/** Signs in through Auth.js's own endpoints, as the sign-in form ends up doing; returns the Cookie header. */
export async function signIn(port: number, { email, password } = { email: EMAIL, password: PASSWORD }): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/settings/api_keys` }),
  });
  keep(signedIn);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`page bench: sign-in failed (${signedIn.status})`);
  return header();
}

export interface PageFigures {
  htmlBytes: number;
  compressedBytes: number;
  encoding: string;
  oneUser: LoadResult;
  tenUsers: LoadResult;
  /** server.ts's CPU time (all its threads, compression included) per page for one user, in ms; null without /proc. */
  cpuMsPerPage: number | null;
}

const ACCEPT_ENCODING = "gzip, deflate, br, zstd";

export async function measurePage(port: number, cookie: string, seconds: number, acceptEncoding = ACCEPT_ENCODING, serverPid?: number): Promise<PageFigures> {
  const url = `http://127.0.0.1:${port}/settings/api_keys`;
  const plain = await fetch(url, { headers: { cookie } });
  const html = await plain.text();
  if (!html.includes("Page bench key 100")) throw new Error("page bench: the page does not list the bench account's keys");
  const compressed = await fetch(url, { headers: { cookie, "accept-encoding": acceptEncoding } });
  const encoding = compressed.headers.get("content-encoding") ?? "none";
  // fetch decodes the body; the bytes on the wire are measured by the load generator's request below.
  await compressed.arrayBuffer();
  const request = `GET /settings/api_keys HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/html\r\nAccept-Encoding: ${acceptEncoding}\r\nCookie: ${cookie}\r\n\r\n`;
  await runLoad(port, request, 2, 2);
  const cpuBefore = cpuMs(serverPid);
  const oneUser = await runLoad(port, request, 1, seconds);
  const cpuAfter = cpuMs(serverPid);
  const tenUsers = await runLoad(port, request, 10, seconds);
  const cpuMsPerPage = cpuBefore === null || cpuAfter === null || oneUser.requests === 0 ? null : (cpuAfter - cpuBefore) / oneUser.requests;
  return { htmlBytes: Buffer.byteLength(html), compressedBytes: await wireBytes(port, request), encoding, oneUser, tenUsers, cpuMsPerPage };
}

// A process's CPU time so far (user and system, every thread), in ms, from /proc (Linux); null elsewhere.
// Unlike latency, it hardly moves when other processes share the machine.
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

// The size of one compressed response as sent (chunk framing included), read from a raw socket.
function wireBytes(port: number, request: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n")));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => {
      const all = Buffer.concat(chunks);
      resolve(all.length - (all.indexOf("\r\n\r\n") + 4));
    });
    socket.on("error", reject);
  });
}
