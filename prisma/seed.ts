// Demo data for a fresh database: `npm run db:seed` (run by `npm start`). It seeds only an empty
// database, so a second run keeps everything people created, and always prints the sign-ins.
import { registerServerOnlyStub } from "@/lib/api/server-only-hook.ts";
import { hashPassword } from "@/lib/auth/password.ts";
import { DEMO_PASSWORD, demoUsers } from "@/lib/config/demo.ts";
import { runMode } from "@/lib/config/mode.ts";
import { insertKeyRows } from "@/lib/data/key-rows.ts";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client.ts";
import { allGeneralScopes, generalCategories } from "@/lib/permissions/catalog.ts";
import { scopesForLevel } from "@/lib/permissions/levels.ts";

const readOnlyScopes = generalCategories.flatMap((category) => scopesForLevel(category, "read"));
const restrictedScopes = [
  ...["api_keys.create", "api_keys.delete", "api_keys.read", "api_keys.update"],
  ...["mail.send", "mail.batch.create", "mail.batch.delete", "mail.batch.read", "mail.batch.update"],
  ...["stats.read", "stats.global.read"],
].filter((scope) => allGeneralScopes.includes(scope));


export async function seed(db: PrismaClient): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const acmeIds = await db.$transaction(async (tx) => {
    const users = await Promise.all(
      demoUsers.map((user) =>
        tx.user.create({
          data: { email: user.email, name: user.name, passwordHash, isSupportStaff: user.email.startsWith("support@") },
        }),
      ),
    );
    const [olivia, rita, reed, gus] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0], (typeof users)[0]];
    const acme = await tx.account.create({ data: { name: "Acme Mail", plan: "Pro 100K", billingEmail: "billing@acme.test" } });
    const globex = await tx.account.create({ data: { name: "Globex Newsletters", plan: "Essentials 50K", billingEmail: "accounts@globex.test" } });
    await tx.membership.createMany({
      data: [
        { userId: olivia.id, accountId: acme.id, role: "owner" },
        { userId: rita.id, accountId: acme.id, role: "restricted", scopes: JSON.stringify(restrictedScopes) },
        { userId: reed.id, accountId: acme.id, role: "read_only", scopes: JSON.stringify(readOnlyScopes) },
        { userId: gus.id, accountId: globex.id, role: "owner" },
      ],
    });
    // Gus belongs to two accounts, for the switcher. Joined later, so Globex stays his first.
    await tx.membership.create({
      data: { userId: gus.id, accountId: acme.id, role: "read_only", scopes: JSON.stringify(readOnlyScopes), createdAt: new Date(Date.now() + 1000) },
    });
    // Demo keys are made like real ones; their secrets are thrown away, since nobody can be shown them.
    // "Production mail" has a week of use behind it (the key page's chart, the list's sparkline);
    // "Stats dashboard" was made 45 days ago and never used, so the list marks it "Unused".
    const now = Date.now();
    const demoKeys = [
      { account: acme.id, by: olivia.id, name: "Production mail", type: "general", scopes: ["mail.send"], usage: true },
      { account: acme.id, by: olivia.id, name: "Stats dashboard", type: "general", scopes: ["stats.read", "stats.global.read"], createdAt: new Date(now - 45 * DAY_MS) },
      { account: globex.id, by: gus.id, name: "Globex newsletter sender", type: "general", scopes: ["mail.send"] },
      { account: globex.id, by: gus.id, name: "Globex invoices", type: "billing", scopes: ["billing.read"] },
    ];
    for (const key of demoKeys) {
      const [inserted] = (await insertKeyRows(tx, key.account, [
        {
          name: key.name,
          type: key.type === "billing" ? "billing" : "general",
          scopes: key.scopes,
          createdById: key.by,
          createdAt: "createdAt" in key ? key.createdAt : undefined,
          lastUsedAt: "usage" in key ? new Date(now - 20 * 60_000) : undefined,
        },
      ]))!;
      if ("usage" in key) await tx.apiKeyUsage.createMany({ data: demoUsage(inserted!.id, now) });
    }
    return { accountId: acme.id, owner: olivia.id, restricted: rita.id };
  });
  const { seedHistory } = await loadHistory();
  await seedHistory(db, acmeIds.accountId, acmeIds);
  return true;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

// A working week's rhythm over the last 7 days: busy daytime hours, quiet nights, messages with
// most requests. Deterministic, so the screenshots do not change from run to run.
function demoUsage(apiKeyId: string, now: number) {
  const currentHour = now - (now % HOUR_MS);
  return Array.from({ length: 7 * 24 }, (_, index) => {
    const hourStart = currentHour - index * HOUR_MS;
    const hourOfDay = new Date(hourStart).getUTCHours();
    const requests = hourOfDay >= 8 && hourOfDay < 20 ? 40 + ((index * 37) % 60) : (index * 13) % 6;
    return { apiKeyId, hourStart: new Date(hourStart), requests, messages: Math.floor(requests * 0.8) };
  }).filter((row) => row.requests > 0);
}

// lib/data is marked server-only; outside Next (npm start's seed step, the e2e setup) the marker
// is stubbed first, then the history module that uses lib/data is loaded.
let stubRegistered = false;
async function loadHistory() {
  if (!stubRegistered && !process.env.VITEST) registerServerOnlyStub();
  stubRegistered = true;
  return import("./seed-history.ts");
}

export function signInHelp(): string {
  const rows = demoUsers.map((user) => `  ${user.email.padEnd(22)} ${user.note}`);
  return ["Demo sign-ins (password for all: " + DEMO_PASSWORD + "):", ...rows].join("\n");
}

// Re-exported for the e2e suite and tests, which sign in as these people.
export { DEMO_PASSWORD, demoUsers };

if (import.meta.url === `file://${process.argv[1]}`) {
  // A production server refuses to start with demo users, so seeding its database is a mistake.
  if (runMode() === "production") {
    console.error("Refusing to seed demo data with NODE_ENV=production: demo data is for `npm start` (KEYWARD_DEMO=1) only.");
    process.exit(1);
  }
  const db = createPrismaClient();
  const created = await seed(db);
  await db.$disconnect();
  console.log(created ? "Seeded the demo accounts." : "The database already has users: seed skipped.");
  console.log(signInHelp());
}
