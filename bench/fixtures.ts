// The bench's database: 10,000 keys in one account, among them a Full Access key (every general
// scope) and a one-scope key, and the requests the bench sends.
import { createTestDatabase, type TestDatabase } from "../lib/db/test-database.ts";
import type { DatabaseProvider } from "../lib/db/database-url.ts";
import { insertKeyRows, type InsertedKey } from "../lib/data/key-rows.ts";
import { generateApiKey } from "../lib/keys/generate.ts";
import { allGeneralScopes } from "../lib/permissions/catalog.ts";

export const KEYS = 10_000;

export interface BenchKeys {
  fullAccess: string;
  oneScope: string;
  /** A live key's id with a secret of the right shape that is not its own. */
  wrongSecret: string;
  /** A well-formed key whose id does not exist. */
  unknownId: string;
}

const ONE_SCOPE = ["mail.send"];

export async function prepareDatabase(provider: DatabaseProvider): Promise<{ database: TestDatabase; keys: BenchKeys }> {
  const database = await createTestDatabase(provider);
  const db = database.prisma;
  const account = await db.account.create({ data: { name: "bench" } });
  const inserted: InsertedKey[] = [];
  for (let offset = 0; offset < KEYS; offset += 1000) {
    const rows = Array.from({ length: 1000 }, (_, index) => {
      const number = offset + index;
      const scopes = number === KEYS / 2 ? allGeneralScopes : ONE_SCOPE;
      return { name: `bench ${number}`, type: "general" as const, scopes };
    });
    // A thousand rows per transaction: beyond Prisma's 5 s default when the machine is busy.
    const batch = await db.$transaction((tx) => insertKeyRows(tx, account.id, rows), { timeout: 60_000 });
    inserted.push(...(batch ?? []));
  }
  // Ids are random, so the two measured keys sit anywhere in the index, among ordinary ones.
  const special = { fullAccess: inserted[KEYS / 2]!, oneScope: inserted[KEYS / 2 + 1]! };
  const stranger = generateApiKey();
  return {
    database,
    keys: {
      fullAccess: special.fullAccess.key,
      oneScope: special.oneScope.key,
      wrongSecret: `SG.${special.oneScope.id}.${stranger.secret}`,
      unknownId: stranger.key,
    },
  };
}

export function scopesRequest(key: string): string {
  return `GET /v3/scopes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\n\r\n`;
}
