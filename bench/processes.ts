// Starting and stopping the processes the bench measures, and reading their memory.
import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

export interface Served {
  port: number;
  child: ChildProcess;
}

const live = new Set<ChildProcess>();

/** Every process started here is killed when the bench ends, whichever way it ends. */
export function killAll(): void {
  for (const child of live) child.kill("SIGKILL");
}

function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once("exit", () => live.delete(child));
  return child;
}

/** bench/baseline.ts (or another script that prints `listening <port>`) on this database. */
export async function startBaseline(databaseUrl: string, port: number, script = "baseline.ts"): Promise<Served> {
  const child = track(
    spawn(process.execPath, ["--import", "tsx", path.join("bench", script)], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", () => resolve());
    child.once("exit", (code) => reject(new Error(`baseline exited (${code})`)));
  });
  return { port, child };
}

/**
 * server.ts as `npm start` runs it: NODE_ENV=production, the production build, Next loaded, the
 * access log on stdout, which goes to a file as a service manager would keep it. Node runs tsx as
 * a loader here (tsx's own command would run it in a child process, whose memory is not ours to read).
 */
export async function startServed(databaseUrl: string, port: number, logFile: string, nodeArgs: string[] = [], env: Record<string, string> = {}): Promise<Served> {
  const out = openSync(logFile, "a");
  const child = track(
    spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: "127.0.0.1",
        AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-only-secret-not-for-any-real-deployment-0123456789",
        // As scripts/lib.sh's server_memory_settings sets it for npm start and npm run serve.
        MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
        // The SMTP relay starts with the app: never on its default 2525, which a running app holds.
        SMTP_PORT: String(port + 100),
        ...env,
      },
      stdio: ["ignore", out, out],
    }),
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server.ts exited (${child.exitCode}); see ${logFile}`);
    const ready = await fetch(`http://127.0.0.1:${port}/v3/scopes`).then((response) => response.status === 401, () => false);
    if (ready) return { port, child };
    if (Date.now() > deadline) throw new Error(`server.ts did not answer within 120 s; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function stop(served: Served): Promise<void> {
  if (served.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    served.child.once("exit", () => resolve());
    served.child.kill("SIGTERM");
    setTimeout(() => served.child.kill("SIGKILL"), 5_000).unref();
  });
}

/** Resident memory of a process, in MB (Linux), or null where /proc is not there. */
export function residentMb(pid: number | undefined): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * CPU time a process has used so far, user plus system, in milliseconds (Linux), or null where
 * /proc is not there. Unlike throughput, the delta per request hardly moves with the machine's load.
 */
export function cpuMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at ") "; utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

// sysconf(_SC_CLK_TCK): 100 on every Linux Node runs on.
const CLOCK_TICKS = 100;
