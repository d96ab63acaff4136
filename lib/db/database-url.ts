import { mkdirSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./repo-root.ts";

export type DatabaseProvider = "sqlite" | "postgresql";

export interface ResolvedDatabase {
  provider: DatabaseProvider;
  url: string;
}

type Env = Record<string, string | undefined>;

export const DEFAULT_SQLITE_PATH = path.join("data", "keyward.db");

// Relative SQLite paths are anchored at the repository root (where prisma.config.ts lives), so
// the app, the scripts and the Prisma CLI all open the same file whatever the working directory.
export function resolveDatabase(env: Env = process.env): ResolvedDatabase {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return sqliteFile(path.join(repoRoot(), DEFAULT_SQLITE_PATH));
  if (raw.startsWith("file:")) {
    const filePath = raw.slice("file:".length);
    if (filePath === "") throw new Error("DATABASE_URL \"file:\" names no file");
    if (filePath === ":memory:") return { provider: "sqlite", url: raw };
    return sqliteFile(path.resolve(/*turbopackIgnore: true*/ repoRoot(), filePath));
  }
  if (/^postgres(ql)?:\/\//.test(raw)) return { provider: "postgresql", url: raw };
  throw new Error(
    `Unsupported DATABASE_URL "${redact(raw)}": use file:<path> for SQLite or ` +
      "postgres://… / postgresql://… for PostgreSQL (or leave it unset for data/keyward.db)",
  );
}

export function providerOf(url: string): DatabaseProvider {
  return resolveDatabase({ DATABASE_URL: url }).provider;
}

function sqliteFile(absolutePath: string): ResolvedDatabase {
  // better-sqlite3 creates the file but not its folder.
  mkdirSync(path.dirname(absolutePath), { recursive: true });
  return { provider: "sqlite", url: `file:${absolutePath}` };
}

// Error messages end up in logs: keep a password out of them.
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
