import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { reviewAccountAuditLog, reviewAccountKeys, searchAccounts } from "./support";
import { createAccount, createMember, createSupportStaff, insertKey } from "./test-fixtures";

describe.each(testProviders)("support reviews on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(async () => drop?.());

  it("finds accounts by name in any case, by owner e-mail and by id", async () => {
    const staff = await createSupportStaff(db);
    const sctx = { db, userId: staff.id };
    const account = await createAccount(db, "Initech 100%_Mail");
    const owner = await createMember(db, account.id, "owner");
    await createAccount(db, "Unrelated");
    const names = async (query: string) => {
      const result = await searchAccounts(sctx, query);
      if (!result.ok) throw new Error(result.message);
      return result.data.map((a) => a.name);
    };
    expect(await names("initech")).toEqual(["Initech 100%_Mail"]);
    expect(await names("100%_")).toEqual(["Initech 100%_Mail"]);
    expect(await names("%")).toEqual(["Initech 100%_Mail"]);
    expect(await names(owner.email)).toEqual(["Initech 100%_Mail"]);
    expect(await names(account.id)).toEqual(["Initech 100%_Mail"]);
    expect(await names("nothing-like-it")).toEqual([]);
    const found = await searchAccounts(sctx, account.id);
    expect(found.ok && found.data[0]).toEqual({ id: account.id, name: "Initech 100%_Mail", ownerEmails: [owner.email], keyCount: 0 });
  });

  it("shows keys without secrets, and writes support.viewed naming the staff member for every review", async () => {
    const staff = await createSupportStaff(db);
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    await insertKey(db, account.id, "general", ["mail.send", "mail.batch.create", "mail.batch.delete", "mail.batch.read", "mail.batch.update", "stats.read", "stats.global.read"], owner.id);
    await insertKey(db, account.id, "billing", ["billing.read"]);
    const review = await reviewAccountKeys({ db, userId: staff.id }, account.id);
    if (!review.ok) throw new Error(review.message);
    const general = review.data.keys.find((k) => k.type === "general")!;
    expect(Object.keys(general).sort()).toEqual(["createdAt", "createdBy", "id", "name", "permissions", "type"]);
    expect(general.permissions).toContainEqual({ category: "Mail Send", level: "full" });
    expect(general.permissions).toContainEqual({ category: "Stats", level: "custom" });
    expect(general.createdBy).toEqual({ name: "Test User", removed: false });
    expect(JSON.stringify(review.data)).not.toMatch(/secretHash|[0-9a-f]{64}/);

    await reviewAccountAuditLog({ db, userId: staff.id }, account.id);
    const events = await db.auditEvent.findMany({ where: { accountId: account.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.action, e.actorUserId, e.actorName, e.targetType])).toEqual([
      ["support.viewed", staff.id, "Support Person (Keyward support)", "account"],
      ["support.viewed", staff.id, "Support Person (Keyward support)", "account"],
    ]);
  });

  it("reads the support flag on every call, and refuses unknown accounts", async () => {
    const staff = await createSupportStaff(db);
    const account = await createAccount(db);
    expect(await reviewAccountKeys({ db, userId: staff.id }, "no-such-account")).toMatchObject({ code: "not_found" });
    await db.user.update({ where: { id: staff.id }, data: { isSupportStaff: false } });
    expect(await reviewAccountKeys({ db, userId: staff.id }, account.id)).toMatchObject({ code: "forbidden" });
    expect(await searchAccounts({ db, userId: staff.id }, account.name)).toMatchObject({ code: "forbidden" });
    expect(await db.auditEvent.count({ where: { accountId: account.id } })).toBe(0);
  });
});
