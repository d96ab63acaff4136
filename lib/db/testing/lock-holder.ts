// Test helper: another process holding the database's write lock, as a backup tool, a second
// instance or `sqlite3` at the prompt can. It runs in a child process so that nothing it does can
// block the test's own event loop, which is what the tests measure.
import { spawn, type ChildProcess } from "node:child_process";
import { resolveDatabase } from "../database-url.ts";

export interface LockHolder {
  /** Commits and ends the holding process. */
  release(): Promise<void>;
}

// SQLite: BEGIN IMMEDIATE takes the write lock (readers in WAL mode go on). PostgreSQL: EXCLUSIVE
// mode on the key tables blocks every write to them and lets plain reads through, the same shape.
const holders = {
  sqlite: `const Database = require("better-sqlite3");
    const db = new Database(process.env.HOLD_FILE);
    db.exec("BEGIN IMMEDIATE");
    return () => db.exec("COMMIT");`,
  postgresql: `const { Client } = require("pg");
    const client = new Client({ connectionString: process.env.HOLD_URL });
    await client.connect();
    await client.query('BEGIN; LOCK TABLE "Account", "ApiKey", "AuditEvent" IN EXCLUSIVE MODE');
    return () => client.query("COMMIT").then(() => client.end());`,
};

export async function holdWriteLock(databaseUrl: string): Promise<LockHolder> {
  const { provider, url } = resolveDatabase({ DATABASE_URL: databaseUrl });
  const script = `(async () => {
    const release = await (async () => { ${holders[provider]} })();
    process.stdout.write("held\\n");
    process.stdin.on("end", async () => { await release(); process.exit(0); }).resume();
  })().catch((error) => { console.error(error); process.exit(1); });`;
  const child = spawn(process.execPath, ["-e", script], {
    stdio: ["pipe", "pipe", "inherit"],
    env: { ...process.env, HOLD_FILE: url.replace(/^file:/, ""), HOLD_URL: url },
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`lock holder exited (${code}) before taking the lock`)));
  });
  return { release: () => ended(child) };
}

function ended(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.stdin!.end();
  });
}
