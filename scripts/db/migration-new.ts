import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "../../lib/db/database-url.ts";
import { migrationsDir } from "../../lib/db/migration-files.ts";
import { repoRoot } from "../../lib/db/repo-root.ts";
import { writePostgresSchema } from "./derive-postgres-schema.ts";
import { diffMigrationsToSchema, schemaPath } from "./migration-diff.ts";
import { lockfileContent } from "./schema-engine.ts";

// `npm run db:migration:new -- <name>`: the equivalent of `prisma migrate dev --create-only` for
// both providers at once, without the native schema engine. It never touches DATABASE_URL's
// database: apply the result with `npm run db:migrate`.
const providers: DatabaseProvider[] = ["sqlite", "postgresql"];

const rawName = process.argv.slice(2).join(" ").trim();
if (!rawName) {
  console.error("usage: npm run db:migration:new -- <name>");
  process.exit(2);
}
const name = slug(rawName);
const root = repoRoot();
writePostgresSchema(root);

const scripts = new Map<DatabaseProvider, string>();
for (const provider of providers) {
  const schema = readFileSync(path.join(root, schemaPath(provider)), "utf8");
  const script = await diffMigrationsToSchema(provider, schema, root);
  if (script !== null) scripts.set(provider, script);
}
if (scripts.size === 0) {
  console.log("No changes: the committed migrations already match prisma/schema.prisma.");
  process.exit(0);
}

const folder = `${timestamp(new Date())}_${name}`;
for (const [provider, script] of scripts) {
  const dir = migrationsDir(provider, root);
  mkdirSync(path.join(dir, folder), { recursive: true });
  writeFileSync(path.join(dir, folder, "migration.sql"), script);
  writeFileSync(path.join(dir, "migration_lock.toml"), lockfileContent(provider));
  console.log(`created ${path.relative(root, path.join(dir, folder, "migration.sql"))}`);
}
console.log("Review the SQL (data-preserving changes may need hand edits), then run npm run db:migrate.");

// Prisma's own naming: UTC YYYYMMDDHHMMSS, then the name in snake case.
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function slug(value: string): string {
  const cleaned = value.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (!cleaned) throw new Error(`migration name "${value}" has no letters or digits`);
  return cleaned.slice(0, 200);
}
