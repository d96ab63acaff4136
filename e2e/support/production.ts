import { withDatabaseName } from "../../lib/db/postgres-url.ts";

// The production journey (e2e/production/) runs a second server, as `npm run serve` runs it: no
// demo data, an empty database of its own, outgoing mail to an SMTP receiver the spec starts.
// PostgreSQL when TEST_POSTGRES_URL names a local server (as CI does), else a SQLite file.
const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const productionPort = Number(process.env.E2E_PRODUCTION_PORT ?? e2ePort + 1);
export const productionSmtpPort = Number(process.env.E2E_SMTP_PORT ?? e2ePort + 2);
export const productionBaseURL = `http://localhost:${productionPort}`;

export const PRODUCTION_DATABASE_URL = process.env.TEST_POSTGRES_URL
  ? withDatabaseName(process.env.TEST_POSTGRES_URL, "keyward_e2e_production")
  : "file:./data/e2e-production.db";
