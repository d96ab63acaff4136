import "server-only";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";

// One client per process. Next's dev server re-evaluates modules on every edit, so the client
// is kept on globalThis to avoid opening a new pool (or SQLite handle) each time.
const globalForDb = globalThis as unknown as { keywardDb?: PrismaClient };

export function getDb(): PrismaClient {
  globalForDb.keywardDb ??= createPrismaClient();
  return globalForDb.keywardDb;
}
