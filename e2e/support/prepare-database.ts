// Run by playwright.config.ts's webServer command right before `next start`, so the app server
// never holds the file being replaced. (Playwright starts the webServer before globalSetup, so a
// globalSetup would delete the database under a running server.)
import { rmSync } from "node:fs";
import { hashPassword } from "../../lib/auth/password.ts";
import { createPrismaClient } from "../../lib/db/create-client.ts";
import { migrate } from "../../lib/db/migrate.ts";
import { insertKeyRows } from "../../lib/data/key-rows.ts";
import { allGeneralScopes } from "../../lib/permissions/catalog.ts";
import { API_KEY_LIMIT } from "../../lib/validation/api-key.ts";
import { seed } from "../../prisma/seed.ts";
import { e2eDatabaseFile, E2E_DATABASE_URL } from "./database.ts";
import { emptyOwner, faultAdmin, limitOwner, sessionOwners } from "./users.ts";

const file = e2eDatabaseFile(E2E_DATABASE_URL);
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });

await migrate(`file:${file}`);
const db = createPrismaClient(`file:${file}`);
try {
  await seed(db);
  await addAccountAtLimit(db);
  await addEmptyAccount(db);
  await addSessionOwners(db);
  await addFaultAdmin(db);
} finally {
  await db.$disconnect();
}
console.log(`e2e database ready: ${file}`);

// 100 keys straight into the database rather than 100 trips through the form, written as the
// data layer writes them (insertKeyRows: the rows and the account's keyCount together).
async function addAccountAtLimit(db: ReturnType<typeof createPrismaClient>) {
  const user = await db.user.create({
    data: { email: limitOwner.email, name: "Lim Owner", passwordHash: await hashPassword(limitOwner.password) },
  });
  const account = await db.account.create({ data: { name: limitOwner.accountName } });
  await db.membership.create({ data: { userId: user.id, accountId: account.id, role: "owner" } });
  const rows = Array.from({ length: API_KEY_LIMIT }, (_, index) => ({ name: `Bulk key ${index + 1}`, type: "general" as const, scopes: ["mail.send"], createdById: user.id }));
  await db.$transaction(async (tx) => {
    if (!(await insertKeyRows(tx, account.id, rows, { limit: API_KEY_LIMIT }))) throw new Error("the account at the limit got no keys");
  });
}

// An owner whose only account has no keys yet, for the empty state.
async function addEmptyAccount(db: ReturnType<typeof createPrismaClient>) {
  const user = await db.user.create({
    data: { email: emptyOwner.email, name: "Emmy Empty", passwordHash: await hashPassword(emptyOwner.password) },
  });
  const account = await db.account.create({ data: { name: emptyOwner.accountName } });
  await db.membership.create({ data: { userId: user.id, accountId: account.id, role: "owner" } });
}

// One owner (and account) per journey that changes a password or ends sessions.
async function addSessionOwners(db: ReturnType<typeof createPrismaClient>) {
  for (const owner of Object.values(sessionOwners)) {
    const user = await db.user.create({ data: { email: owner.email, name: owner.name, passwordHash: await hashPassword(owner.password) } });
    const account = await db.account.create({ data: { name: `${owner.name}'s account` } });
    await db.membership.create({ data: { userId: user.id, accountId: account.id, role: "owner" } });
  }
}

// An admin holding every general scope, and one key, in an account of their own (see users.ts).
async function addFaultAdmin(db: ReturnType<typeof createPrismaClient>) {
  const user = await db.user.create({ data: { email: faultAdmin.email, name: "Fay Fault", passwordHash: await hashPassword(faultAdmin.password) } });
  const account = await db.account.create({ data: { name: faultAdmin.accountName } });
  await db.membership.create({ data: { userId: user.id, accountId: account.id, role: "admin", scopes: JSON.stringify([...allGeneralScopes]) } });
  await db.$transaction((tx) => insertKeyRows(tx, account.id, [{ name: faultAdmin.keyName, type: "general", scopes: ["mail.send"], createdById: user.id }]));
}
