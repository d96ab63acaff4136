// The commands themselves, as an operator runs them, on a fresh SQLite file.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/create-client";
import { migrate } from "@/lib/db/migrate";
import { resetPassword } from "@/lib/data/password-resets";

const run = promisify(execFile);

describe("npm run user:create and user:reset-password", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "keyward-cli-"));
    env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "cli.db")}`, AUTH_URL: "https://keys.example.test" };
    await migrate(env.DATABASE_URL as string);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const command = (script: string, args: string[]) => run("node_modules/.bin/tsx", [`scripts/users/${script}.ts`, ...args], { env });
  const linkOf = (output: string) => /https:\/\/keys\.example\.test\/reset-password\/([A-Za-z0-9_-]{43})/.exec(output)?.[1];

  it("creates support staff and prints a set-password link once, which then sets the password", async () => {
    const { stdout } = await command("create", ["--support", "--email", "sam@team.test", "--name", "Sam"]);
    expect(stdout).toContain("Created sam@team.test: support staff");
    const token = linkOf(stdout);
    expect(token).toBeDefined();
    const db = createPrismaClient(env.DATABASE_URL);
    try {
      const user = await db.user.findUniqueOrThrow({ where: { email: "sam@team.test" } });
      expect(user.isSupportStaff).toBe(true);
      expect(await resetPassword(db, token as string, { password: "sam's own passphrase", confirmPassword: "sam's own passphrase" })).toMatchObject({ ok: true });
      const after = await db.user.findUniqueOrThrow({ where: { email: "sam@team.test" } });
      expect(await verifyPassword(after.passwordHash, "sam's own passphrase")).toBe(true);
    } finally {
      await db.$disconnect();
    }
  }, 60_000);

  it("prints a one-time reset link for an existing user, and fails clearly for anyone else", async () => {
    const { stdout } = await command("reset-password", ["--email", "sam@team.test"]);
    expect(stdout).toContain("works once, for 1 hour");
    expect(linkOf(stdout)).toBeDefined();
    await expect(command("reset-password", ["--email", "ghost@team.test"])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("No user has the e-mail ghost@team.test") });
    await expect(command("create", ["--email", "sam@team.test"])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("already exists") });
    await expect(command("create", [])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("usage: npm run user:create") });
  }, 60_000);
});
