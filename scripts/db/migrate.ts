import { resolveDatabase } from "../../lib/db/database-url.ts";
import { migrate } from "../../lib/db/migrate.ts";

// `npm run db:migrate`: applies pending migrations to DATABASE_URL's database (default
// data/keyward.db).
const database = resolveDatabase();
const applied = await migrate(database.url);
const where = database.provider === "sqlite" ? database.url : "PostgreSQL";
console.log(applied.length ? `applied to ${where}: ${applied.join(", ")}` : `${where} is up to date`);
