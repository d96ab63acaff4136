// `npm run bench:page`: only the API Keys page part of `npm run bench` (bench/page.ts), on SQLite,
// through server.ts as `npm start` serves it, in well under a minute. For working on the page:
//   BENCH_SECONDS=5           seconds per measurement (3 by default, as npm run bench)
//   BENCH_PROFILE=dir         the served process writes a V8 CPU profile (.cpuprofile) into dir
//                             when it stops (open it in Chrome's DevTools, Performance tab)
//   BENCH_ENCODING=identity   the page uncompressed (default: as a browser asks)
//   BENCH_SAVE=dir            writes the page's HTML (page.html) and its RSC payload (page.rsc) into dir
// Writes nothing to docs/PERFORMANCE.md.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase } from "../lib/db/test-database.ts";
import { measurePage, PAGE_KEYS, preparePageAccount, signIn } from "./page.ts";
import { killAll, residentMb, startServed, stop } from "./processes.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const PORT = 3314;

if (!existsSync(path.join(".next", "BUILD_ID"))) {
  console.error("No production build: run `npx next build` first.");
  process.exit(1);
}
const workDir = mkdtempSync(path.join(os.tmpdir(), "keyward-bench-page-"));
const database = await createTestDatabase("sqlite");
const profileDir = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined;
try {
  await preparePageAccount(database.prisma);
  const served = await startServed(database.url, PORT, path.join(workDir, "server.log"), profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
  try {
    const cookie = await signIn(PORT);
    const page = await measurePage(PORT, cookie, SECONDS, process.env.BENCH_ENCODING, served.child.pid);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    console.log(`/settings/api_keys with ${PAGE_KEYS} keys: ${kb(page.htmlBytes)} of HTML, ${kb(page.compressedBytes)} on the wire (${page.encoding})`);
    // The RSC payload alone, as a client-side navigation to the page fetches it (the HTML inlines it too).
    const url = `http://127.0.0.1:${PORT}/settings/api_keys`;
    const rsc = await (await fetch(url, { headers: { cookie, rsc: "1" } })).text();
    console.log(`RSC payload: ${kb(Buffer.byteLength(rsc))}`);
    if (process.env.BENCH_SAVE) {
      const dir = path.resolve(process.env.BENCH_SAVE);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "page.html"), await (await fetch(url, { headers: { cookie } })).text());
      writeFileSync(path.join(dir, "page.rsc"), rsc);
    }
    for (const [label, result] of [["1 user", page.oneUser], ["10 users", page.tenUsers]] as const) {
      console.log(`${label}: ${result.perSecond.toFixed(1)} pages/s, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.errors} errors`);
    }
    if (page.cpuMsPerPage !== null) console.log(`server.ts CPU per page, one user: ${page.cpuMsPerPage.toFixed(1)} ms`);
    console.log(`server.ts resident memory: ${residentMb(served.child.pid) ?? "?"} MB`);
  } finally {
    await stop(served);
  }
  if (profileDir) console.log(`CPU profile written to ${profileDir}`);
} finally {
  killAll();
  await database.drop();
  rmSync(workDir, { recursive: true, force: true });
}
