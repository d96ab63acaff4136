import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "./database-url.ts";
import { repoRoot } from "./repo-root.ts";

export interface MigrationFile {
  name: string;
  sql: string;
  // What Prisma stores in _prisma_migrations.checksum: the SHA-256 of migration.sql, in hex.
  checksum: string;
}

// Each provider keeps its own history: generated SQL differs between SQLite and PostgreSQL.
export function migrationsDir(provider: DatabaseProvider, root: string = repoRoot()): string {
  return provider === "postgresql"
    ? path.join(root, "prisma", "postgres", "migrations")
    : path.join(root, "prisma", "migrations");
}

// Prisma's layout: <timestamp>_<name>/migration.sql, applied in lexicographic order.
export function readMigrations(provider: DatabaseProvider, root: string = repoRoot()): MigrationFile[] {
  const dir = migrationsDir(provider, root);
  if (!existsSync(dir)) return [];
  checkLockfile(dir, provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

function checkLockfile(dir: string, provider: DatabaseProvider): void {
  const lockfile = path.join(dir, "migration_lock.toml");
  if (!existsSync(lockfile)) return;
  const match = /^\s*provider\s*=\s*"([^"]+)"/m.exec(readFileSync(lockfile, "utf8"));
  if (match && match[1] !== provider) {
    throw new Error(`${lockfile} is for provider "${match[1]}", not "${provider}"`);
  }
}
