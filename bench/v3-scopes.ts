// `npm run bench`: GET /v3/scopes through server.ts as `npm start` serves it (production build,
// Next loaded, the access log on), against a bare node:http baseline answering the same bytes from
// the same database (bench/baseline.ts), interleaved in one run, loopback only (ports 3310-3319).
// SQLite always; PostgreSQL too when BENCH_POSTGRES_URL or TEST_POSTGRES_URL names a local server.
// Prints a table and writes docs/PERFORMANCE.md. Bounded: a few minutes, a build included.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DatabaseProvider } from "../lib/db/database-url.ts";
import { KEYS, prepareDatabase, scopesRequest, type BenchKeys } from "./fixtures.ts";
import { runLoad, type LoadResult } from "./load.ts";
import { measurePage, PAGE_KEYS, preparePageAccount, signIn } from "./page.ts";
import { CREATOR, measureCreates, prepareCreatorAccount } from "./create-action.ts";
import { killAll, residentMb, startBaseline, startServed, stop } from "./processes.ts";
import { describeMachine, formatRow, tableHeader, writePerformanceDoc, type Row } from "./report.ts";
import { evaluateTargets, pageScriptTarget, type Measured } from "./targets.ts";
import { pageScripts } from "../scripts/page-budget.ts";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const WARMUP_SECONDS = 3;
// Short, alternating measurements: load from other processes on the machine then falls on both sides.
const ROUNDS = 4;
// Creates for the create-action figure: under the account's cap of 100 keys.
const CREATES = 40;
const HARD_LIMIT_MS = 9 * 60_000;
const PORTS = { sqlite: { baseline: 3310, served: 3311 }, postgresql: { baseline: 3312, served: 3313 } } as const;

const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
const workDir = mkdtempSync(path.join(os.tmpdir(), "keyward-bench-"));
const watchdog = setTimeout(() => {
  console.error("bench: over the time limit, stopping");
  killAll();
  process.exit(1);
}, HARD_LIMIT_MS);

function ensureBuild(): void {
  if (existsSync(path.join(".next", "BUILD_ID"))) return;
  console.log("No production build (.next): running next build first, as npm start does.");
  execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

async function benchDatabase(provider: DatabaseProvider, rows: Row[]): Promise<Measured> {
  if (provider === "postgresql") process.env.TEST_POSTGRES_URL = postgresUrl;
  const { database, keys } = await prepareDatabase(provider);
  if (provider === "sqlite") await preparePageAccount(database.prisma);
  const creatorAccountId = provider === "sqlite" ? await prepareCreatorAccount(database.prisma) : "";
  const logFile = path.join(workDir, `server-${provider}.log`);
  const ports = PORTS[provider];
  const [baseline, served] = await Promise.all([startBaseline(database.url, ports.baseline), startServed(database.url, ports.served, logFile)]);
  const name = provider === "sqlite" ? "SQLite" : "PostgreSQL";
  try {
    await sameBytes(ports, keys);
    const load = (port: number, key: string, seconds = SECONDS, status = 200) => runLoad(port, scopesRequest(key), CONNECTIONS, seconds, status);
    for (const key of [keys.fullAccess, keys.oneScope, keys.wrongSecret, keys.unknownId]) {
      await load(ports.served, key, WARMUP_SECONDS, key === keys.fullAccess || key === keys.oneScope ? 200 : 401);
    }
    await load(ports.baseline, keys.fullAccess, WARMUP_SECONDS);

    const measured: Measured = { provider, full: [], one: [], wrongSecret: [], unknownId: [], page: undefined, creates: undefined, residentMb: null, logLines: 0 };
    const add = (label: string, result: LoadResult, ratio?: number) => {
      const row = { database: name, label, result, ratio };
      rows.push(row);
      console.log(formatRow(row));
      return result;
    };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [which, key, title] of [["full", keys.fullAccess, "Full Access key (215 scopes)"], ["one", keys.oneScope, "one-scope key"]] as const) {
        const base = add(`round ${round}: baseline, ${title}`, await load(ports.baseline, key));
        const keyward = await load(ports.served, key);
        add(`round ${round}: Keyward (server.ts), ${title}`, keyward, keyward.perSecond / base.perSecond);
        measured[which].push({ keyward, baseline: base });
      }
      // The 401 path in the same rounds, so that it meets the same load as the 200 path it is compared with.
      measured.wrongSecret.push(add(`round ${round}: Keyward 401, wrong secret`, await load(ports.served, keys.wrongSecret, SECONDS, 401)));
      measured.unknownId.push(add(`round ${round}: Keyward 401, unknown key id`, await load(ports.served, keys.unknownId, SECONDS, 401)));
    }
    if (provider === "sqlite") {
      const page = await measurePage(ports.served, await signIn(ports.served), SECONDS, undefined, served.child.pid);
      measured.page = page;
      add(`/settings/api_keys (${PAGE_KEYS} keys), 1 user, ${page.encoding}`, page.oneUser);
      add(`/settings/api_keys (${PAGE_KEYS} keys), 10 users, ${page.encoding}`, page.tenUsers);
      measured.creates = await measureCreates(ports.served, await signIn(ports.served, CREATOR), creatorAccountId, CREATES);
      console.log(`create action: ${measured.creates.creates} creates one after another, p50 ${measured.creates.p50.toFixed(1)} ms, p95 ${measured.creates.p95.toFixed(1)} ms`);
    }
    measured.residentMb = residentMb(served.child.pid);
    measured.logLines = countLines(logFile);
    console.log(`${name}: server.ts resident memory after the run ${measured.residentMb ?? "?"} MB; ${measured.logLines} access-log lines written`);
    return measured;
  } finally {
    await Promise.all([stop(baseline), stop(served)]);
    await database.drop();
  }
}

// The comparison is only fair if both answer the same bytes.
async function sameBytes(ports: { baseline: number; served: number }, keys: BenchKeys): Promise<void> {
  for (const key of [keys.fullAccess, keys.oneScope]) {
    const [a = "", b = ""] = await Promise.all(
      [ports.baseline, ports.served].map((port) =>
        fetch(`http://127.0.0.1:${port}/v3/scopes`, { headers: { authorization: `Bearer ${key}` } }).then((response) => response.text()),
      ),
    );
    if (a !== b || !a.startsWith('{"scopes":[')) throw new Error(`baseline and Keyward answer different bodies:\n${a.slice(0, 200)}\n${b.slice(0, 200)}`);
  }
}

function countLines(file: string): number {
  return readFileSync(file, "utf8").split("\n").filter((line) => line.includes('"msg":"v3"')).length;
}

const machine = describeMachine();
const rows: Row[] = [];
const results: Measured[] = [];
try {
  ensureBuild();
  const providers: DatabaseProvider[] = postgresUrl ? ["sqlite", "postgresql"] : ["sqlite"];
  console.log(`GET /v3/scopes, ${KEYS} keys, ${CONNECTIONS} connections, ${WARMUP_SECONDS}s warm-up, ${SECONDS}s per measurement, ${ROUNDS} interleaved rounds; ${providers.join(" and ")}`);
  console.log(tableHeader);
  for (const provider of providers) results.push(await benchDatabase(provider, rows));
  const { targets, notes } = evaluateTargets(results);
  targets.push(pageScriptTarget(pageScripts(".next")));
  notes.push(
    "The page's scripts: server.ts serves the build's .js and .css compressed once, brotli to a browser that asks for it and gzip to any other (lib/server/static-assets.ts); pages, RSC payloads and actions' answers are compressed as they stream, brotli quality 4 or gzip 6 (lib/server/page-compression.ts; Next's own gzip is off). npm test fails when the first load passes the budget or carries zod or react-hook-form (scripts/page-budget.ts; `npm run budget` prints the scripts).",
    "Lighthouse 12.2.3 is not part of this bench (it needs a download of lighthouse and an idle machine for its timings).",
  );
  if (!postgresUrl) notes.push("PostgreSQL was not measured: set BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to a local server.");
  const settings = `GET /v3/scopes over ${KEYS} keys, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up, ${SECONDS} s per measurement, ${ROUNDS} interleaved rounds`;
  writePerformanceDoc(path.join("docs", "PERFORMANCE.md"), machine, settings, rows, targets, notes);
  console.log("");
  for (const target of targets) console.log(`${target.met ? "met   " : "MISSED"} ${target.name}: ${target.measured} (goal ${target.goal})`);
  console.log("\nWrote docs/PERFORMANCE.md");
} finally {
  clearTimeout(watchdog);
  killAll();
  rmSync(workDir, { recursive: true, force: true });
}
