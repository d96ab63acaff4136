// Test helper: lib/api/testing/serve-api.ts started as a process of its own (its own Prisma
// client and pool), as separate app instances on one database are.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { repoRoot } from "@/lib/db/repo-root";

export interface Instance {
  name: string;
  url: string;
  /** The SMTP relay's port, when started with `smtp`. */
  smtpPort?: number;
  child: ChildProcess;
  /** The last lines the process wrote to stderr (its request log), for failure messages. */
  stderr: string[];
}

const STARTUP_TIMEOUT_MS = 15_000;

/** Starts serve-api.ts in a process of its own and resolves once it listens. */
export function startInstance(name: string, databaseUrl: string, { smtp = false } = {}): Promise<Instance> {
  const root = repoRoot();
  const args = ["--import", "tsx", path.join(root, "lib/api/testing/serve-api.ts"), "--exit-with-stdin", ...(smtp ? ["--smtp"] : [])];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "0", NODE_ENV: "production", AUTH_SECRET: "test", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const stderr: string[] = [];
  // Always drained: a full pipe would block the child's log writes and so its requests.
  createInterface({ input: child.stderr! }).on("line", (line) => {
    stderr.push(line);
    if (stderr.length > 200) stderr.shift();
  });
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      child.kill("SIGKILL");
      reject(new Error(`instance ${name} did not start: ${why}\n${stderr.join("\n")}`));
    };
    const timer = setTimeout(() => fail(`no "listening" line within ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
    child.once("error", (error) => fail(error.message));
    child.once("exit", (code, signal) => fail(`exited (${signal ?? code})`));
    createInterface({ input: child.stdout! }).once("line", (line) => {
      const [, port, smtpPort] = /^listening (\d+)(?: (\d+))?$/.exec(line) ?? [];
      if (!port) return fail(`unexpected first line ${JSON.stringify(line)}`);
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({ name, url: `http://127.0.0.1:${port}`, ...(smtpPort ? { smtpPort: Number(smtpPort) } : {}), child, stderr });
    });
  });
}

/** SIGTERM, then SIGKILL if it has not exited within two seconds. */
export async function stopInstance(instance: Instance | undefined): Promise<void> {
  const child = instance?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 2_000);
  await exited;
  clearTimeout(timer);
}
