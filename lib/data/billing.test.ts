import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { getBillingProfile, updateBillingProfile } from "./billing";
import { asUser, createAccount, createMember } from "./test-fixtures";

describe.each(testProviders)("billing profile on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(async () => drop?.());

  it("lets the owner read and change the billing e-mail, with an audit event", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const ctx = asUser(db, owner.id, account.id);
    expect(await getBillingProfile(ctx)).toEqual({ ok: true, data: { plan: "Free", billingEmail: null } });
    expect(await updateBillingProfile(ctx, { billingEmail: "  pay@example.test " })).toEqual({
      ok: true,
      data: { plan: "Free", billingEmail: "pay@example.test" },
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { accountId: account.id } });
    expect(event).toMatchObject({ action: "billing.updated", targetType: "account", actorUserId: owner.id });
    expect(JSON.parse(event.details!)).toEqual({ billingEmail: { from: null, to: "pay@example.test" } });
  });

  it("refuses a teammate without billing scopes and an invalid address, writing nothing", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const teammate = await createMember(db, account.id, "restricted", ["api_keys.read", "mail.send"]);
    const asTeammate = asUser(db, teammate.id, account.id);
    expect(await getBillingProfile(asTeammate)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await updateBillingProfile(asTeammate, { billingEmail: "x@example.test" })).toMatchObject({ ok: false, code: "forbidden" });
    const asOwner = asUser(db, owner.id, account.id);
    for (const billingEmail of ["not an address", "", 42, null, `${"a".repeat(250)}@example.test`]) {
      expect(await updateBillingProfile(asOwner, { billingEmail })).toMatchObject({ ok: false, code: "invalid" });
    }
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).billingEmail).toBeNull();
    expect(await db.auditEvent.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("answers not found to someone of another account", async () => {
    const account = await createAccount(db);
    const other = await createAccount(db);
    const stranger = await createMember(db, other.id, "owner");
    expect(await getBillingProfile(asUser(db, stranger.id, account.id))).toMatchObject({ ok: false, code: "not_found" });
  });
});
