import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrateSqlite } from "../../lib/db/migrate-sqlite.ts";
import { checksumOf, type MigrationFile } from "../../lib/db/migration-files.ts";

function migration(name: string, sql: string): MigrationFile {
  return { name, sql, checksum: checksumOf(sql) };
}

const parentAndChild = migration(
  "1_init",
  `CREATE TABLE "Parent" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
   CREATE TABLE "Child" ("id" TEXT NOT NULL PRIMARY KEY, "parentId" TEXT NOT NULL,
     CONSTRAINT "Child_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Parent" ("id") ON DELETE CASCADE);`,
);

// The shape Prisma generates on SQLite when a column changes: rebuild the table under a new name.
const redefineParent = migration(
  "2_redefine",
  `PRAGMA defer_foreign_keys=ON;
   PRAGMA foreign_keys=OFF;
   CREATE TABLE "new_Parent" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL DEFAULT 'x');
   INSERT INTO "new_Parent" ("id", "name") SELECT "id", "name" FROM "Parent";
   DROP TABLE "Parent";
   ALTER TABLE "new_Parent" RENAME TO "Parent";
   PRAGMA foreign_keys=ON;
   PRAGMA defer_foreign_keys=OFF;`,
);

describe("SQLite migration runner", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  function freshFile(): string {
    dir = mkdtempSync(path.join(os.tmpdir(), "keyward-runner-"));
    return path.join(dir, "runner.db");
  }

  it("rebuilds a parent table without cascading deletes into its children", () => {
    const file = freshFile();
    expect(migrateSqlite(file, [parentAndChild])).toEqual(["1_init"]);
    const db = new Database(file);
    db.exec(`INSERT INTO "Parent" VALUES ('p', 'n'); INSERT INTO "Child" VALUES ('c', 'p');`);
    db.close();

    expect(migrateSqlite(file, [parentAndChild, redefineParent])).toEqual(["2_redefine"]);
    const after = new Database(file);
    expect(after.prepare(`SELECT count(*) AS n FROM "Child"`).get()).toEqual({ n: 1 });
    expect(after.pragma("foreign_keys", { simple: true })).toBe(1);
    after.close();
  });

  it("rolls a failing migration back whole and records nothing", () => {
    const file = freshFile();
    migrateSqlite(file, [parentAndChild]);
    const broken = migration("2_broken", `CREATE TABLE "Half" ("id" TEXT); INSERT INTO "Nowhere" VALUES (1);`);
    expect(() => migrateSqlite(file, [parentAndChild, broken])).toThrow(/2_broken failed and was rolled back/);

    const db = new Database(file);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'Half'`).all()).toEqual([]);
    expect(db.prepare(`SELECT migration_name FROM _prisma_migrations`).all()).toEqual([{ migration_name: "1_init" }]);
    db.close();
  });

  it("refuses to run past a migration Prisma recorded as failed", () => {
    const file = freshFile();
    migrateSqlite(file, [parentAndChild]);
    const db = new Database(file);
    db.prepare(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ('x', 'y', '2_redefine', '2020-01-01')`,
    ).run();
    db.close();
    expect(() => migrateSqlite(file, [parentAndChild, redefineParent])).toThrow(/failed earlier/);
  });
});
