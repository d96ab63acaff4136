import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { MigrationFile } from "./migration-files.ts";
import { SQLITE_MIGRATIONS_TABLE, failedMigrationsError, summarizeRows, type MigrationRow } from "./migrations-table.ts";

export function migrateSqlite(file: string, migrations: MigrationFile[]): string[] {
  const db = new Database(file, { timeout: 15_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(SQLITE_MIGRATIONS_TABLE);
    const applied: string[] = [];
    for (const migration of migrations) {
      if (applyOne(db, migration)) applied.push(migration.name);
    }
    return applied;
  } finally {
    db.close();
  }
}

function applyOne(db: Database.Database, migration: MigrationFile): boolean {
  // Prisma's generated scripts rebuild tables (create new, copy, drop old, rename). With foreign
  // keys enforced, dropping the old parent table would fire ON DELETE CASCADE on its children,
  // and the pragma is a no-op inside a transaction: switch enforcement off around it and check
  // the result before committing instead, as SQLite's documentation prescribes.
  const foreignKeys = db.pragma("foreign_keys", { simple: true }) as number;
  db.pragma("foreign_keys = OFF");
  try {
    // IMMEDIATE takes the write lock up front, so concurrent migrators queue instead of racing.
    db.exec("BEGIN IMMEDIATE");
    try {
      const { applied, failed } = summarizeRows(
        db.prepare("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations").all() as MigrationRow[],
      );
      if (failed.length > 0) throw failedMigrationsError(failed);
      if (applied.has(migration.name)) {
        db.exec("ROLLBACK");
        return false;
      }
      const startedAt = timestamp();
      db.exec(migration.sql);
      const violations = db.pragma("foreign_key_check") as unknown[];
      if (violations.length > 0) {
        throw new Error(`leaves ${violations.length} foreign key violation(s): ${JSON.stringify(violations.slice(0, 5))}`);
      }
      db.prepare(
        `INSERT INTO _prisma_migrations
           (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
      ).run(randomUUID(), migration.checksum, timestamp(), migration.name, startedAt);
      db.exec("COMMIT");
      return true;
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw migrationError(migration.name, error);
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
  }
}

// The format Prisma's engine writes into these DATETIME columns (RFC 3339, milliseconds, +00:00).
function timestamp(): string {
  return new Date().toISOString().replace("Z", "+00:00");
}

export function migrationError(name: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith("migrations failed earlier")) return error as Error;
  return new Error(`migration ${name} failed and was rolled back: ${message}`, { cause: error });
}
