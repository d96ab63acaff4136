import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { allBillingScopes, allGeneralScopes, generalCategories } from "@/lib/permissions/catalog";
import { scopesForLevel } from "@/lib/permissions/levels";
import { DEMO_PASSWORD, seed } from "./seed";

describe.each(testProviders)("the demo seed on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(async () => drop?.());

  const everything = async () => ({
    users: await db.user.findMany({ orderBy: { id: "asc" } }),
    accounts: await db.account.findMany({ orderBy: { id: "asc" } }),
    memberships: await db.membership.findMany({ orderBy: [{ userId: "asc" }, { accountId: "asc" }] }),
    keys: await db.apiKey.findMany({ orderBy: { id: "asc" } }),
    events: await db.auditEvent.count(),
  });

  it("creates two isolated accounts, their people and keys, and a support user", async () => {
    expect(await seed(db)).toBe(true);

    const acme = await db.account.findFirstOrThrow({ where: { name: "Acme Mail" } });
    const globex = await db.account.findFirstOrThrow({ where: { name: "Globex Newsletters" } });
    const members = async (accountId: string) =>
      Object.fromEntries(
        (await db.membership.findMany({ where: { accountId }, include: { user: true } })).map((m) => [m.user.email, { role: m.role, scopes: JSON.parse(m.scopes) as string[] }]),
      );

    const atAcme = await members(acme.id);
    expect(Object.keys(atAcme).sort()).toEqual(["owner@acme.test", "owner@globex.test", "reed@acme.test", "rita@acme.test"]);
    expect(atAcme["owner@acme.test"]!.role).toBe("owner");
    const rita = atAcme["rita@acme.test"]!;
    expect(rita.role).toBe("restricted");
    expect(rita.scopes).toEqual(expect.arrayContaining(["api_keys.create", "api_keys.read", "mail.send"]));
    expect(rita.scopes).not.toContain("teammates.create");
    expect(rita.scopes.every((scope) => allGeneralScopes.includes(scope))).toBe(true);
    const readOnly = generalCategories.flatMap((category) => scopesForLevel(category, "read"));
    expect(atAcme["reed@acme.test"]).toEqual({ role: "read_only", scopes: readOnly });
    expect(readOnly.every((scope) => scope.endsWith(".read"))).toBe(true);
    expect(await members(globex.id)).toEqual({ "owner@globex.test": { role: "owner", scopes: [] } });

    const keysOf = async (accountId: string) =>
      (await db.apiKey.findMany({ where: { accountId }, orderBy: { name: "asc" } })).map((k) => [k.name, k.type, JSON.parse(k.scopes)]);
    const acmeKeys = await keysOf(acme.id);
    expect(acmeKeys.map(([name]) => name)).toEqual(["Marketing campaigns", "Production mail", "Rita's test sender", "Stats dashboard", "Webhook relay"]);
    expect(acmeKeys).toContainEqual(["Production mail", "general", ["mail.send"]]);
    expect(acmeKeys).toContainEqual(["Stats dashboard", "general", ["stats.global.read", "stats.read"]]);
    expect(acmeKeys).toContainEqual(["Webhook relay", "general", [...allGeneralScopes]]);
    // The demo shows usage: a week of it behind "Production mail", and "Stats dashboard" unused for 45 days.
    const production = await db.apiKey.findFirstOrThrow({ where: { accountId: acme.id, name: "Production mail" } });
    const usageRows = await db.apiKeyUsage.findMany({ where: { apiKeyId: production.id } });
    expect(usageRows.length).toBeGreaterThan(7 * 12);
    expect(usageRows.every((row) => row.hourStart.getTime() % 3_600_000 === 0 && row.hourStart.getTime() > Date.now() - 7 * 86_400_000)).toBe(true);
    const stats = await db.apiKey.findFirstOrThrow({ where: { accountId: acme.id, name: "Stats dashboard" } });
    expect(stats.lastUsedAt).toBeNull();
    expect(stats.createdAt.getTime()).toBeLessThan(Date.now() - 44 * 86_400_000);
    expect(await keysOf(globex.id)).toEqual([
      ["Globex invoices", "billing", ["billing.read"]],
      ["Globex newsletter sender", "general", ["mail.send"]],
    ]);
    expect(allBillingScopes).toContain("billing.read");
    for (const account of await db.account.findMany()) {
      expect(account.keyCount).toBe(await db.apiKey.count({ where: { accountId: account.id } }));
    }

    // The history was made through the data layer, so the audit log tells it.
    // Order-insensitive: events made within one millisecond tie on createdAt.
    const history = await db.auditEvent.findMany({ where: { accountId: acme.id } });
    expect(history.map((event) => [event.action, event.targetName]).sort()).toEqual([
      ["key.created", "Webhook relay"],
      ["key.created", "Marketing campaigns"],
      ["key.updated", "Marketing campaigns"],
      ["key.created", "Old staging key"],
      ["key.deleted", "Old staging key"],
      ["key.created", "Rita's test sender"],
    ].sort());

    const support = await db.user.findUniqueOrThrow({ where: { email: "support@keyward.test" }, include: { memberships: true } });
    expect(support.isSupportStaff).toBe(true);
    expect(support.memberships).toEqual([]);
    expect(await db.user.count({ where: { isSupportStaff: true } })).toBe(1);

    for (const user of await db.user.findMany()) {
      expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
      expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    expect(await verifyPassword((await db.user.findFirstOrThrow()).passwordHash, "wrong-password")).toBe(false);
  });

  it("seeds only an empty database: a second run changes nothing", async () => {
    const before = await everything();
    expect(before.users.length).toBeGreaterThan(0);
    expect(await seed(db)).toBe(false);
    expect(await everything()).toEqual(before);
  });
});
