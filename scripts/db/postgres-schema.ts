import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../../lib/db/repo-root.ts";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/db/derive-postgres-schema.ts (npm run db:generate).\n" +
  "// Do not edit: change prisma/schema.prisma instead.\n\n";

// A generated client serves one provider only, and Prisma wants the provider as a literal, so the
// PostgreSQL schema is a copy with exactly two lines changed: the provider and the client output
// (re-anchored because this file sits one folder deeper).
export function derivePostgresSchema(sqliteSchema: string): string {
  let schema = replaceInBlock(sqliteSchema, /^datasource\s+\w+\s*\{/m, /^(\s*provider\s*=\s*)"sqlite"/m, '$1"postgresql"');
  schema = replaceInBlock(schema, /^generator\s+client\s*\{/m, /^(\s*output\s*=\s*)"([^"]+)"/m, (_m, lead: string, output: string) => {
    const sqliteDir = path.dirname(SQLITE_SCHEMA);
    const postgresDir = path.dirname(POSTGRES_SCHEMA);
    const sqliteOutput = path.join(sqliteDir, output);
    if (path.basename(sqliteOutput) !== "sqlite") {
      throw new Error(`expected the client output to end in /sqlite, found "${output}"`);
    }
    const postgresOutput = path.join(path.dirname(sqliteOutput), "postgres");
    return `${lead}"${path.relative(postgresDir, postgresOutput).split(path.sep).join("/")}"`;
  });
  return HEADER + schema;
}

export function readSqliteSchema(root = repoRoot()): string {
  return readFileSync(path.join(root, SQLITE_SCHEMA), "utf8");
}

function replaceInBlock(
  source: string,
  blockStart: RegExp,
  line: RegExp,
  replacement: string | ((match: string, ...groups: string[]) => string),
): string {
  const start = source.search(blockStart);
  if (start < 0) throw new Error(`schema has no block matching ${blockStart}`);
  const end = source.indexOf("}", start);
  const block = source.slice(start, end);
  if (!line.test(block)) throw new Error(`block ${blockStart} has no line matching ${line}`);
  const changed = block.replace(line, replacement as string);
  return source.slice(0, start) + changed + source.slice(end);
}
