import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/db/test-database";
import { createKeyLookup, type KeyLookup } from "./api-key-lookup";
import { createAccount, insertKeys } from "./test-fixtures";

describe.each(testProviders)("a key found by its id, on %s", (provider) => {
  let database: TestDatabase;
  let lookup: KeyLookup;
  let ids: string[];
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    const account = await createAccount(database.prisma);
    ids = (await insertKeys(database.prisma, account.id, 5)).sort();
    lookup = createKeyLookup(database.prisma, database.url);
  });
  afterAll(async () => {
    await lookup?.close();
    await database?.drop();
  });

  it("finds each key by its exact id, and nothing for an id that is not there, whatever its neighbours", async () => {
    for (const id of ids) expect((await lookup.find(id))?.id).toBe(id);
    const first = ids[0]!;
    const last = ids.at(-1)!;
    // Before the first id, between two ids (an existing id with a character more or less), after the last.
    for (const unknown of ["", "0", first.slice(0, -1), `${first}0`, `${ids[2]}x`, `${last}z`, "~~~~"]) {
      expect(await lookup.find(unknown)).toBeNull();
    }
  });
});
