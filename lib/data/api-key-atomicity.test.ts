// "No failure leaves a half-written row": with the audit insert made to fail inside the database,
// every key write must fail as a whole, leaving the keys and the account's counter as they were.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { createApiKey, updateApiKey } from "./api-key-writes";
import { deleteApiKey } from "./api-keys";
import type { DataContext } from "./context";
import { asUser, createAccount, createMember } from "./test-fixtures";

const failingAuditInsert = {
  sqlite: {
    install: [`CREATE TRIGGER "AuditEvent_test_fail" BEFORE INSERT ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'boom'); END`],
    remove: [`DROP TRIGGER "AuditEvent_test_fail"`],
  },
  postgresql: {
    install: [
      `CREATE FUNCTION audit_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$`,
      `CREATE TRIGGER "AuditEvent_test_fail" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION audit_test_fail()`,
    ],
    remove: [`DROP TRIGGER "AuditEvent_test_fail" ON "AuditEvent"`, `DROP FUNCTION audit_test_fail()`],
  },
};

describe.each(testProviders)("key writes when the audit insert fails, on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  let ctx: DataContext;
  let keyId: string;

  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    ctx = asUser(db, owner.id, account.id);
    const created = await createApiKey(ctx, { name: "Existing", type: "general", scopes: ["mail.send"] });
    if (!created.ok) throw new Error(created.message);
    keyId = created.data.apiKey.id;
    for (const sql of failingAuditInsert[provider].install) await db.$executeRawUnsafe(sql);
  });
  afterAll(async () => {
    for (const sql of failingAuditInsert[provider].remove) await db?.$executeRawUnsafe(sql);
    await drop?.();
  });

  async function state() {
    const [keys, account, events] = await Promise.all([
      db.apiKey.findMany({ where: { accountId: ctx.accountId }, orderBy: { id: "asc" } }),
      db.account.findUniqueOrThrow({ where: { id: ctx.accountId }, select: { keyCount: true } }),
      db.auditEvent.count({ where: { accountId: ctx.accountId } }),
    ]);
    return { keys, keyCount: account.keyCount, events };
  }

  it.each([
    ["create", () => createApiKey(ctx, { name: "New", type: "general", scopes: ["mail.send"] })],
    ["edit", () => updateApiKey(ctx, keyId, { name: "Renamed", permissions: { scopes: ["mail.send", "stats.read"] } })],
    ["delete", () => deleteApiKey(ctx, keyId)],
  ])("a failed %s writes nothing", async (_name, write) => {
    const before = await state();
    expect(before).toMatchObject({ keyCount: 1, events: 1 });
    const outcome = await write().catch((error: unknown) => error);
    expect(outcome instanceof Error || (outcome as { ok?: boolean }).ok === false).toBe(true);
    expect(await state()).toEqual(before);
  });
});
