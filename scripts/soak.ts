// `npm run soak`: the production server (server.ts on the last `next build`) on loopback, with a
// fresh SQLite database, under concurrent clients for a bounded time (SOAK_SECONDS, at most 120):
// signed-in page loads, and key creates, edits, deletes and reads through /v3. At the end it checks
// the data (counts, audit events, orphans), that nothing answered 5xx, and that the server's memory
// levelled off, then prints the figures. Not part of `npm test`.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkConsistency } from "./soak/consistency.ts";
import { prepareSoakDatabase, soakOwner } from "./soak/setup.ts";
import { signInCookie } from "./soak/sign-in.ts";
import { runClients } from "./soak/clients.ts";

const seconds = Math.min(120, Number(process.env.SOAK_SECONDS ?? 120));
const clients = Number(process.env.SOAK_CLIENTS ?? 16);
const port = Number(process.env.SOAK_PORT ?? 3305);
const base = `http://127.0.0.1:${port}`;

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `NEXT_TELEMETRY_DISABLED=1 npx next build` first.");
  process.exit(1);
}
mkdirSync("data", { recursive: true });
const file = path.resolve("data/soak.db");
const { accountId, apiKey } = await prepareSoakDatabase(file);

const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
  env: { ...process.env, NODE_ENV: "production", KEYWARD_DEMO: "1", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${file}`, AUTH_SECRET: "soak-only-secret-not-for-any-real-deployment-0123", NEXT_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "pipe", "pipe"],
});
let serverOutput = "";
server.stdout.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
server.stderr.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));

let exitCode = 1;
try {
  await waitForServer();
  const cookie = await signInCookie(base, soakOwner);
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(residentMegabytes(server.pid!)), 2_000);
  const started = Date.now();
  const tally = await runClients({ base, apiKey, cookie, clients, until: started + seconds * 1000 });
  clearInterval(sampler);
  const elapsed = (Date.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 500));

  const data = checkConsistency(file, accountId);
  const quarter = Math.max(1, Math.floor(rss.length / 4));
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  const secondQuarter = mean(rss.slice(quarter, 2 * quarter));
  const lastQuarter = mean(rss.slice(-quarter));
  const growth = (lastQuarter - secondQuarter) / secondQuarter;
  const total = Object.values(tally.byOperation).reduce((sum, op) => sum + op.count, 0);
  const secretsInLog = tally.secrets.filter((secret) => serverOutput.includes(secret)).length;

  console.log(`\nSoak: ${clients} clients for ${elapsed.toFixed(0)} s against ${base} (SQLite, production build)`);
  console.log(`requests: ${total} (${(total / elapsed).toFixed(0)}/s); 5xx: ${tally.serverErrors}; failed connections: ${tally.networkErrors}`);
  for (const [operation, figures] of Object.entries(tally.byOperation)) {
    const sorted = [...figures.latencies].sort((a, b) => a - b);
    const p = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(0);
    console.log(`  ${operation.padEnd(12)} ${String(figures.count).padStart(6)}  p50 ${p(0.5)} ms  p99 ${p(0.99)} ms  statuses ${JSON.stringify(figures.statuses)}`);
  }
  console.log(`data: ${data.keys} keys in the soak account; audit events ${JSON.stringify(data.events)}`);
  console.log(`      consistency problems: ${data.problems.length ? data.problems.join("; ") : "none"}`);
  console.log(`memory (RSS): start ${rss[0]?.toFixed(0)} MB, 2nd quarter ${secondQuarter.toFixed(0)} MB, last quarter ${lastQuarter.toFixed(0)} MB, peak ${Math.max(...rss).toFixed(0)} MB (${(growth * 100).toFixed(1)}% growth)`);
  console.log(`secrets found in the server's output: ${secretsInLog} of ${tally.secrets.length}`);

  const createdEvents = data.events["key.created"] ?? 0;
  const deletedEvents = data.events["key.deleted"] ?? 0;
  const failures = [
    ...(tally.serverErrors ? [`${tally.serverErrors} answers were 5xx`] : []),
    ...["page", "audit page"].flatMap((page) => {
      const statuses = tally.byOperation[page]?.statuses ?? {};
      return Object.keys(statuses).some((status) => status !== "200") ? [`${page} loads answered ${JSON.stringify(statuses)}: the session did not hold`] : [];
    }),
    ...(tally.networkErrors ? [`${tally.networkErrors} requests failed to connect or were cut`] : []),
    ...data.problems,
    ...(createdEvents !== tally.created ? [`${tally.created} creates acknowledged, ${createdEvents} key.created events`] : []),
    ...(deletedEvents !== tally.deleted ? [`${tally.deleted} deletes acknowledged, ${deletedEvents} key.deleted events`] : []),
    ...(data.keys !== 1 + tally.created - tally.deleted ? [`expected ${1 + tally.created - tally.deleted} keys, found ${data.keys}`] : []),
    // Levelled off: the last quarter's mean within 25% of the second quarter's (after warm-up).
    ...(growth > 0.25 ? [`memory grew ${(growth * 100).toFixed(0)}% between the second and last quarter`] : []),
    ...(secretsInLog ? [`${secretsInLog} secrets appeared in the server's output`] : []),
  ];
  console.log(failures.length ? `\nSOAK FAILED:\n- ${failures.join("\n- ")}` : "\nSoak passed.");
  exitCode = failures.length ? 1 : 0;
} catch (error) {
  console.error("Soak could not run:", error instanceof Error ? error.message : error);
  console.error(serverOutput.slice(-2000));
} finally {
  server.kill("SIGTERM");
}
process.exit(exitCode);

async function waitForServer() {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/sign-in`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("server did not start within 90 s");
}

function residentMegabytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : 0;
}
