// `npm run bench:mail`: messages per second through POST /v3/mail/send (one recipient, 2 KB of
// HTML, 20 connections, with p99) and over the SMTP relay (10 connections), on SQLite and, when
// TEST_POSTGRES_URL names a local server, on PostgreSQL. The API and the relay run in a process
// of their own (lib/mail/testing/serve-mail.ts: wired as server.ts wires them, without Next.js).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import nodemailer from "nodemailer";
import { createTestDatabase, type TestDatabase } from "../lib/db/test-database.ts";
import type { DatabaseProvider } from "../lib/db/database-url.ts";
import { insertKeyRows } from "../lib/data/key-rows.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const HTTP_CONNECTIONS = 20;
const SMTP_CONNECTIONS = 10;
const html = `<html><body>${"<p>Keyward bench message, two kilobytes of HTML in all.</p>".repeat(36)}</body></html>`.slice(0, 2048);

interface Result { messages: number; failures: number; perSecond: number; p99: number }

async function serve(url: string): Promise<{ child: ChildProcess; httpPort: number; smtpPort: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/mail/testing/serve-mail.ts"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["pipe", "pipe", "inherit"] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`serve-mail exited (${code})`)));
  });
  const [, http, smtp] = line.split(" ");
  return { child, httpPort: Number(http), smtpPort: Number(smtp) };
}

// Closed loop on raw sockets, as bench/load.ts, counting 202 as success.
async function loadHttp(port: number, key: string, seconds: number): Promise<Result> {
  const body = JSON.stringify({ personalizations: [{ to: [{ email: "ada@example.com" }] }], from: { email: "bench@example.com" }, subject: "Bench", content: [{ type: "text/html", value: html }] });
  const request = Buffer.from(`POST /v3/mail/send HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: HTTP_CONNECTIONS }, () => new Promise<void>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let buffer = Buffer.alloc(0);
    let sentAt = 0;
    const send = () => {
      if (performance.now() >= deadline) return void socket.end(resolve);
      sentAt = performance.now();
      socket.write(request);
    };
    socket.on("connect", send).on("error", reject).on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end === -1) return;
        const head = buffer.subarray(0, end).toString("latin1");
        const total = end + 4 + Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffer.length < total) return;
        if (!head.startsWith("HTTP/1.1 202")) failures++;
        latencies.push(performance.now() - sentAt);
        buffer = buffer.subarray(total);
        send();
      }
    });
  })));
  return summarize(latencies, failures, (performance.now() - started) / 1000);
}

async function loadSmtp(port: number, key: string, seconds: number): Promise<Result> {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, pool: true, maxConnections: SMTP_CONNECTIONS, maxMessages: Infinity, auth: { user: "apikey", pass: key } });
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: SMTP_CONNECTIONS }, async () => {
    while (performance.now() < deadline) {
      const sentAt = performance.now();
      await transport.sendMail({ from: "bench@example.com", to: "ada@example.com", subject: "Bench", html }).then(() => latencies.push(performance.now() - sentAt), () => failures++);
    }
  }));
  transport.close();
  return summarize(latencies, failures, (performance.now() - started) / 1000);
}

function summarize(latencies: number[], failures: number, seconds: number): Result {
  latencies.sort((a, b) => a - b);
  return { messages: latencies.length, failures, perSecond: latencies.length / seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0 };
}

const fmt = (r: Result) => `${Math.round(r.perSecond).toString().padStart(6)} msg/s  p99 ${r.p99.toFixed(1)} ms  (${r.messages} messages, ${r.failures} failed)`;

async function bench(provider: DatabaseProvider): Promise<void> {
  const database: TestDatabase = await createTestDatabase(provider);
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  try {
    const account = await database.prisma.account.create({ data: { name: "bench" } });
    const inserted = await database.prisma.$transaction((tx) => insertKeyRows(tx, account.id, [{ name: "bench", type: "general", scopes: ["mail.send"] }]));
    const { key } = inserted![0]!;
    server = await serve(database.url);
    await loadHttp(server.httpPort, key, 1);
    console.log(`${provider.padEnd(10)} HTTP /v3/mail/send, ${HTTP_CONNECTIONS} connections: ${fmt(await loadHttp(server.httpPort, key, SECONDS))}`);
    console.log(`${provider.padEnd(10)} SMTP, ${SMTP_CONNECTIONS} connections:              ${fmt(await loadSmtp(server.smtpPort, key, SECONDS))}`);
    console.log(`${provider.padEnd(10)} stored: ${await database.prisma.emailMessage.count()} (retention keeps the newest 1,000)`);
  } finally {
    server?.child.kill();
    await database.drop();
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), "keyward-bench-mail-"));
try {
  await bench("sqlite");
  if (process.env.TEST_POSTGRES_URL) await bench("postgresql");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
