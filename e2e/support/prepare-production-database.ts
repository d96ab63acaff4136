// Run by the production webServer's command: an empty, migrated database, as on a new server.
import { rmSync } from "node:fs";
import pg from "pg";
import { migrate } from "../../lib/db/migrate.ts";
import { assertLocalPostgres, withDatabaseName } from "../../lib/db/postgres-url.ts";
import { e2eDatabaseFile } from "./database.ts";
import { PRODUCTION_DATABASE_URL } from "./production.ts";

const url = PRODUCTION_DATABASE_URL;
if (url.startsWith("file:")) {
  const file = e2eDatabaseFile(url);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
} else {
  assertLocalPostgres(url);
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}
await migrate(url);
console.log(`empty production database ready (${url.startsWith("file:") ? "SQLite" : "PostgreSQL"})`);
