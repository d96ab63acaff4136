// Prisma's own definitions of its history table (copied from the 7.10 schema engine), so that a
// database migrated here is one `prisma migrate deploy` recognises, and vice versa.
export const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export const POSTGRES_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

// The lock Prisma's engine takes around PostgreSQL migrations: taking the same one keeps this
// runner and `prisma migrate deploy` (or several app instances starting at once) from racing.
export const POSTGRES_MIGRATION_LOCK = 72707369;

export interface MigrationRow {
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

// Prisma's rules: a row counts as applied once finished and not rolled back; a row neither
// finished nor rolled back is a failed migration that blocks everything until resolved (P3009).
export function summarizeRows(rows: MigrationRow[]): { applied: Set<string>; failed: string[] } {
  const live = rows.filter((row) => row.rolled_back_at == null);
  return {
    applied: new Set(live.filter((row) => row.finished_at != null).map((row) => row.migration_name)),
    failed: live.filter((row) => row.finished_at == null).map((row) => row.migration_name),
  };
}

export function failedMigrationsError(failed: string[]): Error {
  return new Error(
    `migrations failed earlier and are not resolved: ${failed.join(", ")}. ` +
      "Fix the database, then mark them with `prisma migrate resolve --rolled-back|--applied <name>` " +
      "(or update _prisma_migrations.rolled_back_at) before migrating again.",
  );
}
