// `npm run bench`: GET /v3/scopes through Keyward's /v3 handler against a bare node:http baseline
// (parse + SHA-256 + one prepared-statement lookup), both on one SQLite file of 10,000 keys,
// measured in the same run, interleaved, loopback only. Finishes in well under a minute.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { createPrismaClient } from "../lib/db/create-client.ts";
import { migrate } from "../lib/db/migrate.ts";
import { generateApiKey } from "../lib/keys/generate.ts";
import { hashSecret } from "../lib/keys/hash.ts";
import { runLoad, type LoadResult } from "./load.ts";

const KEYS = 10_000;
// keyward: the /v3 handler as served (SQLite lookup by prepared statement); keyward-prisma: the
// same handler with the lookup through Prisma, to show what the prepared statement is worth.
const modes = ["baseline", "keyward", "keyward-prisma"] as const;
type Mode = (typeof modes)[number];
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const WARMUP_SECONDS = 2;
const ROUNDS = 2;
const HARD_LIMIT_MS = 58_000;

const dir = mkdtempSync(path.join(os.tmpdir(), "keyward-bench-"));
const file = path.join(dir, "bench.db");
const children = new Set<ChildProcess>();
const cleanup = () => {
  for (const child of children) child.kill();
  rmSync(dir, { recursive: true, force: true });
};
const watchdog = setTimeout(() => {
  console.error("bench: over the time limit, stopping");
  cleanup();
  process.exit(1);
}, HARD_LIMIT_MS);

async function prepare(): Promise<string> {
  await migrate(`file:${file}`);
  const db = createPrismaClient(`file:${file}`);
  const account = await db.account.create({ data: { name: "bench" } });
  let benchKey = "";
  for (let offset = 0; offset < KEYS; offset += 1000) {
    const rows = Array.from({ length: 1000 }, (_, index) => {
      const { id, secret, key } = generateApiKey();
      if (offset + index === KEYS / 2) benchKey = key;
      return { id, accountId: account.id, name: `bench ${offset + index}`, type: "general", scopes: '["mail.send"]', secretHash: hashSecret(secret) };
    });
    await db.apiKey.createMany({ data: rows });
  }
  await db.$disconnect();
  return benchKey;
}

async function start(mode: Mode): Promise<{ port: number; child: ChildProcess }> {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const child = spawn(tsx, [path.join("bench", "serve.ts"), mode, file], { stdio: ["ignore", "pipe", "inherit"] });
  children.add(child);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`${mode} server exited (${code})`)));
  });
  return { port: Number(line), child };
}

async function measure(mode: Mode, key: string): Promise<LoadResult> {
  const { port, child } = await start(mode);
  const request = `GET /v3/scopes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\n\r\n`;
  try {
    await runLoad(port, request, CONNECTIONS, WARMUP_SECONDS);
    return await runLoad(port, request, CONNECTIONS, SECONDS);
  } finally {
    child.kill();
    children.delete(child);
  }
}

const fmt = (r: LoadResult) =>
  `${Math.round(r.perSecond).toString().padStart(7)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  (${r.requests} requests, ${r.failures} not 200)`;

try {
  const key = await prepare();
  console.log(`GET /v3/scopes, ${KEYS} keys in SQLite, ${CONNECTIONS} connections, ${SECONDS}s per measurement, ${ROUNDS} interleaved rounds`);
  const results: Record<Mode, LoadResult[]> = { baseline: [], keyward: [], "keyward-prisma": [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const mode of modes) {
      const result = await measure(mode, key);
      results[mode].push(result);
      console.log(`round ${round}  ${mode.padEnd(14)} ${fmt(result)}`);
      if (result.failures > 0) throw new Error(`${mode}: ${result.failures} responses were not 200`);
    }
  }
  const best = (mode: Mode) => Math.max(...results[mode].map((r) => r.perSecond));
  for (const mode of ["keyward", "keyward-prisma"] as const) {
    const ratios = results[mode].map((r, i) => r.perSecond / results.baseline[i]!.perSecond);
    const perRound = ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(", ");
    console.log(`${mode} / baseline: per round ${perRound}; best of each ${((best(mode) / best("baseline")) * 100).toFixed(0)}%`);
  }
} finally {
  clearTimeout(watchdog);
  cleanup();
}
