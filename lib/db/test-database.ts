import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "./create-client.ts";
import type { DatabaseProvider } from "./database-url.ts";
import { migrate } from "./migrate.ts";
import { assertLocalPostgres, withDatabaseName } from "./postgres-url.ts";

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

// Data-layer tests run once per provider: SQLite always, PostgreSQL when a server is named, e.g.
// TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test. Typical use:
//   describe.each(testProviders)("%s", (provider) => {
//     let db: TestDatabase;
//     beforeAll(async () => { db = await createTestDatabase(provider); });
//     afterAll(() => db.drop());
//   });
export const testProviders: DatabaseProvider[] = process.env.TEST_POSTGRES_URL
  ? ["sqlite", "postgresql"]
  : ["sqlite"];

// A fresh, fully migrated database of its own, so test files can run in parallel.
export async function createTestDatabase(provider: DatabaseProvider): Promise<TestDatabase> {
  return provider === "postgresql" ? createPostgres() : createSqlite();
}

async function createSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "keyward-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  try {
    await migrate(url);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgres(): Promise<TestDatabase> {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) throw new Error("TEST_POSTGRES_URL is not set: no PostgreSQL server to create a test database on");
  assertLocalPostgres(server);
  const name = `keyward_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(server, `CREATE DATABASE "${name}"`);
  const url = withDatabaseName(server, name);
  const dropDatabase = () => adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  try {
    await migrate(url);
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await dropDatabase();
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
