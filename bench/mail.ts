// `npm run bench:mail`: messages per second through server.ts as `npm start` serves it (production
// build, Next loaded, the access log on, MALLOC_ARENA_MAX=2, a real mail.send key), on SQLite and,
// when BENCH_POSTGRES_URL or TEST_POSTGRES_URL names a local server, on PostgreSQL:
//   - HTTP: POST /v3/mail/send, one recipient, 2 KB of HTML, 20 connections, in interleaved rounds
//     with a bare node:http server that parses the same JSON and answers 202 (bench/mail-baseline.ts);
//   - SMTP: the relay, 10 nodemailer connections with AUTH as SendGrid's users send.
// Each row gives msg/s, p50, p99, errors and the server's CPU time per message (its user+system
// time over the measurement ÷ messages): on a shared machine throughput follows the other
// engineers' load, CPU per message hardly does. Loopback only, ports 3320-3329; bounded in time.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { connect } from "node:net";
import nodemailer from "nodemailer";
import { createTestDatabase } from "../lib/db/test-database.ts";
import type { DatabaseProvider } from "../lib/db/database-url.ts";
import { insertKeyRows } from "../lib/data/key-rows.ts";
import { runLoad, type LoadResult } from "./load.ts";
import { cpuMs, killAll, residentMb, startBaseline, startServed, stop, type Served } from "./processes.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = 3;
const HTTP_CONNECTIONS = 20;
const SMTP_CONNECTIONS = 10;
const HARD_LIMIT_MS = 9 * 60_000;
const PORTS = {
  sqlite: { baseline: 3320, served: 3321, smtp: 3322 },
  postgresql: { baseline: 3323, served: 3324, smtp: 3325 },
} as const;
const html = `<html><body>${"<p>Keyward bench message, two kilobytes of HTML in all.</p>".repeat(36)}</body></html>`.slice(0, 2048);

const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
const workDir = mkdtempSync(path.join(os.tmpdir(), "keyward-bench-mail-"));
const watchdog = setTimeout(() => {
  console.error("bench:mail: over the time limit, stopping");
  killAll();
  process.exit(1);
}, HARD_LIMIT_MS);

interface Measurement {
  messages: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** The server's CPU time per message, in ms, or null without /proc. */
  cpuPerMessage: number | null;
}

function ensureBuild(): void {
  if (existsSync(path.join(".next", "BUILD_ID"))) return;
  console.log("No production build (.next): running next build first, as npm start does.");
  execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

function mailRequest(key: string): string {
  const body = JSON.stringify({
    personalizations: [{ to: [{ email: "ada@example.com" }] }],
    from: { email: "bench@example.com" },
    subject: "Bench",
    content: [{ type: "text/html", value: html }],
  });
  return `POST /v3/mail/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Runs one measurement and charges the process's CPU time over it to its messages. */
async function withCpu(pid: number | undefined, run: () => Promise<Omit<Measurement, "cpuPerMessage">>): Promise<Measurement> {
  const before = cpuMs(pid);
  const result = await run();
  const after = cpuMs(pid);
  const cpuPerMessage = before === null || after === null || result.messages === 0 ? null : (after - before) / result.messages;
  return { ...result, cpuPerMessage };
}

const fromLoad = (r: LoadResult) => ({ messages: r.requests, errors: r.errors, perSecond: r.perSecond, p50: r.p50, p99: r.p99 });

async function loadSmtp(port: number, key: string, seconds: number): Promise<Omit<Measurement, "cpuPerMessage">> {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, pool: true, maxConnections: SMTP_CONNECTIONS, maxMessages: Infinity, auth: { user: "apikey", pass: key } });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: SMTP_CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const sentAt = performance.now();
        await transport.sendMail({ from: "bench@example.com", to: "ada@example.com", subject: "Bench", html }).then(
          () => latencies.push(performance.now() - sentAt),
          () => errors++,
        );
      }
    }),
  );
  transport.close();
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
  return { messages: latencies.length, errors, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99) };
}

async function smtpReady(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("data", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`the SMTP relay did not answer on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const load1 = () => os.loadavg()[0]!.toFixed(1);

function row(database: string, label: string, m: Measurement, extra = ""): string {
  const cpu = m.cpuPerMessage === null ? "?" : m.cpuPerMessage.toFixed(3);
  return `${database.padEnd(10)} ${label.padEnd(34)} ${Math.round(m.perSecond).toString().padStart(6)} msg/s  p50 ${m.p50.toFixed(1).padStart(5)} ms  p99 ${m.p99.toFixed(1).padStart(6)} ms  ${String(m.errors).padStart(3)} errors  CPU ${cpu.padStart(6)} ms/msg  load ${load1()}${extra}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function benchDatabase(provider: DatabaseProvider): Promise<void> {
  if (provider === "postgresql") process.env.TEST_POSTGRES_URL = postgresUrl;
  const database = await createTestDatabase(provider);
  const name = provider === "sqlite" ? "SQLite" : "PostgreSQL";
  const ports = PORTS[provider];
  const logFile = path.join(workDir, `server-${provider}.log`);
  let baseline: Served | undefined;
  let served: Served | undefined;
  try {
    const account = await database.prisma.account.create({ data: { name: "bench" } });
    const inserted = await database.prisma.$transaction((tx) => insertKeyRows(tx, account.id, [{ name: "bench", type: "general", scopes: ["mail.send"] }]));
    const { key } = inserted![0]!;
    [baseline, served] = await Promise.all([
      startBaseline(database.url, ports.baseline, "mail-baseline.ts"),
      startServed(database.url, ports.served, logFile, [], { SMTP_PORT: String(ports.smtp) }),
    ]);
    await smtpReady(ports.smtp);
    const pid = served.child.pid;
    const request = mailRequest(key);
    const http = (port: number, seconds = SECONDS) => runLoad(port, request, HTTP_CONNECTIONS, seconds, 202).then(fromLoad);

    await http(ports.baseline, WARMUP_SECONDS);
    await http(ports.served, WARMUP_SECONDS);
    await loadSmtp(ports.smtp, key, 1);

    const keyward: Measurement[] = [];
    const bases: Measurement[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const base = await withCpu(baseline.child.pid, () => http(ports.baseline));
      bases.push(base);
      console.log(row(name, `round ${round}: baseline HTTP`, base));
      const ours = await withCpu(pid, () => http(ports.served));
      keyward.push(ours);
      const cpuRatio = ours.cpuPerMessage && base.cpuPerMessage ? `, CPU ×${(ours.cpuPerMessage / base.cpuPerMessage).toFixed(1)}` : "";
      console.log(row(name, `round ${round}: Keyward HTTP`, ours, `  (${((100 * ours.perSecond) / base.perSecond).toFixed(0)}% of baseline${cpuRatio})`));
    }
    const smtp: Measurement[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const m = await withCpu(pid, () => loadSmtp(ports.smtp, key, SECONDS));
      smtp.push(m);
      console.log(row(name, `round ${round}: Keyward SMTP`, m));
    }
    // The handler, validation, MIME and (on SQLite) the database share Node's one main thread, so
    // this is roughly what one core left to the server carries, whatever the machine's load.
    const httpCpu = median(keyward.map((m) => m.cpuPerMessage ?? 0));
    if (httpCpu > 0) console.log(`${name}: one core at ${httpCpu.toFixed(3)} ms of CPU per message carries about ${Math.round(1000 / httpCpu)} msg/s over HTTP per core of server time`);
    const logLines = readFileSync(logFile, "utf8").split("\n").filter((line) => line.includes('"msg":"v3"')).length;
    console.log(
      `${name}: median of rounds: HTTP ${Math.round(median(keyward.map((m) => m.perSecond)))} msg/s, p99 ${median(keyward.map((m) => m.p99)).toFixed(1)} ms, ` +
        `CPU ${median(keyward.map((m) => m.cpuPerMessage ?? 0)).toFixed(3)} ms/msg (baseline ${median(bases.map((m) => m.cpuPerMessage ?? 0)).toFixed(3)}); ` +
        `SMTP ${Math.round(median(smtp.map((m) => m.perSecond)))} msg/s, CPU ${median(smtp.map((m) => m.cpuPerMessage ?? 0)).toFixed(3)} ms/msg`,
    );
    console.log(
      `${name}: server.ts resident memory after the run ${residentMb(pid) ?? "?"} MB; ${logLines} access-log lines; ` +
        `${await database.prisma.emailMessage.count()} messages stored (retention keeps the newest 1,000)`,
    );
  } finally {
    await Promise.all([baseline && stop(baseline), served && stop(served)]);
    await database.drop();
  }
}

try {
  ensureBuild();
  const providers: DatabaseProvider[] = postgresUrl ? ["sqlite", "postgresql"] : ["sqlite"];
  console.log(
    `server.ts (production build, access log on): POST /v3/mail/send, 1 recipient, 2 KB HTML, ${HTTP_CONNECTIONS} connections, ${ROUNDS} rounds interleaved with a bare node:http baseline; ` +
      `SMTP ${SMTP_CONNECTIONS} connections; ${SECONDS} s per measurement; ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; ${providers.join(" and ")}`,
  );
  for (const provider of providers) await benchDatabase(provider);
  if (!postgresUrl) console.log("PostgreSQL was not measured: set BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to a local server.");
} finally {
  clearTimeout(watchdog);
  killAll();
  rmSync(workDir, { recursive: true, force: true });
}
