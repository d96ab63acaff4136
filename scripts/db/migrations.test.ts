import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsDir, readMigrations } from "../../lib/db/migration-files.ts";
import { migrate } from "../../lib/db/migrate.ts";
import { repoRoot } from "../../lib/db/repo-root.ts";
import { createTestDatabase, testProviders, type TestDatabase } from "../../lib/db/test-database.ts";
import { diagnoseHistory, diffDatabaseToSchema } from "./migration-diff.ts";
import { POSTGRES_SCHEMA, derivePostgresSchema, readSqliteSchema } from "./postgres-schema.ts";

const root = repoRoot();

// prisma/schema.prisma is the truth for both providers: the PostgreSQL side is compared with the
// derivation of it, not with the committed copy, so a stale copy cannot hide drift.
function expectedSchema(provider: "sqlite" | "postgresql"): string {
  const source = readSqliteSchema(root);
  return provider === "postgresql" ? derivePostgresSchema(source) : source;
}

describe("prisma/postgres/schema.prisma", () => {
  it("is exactly the derivation of prisma/schema.prisma (run npm run db:generate)", () => {
    const committed = readFileSync(path.join(root, POSTGRES_SCHEMA), "utf8");
    expect(committed).toBe(derivePostgresSchema(readSqliteSchema(root)));
  });
});

// With TEST_POSTGRES_URL set, PostgreSQL is in testProviders; an unreachable server then fails
// beforeAll (and so every test below) instead of skipping.
describe.each(testProviders)("%s migrations", (provider) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("are committed with a lock file for the provider", () => {
    const dir = migrationsDir(provider, root);
    expect(readMigrations(provider, root).length).toBeGreaterThan(0);
    expect(existsSync(path.join(dir, "migration_lock.toml"))).toBe(true);
    expect(readFileSync(path.join(dir, "migration_lock.toml"), "utf8")).toContain(`provider = "${provider}"`);
  });

  it("build exactly the schema in prisma/schema.prisma (else: npm run db:migration:new -- <name>)", async () => {
    const missing = await diffDatabaseToSchema(provider, db.url, expectedSchema(provider));
    expect(missing, `the migrations lack:\n${missing}`).toBeNull();
  });

  it("apply nothing the second time", async () => {
    expect(await migrate(db.url)).toEqual([]);
  });

  it("are recorded the way Prisma's engine reads them", async () => {
    const diagnosis = await diagnoseHistory(provider, db.url, root);
    expect(diagnosis).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
  });

  it("leave a working client behind", async () => {
    const account = await db.prisma.account.create({ data: { name: "Drift check" } });
    expect(await db.prisma.account.findUnique({ where: { id: account.id } })).toMatchObject({ keyCount: 0 });
  });
});
