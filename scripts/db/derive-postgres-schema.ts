import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../../lib/db/repo-root.ts";
import { POSTGRES_SCHEMA, derivePostgresSchema, readSqliteSchema } from "./postgres-schema.ts";

// Writes prisma/postgres/schema.prisma; leaves the file untouched when it is already current.
export function writePostgresSchema(root = repoRoot()): boolean {
  const target = path.join(root, POSTGRES_SCHEMA);
  const derived = derivePostgresSchema(readSqliteSchema(root));
  let current: string | undefined;
  try {
    current = readFileSync(target, "utf8");
  } catch {
    current = undefined;
  }
  if (current === derived) return false;
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, derived);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  if (writePostgresSchema()) console.log(`wrote ${POSTGRES_SCHEMA}`);
}
