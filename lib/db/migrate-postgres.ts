import { randomUUID } from "node:crypto";
import pg from "pg";
import { migrationError } from "./migrate-sqlite.ts";
import type { MigrationFile } from "./migration-files.ts";
import {
  POSTGRES_MIGRATIONS_TABLE,
  POSTGRES_MIGRATION_LOCK,
  failedMigrationsError,
  summarizeRows,
  type MigrationRow,
} from "./migrations-table.ts";

// PostgreSQL DDL is transactional: each migration and its history row commit together or not at
// all. (So migrations must avoid statements that refuse transactions, e.g. CREATE INDEX
// CONCURRENTLY.)
export async function migratePostgres(url: string, migrations: MigrationFile[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [POSTGRES_MIGRATION_LOCK]);
    try {
      await client.query(POSTGRES_MIGRATIONS_TABLE);
      const { rows } = await client.query<MigrationRow>(
        "SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations",
      );
      const { applied, failed } = summarizeRows(rows);
      if (failed.length > 0) throw failedMigrationsError(failed);
      const done: string[] = [];
      for (const migration of migrations) {
        if (applied.has(migration.name)) continue;
        await applyOne(client, migration);
        done.push(migration.name);
      }
      return done;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [POSTGRES_MIGRATION_LOCK]);
    }
  } finally {
    await client.end();
  }
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  const startedAt = new Date();
  await client.query("BEGIN");
  try {
    // No parameters: pg uses the simple query protocol, which runs a multi-statement script.
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO _prisma_migrations
         (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, $4, 1)`,
      [randomUUID(), migration.checksum, migration.name, startedAt],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw migrationError(migration.name, error);
  }
}
