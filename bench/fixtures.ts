// The bench's database: 10,000 keys in one account, among them a Full Access key (every general
// scope) and a one-scope key, and the requests the bench sends.
import { createTestDatabase, type TestDatabase } from "../lib/db/test-database.ts";
import type { DatabaseProvider } from "../lib/db/database-url.ts";
import { serializeScopes } from "../lib/data/scopes-column.ts";
import { generateApiKey } from "../lib/keys/generate.ts";
import { hashSecret } from "../lib/keys/hash.ts";
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

export async function prepareDatabase(provider: DatabaseProvider): Promise<{ database: TestDatabase; keys: BenchKeys }> {
  const database = await createTestDatabase(provider);
  const db = database.prisma;
  const account = await db.account.create({ data: { name: "bench" } });
  const special = { fullAccess: generateApiKey(), oneScope: generateApiKey() };
  for (let offset = 0; offset < KEYS; offset += 1000) {
    const rows = Array.from({ length: 1000 }, (_, index) => {
      const number = offset + index;
      // The two measured keys sit in the middle of the index, among ordinary ones.
      const made = number === KEYS / 2 ? special.fullAccess : number === KEYS / 2 + 1 ? special.oneScope : generateApiKey();
      const scopes = made === special.fullAccess ? allGeneralScopes : ["mail.send"];
      return { id: made.id, accountId: account.id, name: `bench ${number}`, type: "general", scopes: serializeScopes(scopes), secretHash: hashSecret(made.secret) };
    });
    await db.apiKey.createMany({ data: rows });
  }
  await db.account.update({ where: { id: account.id }, data: { keyCount: KEYS } });
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
