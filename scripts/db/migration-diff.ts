import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DatabaseProvider } from "../../lib/db/database-url.ts";
import { migrationsDir, readMigrations } from "../../lib/db/migration-files.ts";
import { repoRoot } from "../../lib/db/repo-root.ts";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./postgres-schema.ts";
import { migrationList, noFilters, openSchemaEngine } from "./schema-engine.ts";

export function schemaPath(provider: DatabaseProvider): string {
  return provider === "postgresql" ? POSTGRES_SCHEMA : SQLITE_SCHEMA;
}

// The PostgreSQL server that hosts throwaway shadow databases when migrations are created.
export function postgresServerUrl(env: Record<string, string | undefined> = process.env): string {
  return env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

// The SQL that takes a database built by the committed migrations to what the schema describes
// (replayed on a shadow database); null when there is nothing to do.
export async function diffMigrationsToSchema(
  provider: DatabaseProvider,
  schemaContent: string,
  root: string = repoRoot(),
): Promise<string | null> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "keyward-diff-"));
  const mainUrl = provider === "sqlite" ? `file:${path.join(scratch, "main.db")}` : postgresServerUrl();
  const session = await openSchemaEngine(provider, mainUrl, { path: schemaPath(provider), content: schemaContent });
  try {
    const dir = migrationsDir(provider, root);
    const result = await session.engine.diff({
      from: { tag: "migrations", ...migrationList(dir, provider, readMigrations(provider, root)) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath(provider), content: schemaContent }] },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : null;
  } finally {
    await session.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

// The SQL that would take the live database at `url` to what the schema describes; null when
// they already match.
export async function diffDatabaseToSchema(
  provider: DatabaseProvider,
  url: string,
  schemaContent: string,
): Promise<string | null> {
  const schema = { path: schemaPath(provider), content: schemaContent };
  const session = await openSchemaEngine(provider, url, schema);
  try {
    // "schemaDatasource" introspects the engine's main connection (the adapter for `url`); the
    // "url" target is no longer supported by Prisma 7.
    const result = await session.engine.diff({
      from: { tag: "schemaDatasource", files: [schema], configDir: repoRoot() },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : null;
  } finally {
    await session.close();
  }
}

// Prisma's own reading of the database's _prisma_migrations against the migrations folder.
export async function diagnoseHistory(provider: DatabaseProvider, url: string, root: string = repoRoot()) {
  const content = readFileSync(path.join(root, schemaPath(provider)), "utf8");
  const session = await openSchemaEngine(provider, url, { path: schemaPath(provider), content });
  try {
    return await session.engine.diagnoseMigrationHistory({
      migrationsList: migrationList(migrationsDir(provider, root), provider, readMigrations(provider, root)),
      optInToShadowDatabase: false,
      filters: noFilters,
    });
  } finally {
    await session.close();
  }
}
