import path from "node:path";
import { defineConfig } from "prisma/config";
import { resolveDatabase } from "./lib/db/database-url.ts";

// The Prisma CLI does not load .env: DATABASE_URL comes from the environment, as for the app.
// The schema and migrations follow the database the URL names, so `prisma migrate deploy` and
// `prisma studio` work for either provider wherever the schema-engine binary is available.
// (`npm run db:generate` passes each schema explicitly and generates both clients.)
const database = resolveDatabase();
const folder = database.provider === "postgresql" ? path.join("prisma", "postgres") : "prisma";

export default defineConfig({
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  datasource: { url: database.url },
});
