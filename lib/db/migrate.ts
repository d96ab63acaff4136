import { resolveDatabase } from "./database-url.ts";
import { migratePostgres } from "./migrate-postgres.ts";
import { migrateSqlite } from "./migrate-sqlite.ts";
import { readMigrations } from "./migration-files.ts";

// Applies the committed migrations that the database has not seen yet, each in its own
// transaction, and records them in _prisma_migrations exactly as `prisma migrate deploy` does
// (that command accepts the result, and this accepts its databases). A plain runner rather than
// Prisma's schema engine: applying needs no diffing, and this keeps the WebAssembly engine and its
// internal APIs out of the app's start-up path. Returns the names of the migrations it applied.
export async function migrate(url: string = resolveDatabase().url): Promise<string[]> {
  const { provider, url: resolved } = resolveDatabase({ DATABASE_URL: url });
  const migrations = readMigrations(provider);
  if (migrations.length === 0) throw new Error(`no ${provider} migrations found: is the working directory the repository?`);
  return provider === "postgresql"
    ? migratePostgres(resolved, migrations)
    : migrateSqlite(resolved.slice("file:".length), migrations);
}

