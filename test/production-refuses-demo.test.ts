// The production command must not serve a database with demo users, nor seed one. server.ts checks
// before Next starts, so this needs no build: it runs the real processes on real databases.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { seed } from "@/prisma/seed";

function run(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", [script], {
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

describe.each(testProviders)("the production command on %s", (provider) => {
  let db: PrismaClient;
  let url: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, url, drop } = await createTestDatabase(provider));
  });
  afterAll(() => drop?.());

  it("never seeds demo data: npm run db:seed refuses with NODE_ENV=production", async () => {
    const { code, output } = await run("prisma/seed.ts", { NODE_ENV: "production", DATABASE_URL: url });
    expect(code).toBe(1);
    expect(output).toContain("Refusing to seed demo data");
    expect(await db.user.count()).toBe(0);
  }, 60_000);

  it("refuses to start while demo users exist, names them and says how to remove them", async () => {
    await seed(db);
    const { code, output } = await run("server.ts", { NODE_ENV: "production", DATABASE_URL: url, PORT: "3391", HOST: "127.0.0.1" });
    expect(code).toBe(1);
    expect(output).toContain("Keyward will not start in production: this database has demo users");
    expect(output).toContain("owner@acme.test");
    expect(output).toContain("npm run user:reset-password -- --email");
  }, 60_000);
});
