import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { ownerScopes } from "@/lib/permissions/rules";
import { getAccountAccess } from "./account-access";
import { listAuditEvents } from "./audit-log";
import { asUser, createAccount, createMember } from "./test-fixtures";

describe.each(testProviders)("the settings navigation on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(async () => drop?.());

  it("shows the Audit Log link to exactly those the audit log lets in, whatever single scope they hold", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const callers = [{ who: "owner", userId: owner.id }];
    for (const scope of ownerScopes()) callers.push({ who: scope, userId: (await createMember(db, account.id, "restricted", [scope])).id });

    const seen = [];
    for (const { who, userId } of callers) {
      const ctx = asUser(db, userId, account.id);
      const access = await getAccountAccess(ctx);
      if (!access.ok) throw new Error(access.message);
      seen.push({ who, link: access.data.pages.auditLog, log: (await listAuditEvents(ctx)).ok });
    }
    expect(seen.filter((row) => row.link !== row.log)).toEqual([]);
    // Not vacuous: some are let in, some are not, billing.read among the first.
    expect(seen.find((row) => row.who === "billing.read")).toEqual({ who: "billing.read", link: true, log: true });
    expect(seen.find((row) => row.who === "mail.send")).toEqual({ who: "mail.send", link: false, log: false });
  });
});
