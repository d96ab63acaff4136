// A fresh SQLite database for the soak: the demo seed, plus one account whose owner signs in for
// page loads and whose /v3 key (kept whole here, hashed in the database) drives the API calls.
import { rmSync } from "node:fs";
import { hashPassword } from "../../lib/auth/password.ts";
import { createPrismaClient } from "../../lib/db/create-client.ts";
import { migrate } from "../../lib/db/migrate.ts";
import { insertKeyRows } from "../../lib/data/key-rows.ts";
import { seed } from "../../prisma/seed.ts";

export const soakOwner = { email: "soak-owner@soak.test", password: "soak-password-not-a-secret-1" };
const callerScopes = ["api_keys.create", "api_keys.read", "api_keys.update", "api_keys.delete", "mail.send"];

export async function prepareSoakDatabase(file: string): Promise<{ accountId: string; apiKey: string }> {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  await migrate(`file:${file}`);
  const db = createPrismaClient(`file:${file}`);
  try {
    await seed(db);
    const user = await db.user.create({ data: { email: soakOwner.email, name: "Soak Owner", passwordHash: await hashPassword(soakOwner.password) } });
    const account = await db.account.create({ data: { name: "Soak Ltd" } });
    await db.membership.create({ data: { userId: user.id, accountId: account.id, role: "owner" } });
    const inserted = await db.$transaction((tx) => insertKeyRows(tx, account.id, [{ name: "soak caller", type: "general", scopes: callerScopes }]));
    return { accountId: account.id, apiKey: inserted![0]!.key };
  } finally {
    await db.$disconnect();
  }
}
