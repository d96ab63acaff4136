import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMON_PASSWORD_MESSAGE } from "@/lib/auth/common-passwords";
import { DEMO_PASSWORD } from "@/lib/config/demo";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { acceptanceMessages, acceptInviteAsNewUser, acceptInviteAsUser, getInvitation } from "./invite-acceptance";
import { createInvite } from "./invites";
import { removeTeammate, updateTeammate } from "./teammates";
import { asUser, createAccount, createMember, createSupportStaff } from "./test-fixtures";

const inviter = ["api_keys.read", "mail.send", "teammates.create", "teammates.read"];

describe.each(testProviders)("accepting an invitation on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(async () => drop?.());

  /** An account whose owner has a teammate, Ada, who invites `email` to Mail Send. */
  async function invitedByAda(email: string) {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const ada = await createMember(db, account.id, "restricted", inviter);
    const created = await createInvite(asUser(db, ada.id, account.id), { email, role: "restricted", scopes: ["mail.send"] });
    if (!created.ok) throw new Error(created.message);
    return { account, ownerCtx: asUser(db, owner.id, account.id), ada, token: created.data.token, inviteId: created.data.invite.id };
  }

  it("refuses, and withdraws, a link whose sender no longer holds what it grants", async () => {
    const email = "after-demotion@example.test";
    const { account, ownerCtx, ada, token, inviteId } = await invitedByAda(email);
    expect((await updateTeammate(ownerCtx, ada.id, { role: "restricted", scopes: ["api_keys.read", "teammates.create", "teammates.read"] })).ok).toBe(true);

    expect(await getInvitation(db, token)).toMatchObject({ status: "inviter_lost" });
    expect(await acceptInviteAsNewUser(db, token, { name: "Too Late", password: "a-long-password" })).toEqual({
      ok: false,
      code: "not_found",
      message: expect.stringMatching(/no longer valid/),
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await db.membership.count({ where: { accountId: account.id } })).toBe(2);
    expect((await db.invite.findUniqueOrThrow({ where: { id: inviteId } })).revokedAt).not.toBeNull();
    expect(await getInvitation(db, token)).toMatchObject({ status: "revoked" });
  });

  it("refuses a link whose sender was removed, to an existing user too", async () => {
    const existing = await createMember(db, (await createAccount(db)).id, "owner");
    const { account, ownerCtx, ada, token, inviteId } = await invitedByAda(existing.email);
    expect((await removeTeammate(ownerCtx, ada.id)).ok).toBe(true);

    expect(await acceptInviteAsUser({ db, userId: existing.id }, token)).toMatchObject({ code: "not_found", message: expect.stringMatching(/no longer valid/) });
    expect(await db.membership.count({ where: { accountId: account.id, userId: existing.id } })).toBe(0);
    expect((await db.invite.findUniqueOrThrow({ where: { id: inviteId } })).revokedAt).not.toBeNull();
  });

  it("still honours a link whose sender changed but still holds every scope it grants", async () => {
    const email = "still-fine@example.test";
    const { account, ownerCtx, ada, token } = await invitedByAda(email);
    expect((await updateTeammate(ownerCtx, ada.id, { role: "restricted", scopes: ["mail.send"] })).ok).toBe(true);
    expect(await acceptInviteAsNewUser(db, token, { name: "Still Fine", password: "a-long-password" })).toMatchObject({ ok: true });
    const joined = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(joined.memberships).toMatchObject([{ accountId: account.id, scopes: '["mail.send"]' }]);
  });

  it("refuses a common password, or the demo's, and leaves the link usable", async () => {
    const email = "common-password@example.test";
    const { token } = await invitedByAda(email);
    for (const password of ["qwerty123456", DEMO_PASSWORD]) {
      expect(await acceptInviteAsNewUser(db, token, { name: "Common", password })).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { password: [COMMON_PASSWORD_MESSAGE] },
      });
    }
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await getInvitation(db, token)).toMatchObject({ status: "valid" });
  });

  it("never makes support staff a member: they review accounts through /support only", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const staff = await createSupportStaff(db);
    const created = await createInvite(asUser(db, owner.id, account.id), { email: staff.email, role: "admin", scopes: ["api_keys.read"] });
    if (!created.ok) throw new Error(created.message);

    expect(await acceptInviteAsUser({ db, userId: staff.id }, created.data.token)).toEqual({ ok: false, code: "forbidden", message: acceptanceMessages.supportStaff });
    expect(await db.membership.count({ where: { userId: staff.id } })).toBe(0);
    expect(await getInvitation(db, created.data.token)).toMatchObject({ status: "valid" });
  });

  it("answers, not throws, when the e-mail gets a user between the check and the insert", async () => {
    // Two accounts invite the same new address; both links are accepted at the same moment. Both
    // acceptances find no user with that e-mail, then hash the password (slow, on purpose) and insert.
    const email = "raced-new@example.test";
    const tokens = await Promise.all(
      [1, 2].map(async () => {
        const account = await createAccount(db);
        const owner = await createMember(db, account.id, "owner");
        const created = await createInvite(asUser(db, owner.id, account.id), { email, role: "read_only", scopes: ["api_keys.read"] });
        if (!created.ok) throw new Error(created.message);
        return created.data.token;
      }),
    );
    const results = await Promise.all(tokens.map((token) => acceptInviteAsNewUser(db, token, { name: "Racer", password: "a-long-password" })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, code: "invalid", message: acceptanceMessages.emailTaken }]);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.membership.count({ where: { user: { email } } })).toBe(1);
    // The losing link was rolled back with its user: it is still there to accept after signing in.
    const statuses = await Promise.all(tokens.map((token) => getInvitation(db, token)));
    expect(statuses.map((s) => s.status).sort()).toEqual(["used", "valid"]);
  });
});
