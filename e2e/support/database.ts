import path from "node:path";
import { DEFAULT_SQLITE_PATH, resolveDatabase } from "../../lib/db/database-url.ts";

// The end-to-end suite deletes and re-seeds its database on every run, so it gets a file of its
// own. E2E_DATABASE_URL may name another SQLite file, never the dev database or a server.
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";

/** The SQLite file the suite may delete, or an error saying why it refuses. */
export function e2eDatabaseFile(url: string = E2E_DATABASE_URL): string {
  const database = resolveDatabase({ DATABASE_URL: url });
  if (database.provider !== "sqlite") {
    throw new Error("refusing to run end-to-end tests against a database server: E2E_DATABASE_URL must be file:<path>");
  }
  const file = database.url.slice("file:".length);
  if (file === ":memory:") throw new Error("E2E_DATABASE_URL must name a file: the app server and the setup share it");
  if (path.basename(file) === path.basename(DEFAULT_SQLITE_PATH)) {
    throw new Error(`refusing to delete ${file}: that is the development database`);
  }
  return file;
}
