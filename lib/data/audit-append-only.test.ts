import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { createAccount } from "./test-fixtures";

describe.each(testProviders)("the audit table on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(async () => drop?.());

  it("accepts new events and refuses UPDATE and DELETE, even in raw SQL", async () => {
    const account = await createAccount(db);
    const event = await db.auditEvent.create({ data: { accountId: account.id, action: "key.created", targetName: "k" } });

    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "key.deleted" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "targetName" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);

    const kept = await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(kept).toMatchObject({ action: "key.created", targetName: "k" });
  });
});
