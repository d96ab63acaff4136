// The production command must not serve a database with demo users. server.ts checks before Next
// starts, so this needs no build: it runs the real server process on a seeded SQLite file.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";

function runServer(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", ["server.ts"], {
      env: { PATH: process.env.PATH, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // A server that starts instead of refusing would run forever: stop it and report.
    const timer = setTimeout(() => child.kill("SIGTERM"), 45_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("npm run serve (NODE_ENV=production) on a database with demo users", () => {
  let dir: string;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "keyward-refuse-"));
    url = `file:${path.join(dir, "demo.db")}`;
    await migrate(url);
    const db = createPrismaClient(url);
    await seed(db);
    await db.$disconnect();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses to start, names the demo users and says how to remove them", async () => {
    const { code, output } = await runServer({ NODE_ENV: "production", DATABASE_URL: url, PORT: "3391" });
    expect(code).toBe(1);
    expect(output).toContain("Keyward will not start in production: this database has demo users");
    expect(output).toContain("owner@acme.test");
    expect(output).toContain("npm run user:reset-password -- --email");
  }, 60_000);
});
