import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// scripts/lib.sh's ensure_auth_secret, as `npm start` runs it, in a directory of its own.
const lib = path.resolve("scripts/lib.sh");
let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function ensureAuthSecret(env: Record<string, string> = {}): void {
  const { AUTH_SECRET: _ignored, ...inherited } = process.env;
  execFileSync("bash", ["-c", `source "${lib}" && ensure_auth_secret`], { cwd: dir, env: { ...inherited, ...env }, stdio: "pipe" });
}

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe("ensure_auth_secret (npm start)", () => {
  it("writes a new .env.local readable by its owner only", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "keyward-env-"));
    ensureAuthSecret();
    const file = path.join(dir, ".env.local");
    expect(readFileSync(file, "utf8")).toMatch(/^AUTH_SECRET=[A-Za-z0-9_-]{43}$/m);
    expect(modeOf(file)).toBe(0o600);
  });

  it("narrows an existing .env.local that others could read, keeping its contents", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "keyward-env-"));
    const file = path.join(dir, ".env.local");
    writeFileSync(file, "AUTH_SECRET=kept\n");
    chmodSync(file, 0o644);
    ensureAuthSecret({ AUTH_SECRET: "kept" });
    expect(readFileSync(file, "utf8")).toBe("AUTH_SECRET=kept\n");
    expect(modeOf(file)).toBe(0o600);
  });
});
