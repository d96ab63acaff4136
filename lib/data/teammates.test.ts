import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { hashSecret } from "@/lib/keys/hash";
import { ownerScopes } from "@/lib/permissions/rules";
import { createApiKey } from "./api-key-writes";
import { listApiKeys } from "./api-keys";
import { acceptInviteAsNewUser, acceptInviteAsUser, getInvitation } from "./invite-acceptance";
import { createInvite, revokeInvite } from "./invites";
import { listTeammates, removeTeammate, updateTeammate } from "./teammates";
import { asUser, createAccount, createMember } from "./test-fixtures";

const keyManager = ["api_keys.create", "api_keys.delete", "api_keys.read", "api_keys.update", "mail.send"];

describe.each(testProviders)("teammates and invitations on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(async () => drop?.());

  async function accountWithOwner() {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    return { account, owner, ownerCtx: asUser(db, owner.id, account.id) };
  }

  it("applies a reduced scope, and a removal, at the teammate's very next call", async () => {
    const { account, ownerCtx } = await accountWithOwner();
    const rita = await createMember(db, account.id, "restricted", keyManager);
    const ritaCtx = asUser(db, rita.id, account.id); // a live session: the context is all it carries
    expect((await listApiKeys(ritaCtx)).ok).toBe(true);
    expect((await createApiKey(ritaCtx, { name: "before", type: "general", scopes: ["mail.send"] })).ok).toBe(true);

    expect((await updateTeammate(ownerCtx, rita.id, { role: "restricted", scopes: ["api_keys.read"] })).ok).toBe(true);
    expect(await createApiKey(ritaCtx, { name: "after", type: "general", scopes: ["mail.send"] })).toMatchObject({ code: "forbidden" });
    expect((await listApiKeys(ritaCtx)).ok).toBe(true);

    expect((await removeTeammate(ownerCtx, rita.id)).ok).toBe(true);
    expect(await listApiKeys(ritaCtx)).toMatchObject({ code: "not_found" });
    // The key she made stays, showing its creator as removed.
    const list = await listApiKeys(ownerCtx);
    if (!list.ok) throw new Error(list.message);
    expect(list.data.keys.find((key) => key.name === "before")?.createdBy).toEqual({ name: "Test User", removed: true });
    const actions = (await db.auditEvent.findMany({ where: { accountId: account.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["key.created", "teammate.updated", "teammate.removed"]);
  });

  it("never leaves an account without an owner, and lets only owners change owners", async () => {
    const { account, owner, ownerCtx } = await accountWithOwner();
    expect(await removeTeammate(ownerCtx, owner.id)).toMatchObject({ code: "forbidden", message: expect.stringMatching(/owner/) });
    expect(await updateTeammate(ownerCtx, owner.id, { role: "admin", scopes: ["mail.send"] })).toMatchObject({ code: "forbidden" });
    expect(await db.membership.count({ where: { accountId: account.id, role: "owner" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { accountId: account.id } })).toBe(0);

    const admin = await createMember(db, account.id, "admin", keyManager.concat(["teammates.update", "teammates.delete"]));
    const adminCtx = asUser(db, admin.id, account.id);
    expect(await removeTeammate(adminCtx, owner.id)).toMatchObject({ code: "forbidden" });
    expect(await updateTeammate(adminCtx, admin.id, { role: "owner", scopes: [] })).toMatchObject({ code: "forbidden" });

    // With a second owner, the first may step down.
    expect((await updateTeammate(ownerCtx, admin.id, { role: "owner", scopes: [] })).ok).toBe(true);
    expect((await updateTeammate(ownerCtx, owner.id, { role: "read_only", scopes: ["api_keys.read"] })).ok).toBe(true);
    expect(await db.membership.count({ where: { accountId: account.id, role: "owner" } })).toBe(1);
  });

  it("records an owner's promotion and demotion as the scopes they gain and lose, owners holding every scope", async () => {
    const { account, ownerCtx } = await accountWithOwner();
    const sam = await createMember(db, account.id, "restricted", ["mail.send"]);
    expect((await updateTeammate(ownerCtx, sam.id, { role: "owner", scopes: [] })).ok).toBe(true);
    expect((await updateTeammate(ownerCtx, sam.id, { role: "read_only", scopes: ["api_keys.read", "mail.send"] })).ok).toBe(true);
    const events = await db.auditEvent.findMany({ where: { accountId: account.id, action: "teammate.updated" }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => JSON.parse(event.details ?? "null"))).toEqual([
      { email: sam.email, role: { from: "restricted", to: "owner" }, scopes: { added: ownerScopes().filter((s) => s !== "mail.send"), removed: [] } },
      {
        email: sam.email,
        role: { from: "owner", to: "read_only" },
        scopes: { added: [], removed: ownerScopes().filter((s) => s !== "api_keys.read" && s !== "mail.send") },
      },
    ]);
  });

  it("refuses to grant, or to change someone holding, scopes the actor lacks", async () => {
    const { account, ownerCtx } = await accountWithOwner();
    const manager = await createMember(db, account.id, "restricted", ["teammates.create", "teammates.read", "teammates.update", "teammates.delete", "mail.send"]);
    const managerCtx = asUser(db, manager.id, account.id);
    expect(await createInvite(managerCtx, { email: "x@example.test", role: "restricted", scopes: ["stats.read"] })).toMatchObject({ code: "unassignable" });
    const peer = await createMember(db, account.id, "restricted", ["mail.send"]);
    expect(await updateTeammate(managerCtx, peer.id, { role: "restricted", scopes: ["api_keys.read"] })).toMatchObject({ code: "unassignable" });
    const senior = await createMember(db, account.id, "restricted", ["mail.send", "stats.read"]);
    expect(await removeTeammate(managerCtx, senior.id)).toMatchObject({ code: "forbidden" });
    expect((await updateTeammate(ownerCtx, senior.id, { role: "restricted", scopes: ["mail.send"] })).ok).toBe(true);
    expect((await removeTeammate(managerCtx, senior.id)).ok).toBe(true);
  });

  it("keeps only the hash of an invitation link, which works once, for 7 days, unless revoked", async () => {
    const { account, ownerCtx } = await accountWithOwner();
    const created = await createInvite(ownerCtx, { email: "New.Person@Example.test", role: "restricted", scopes: ["mail.send", "api_keys.read"] });
    if (!created.ok) throw new Error(created.message);
    const { token, invite } = created.data;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.email).toBe("new.person@example.test");
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);

    const teammates = await listTeammates(ownerCtx);
    if (!teammates.ok) throw new Error(teammates.message);
    expect(teammates.data.invites.map((i) => i.email)).toEqual(["new.person@example.test"]);

    expect(await getInvitation(db, token)).toMatchObject({ status: "valid", accountName: account.name, existingUser: false });
    const joined = await acceptInviteAsNewUser(db, token, { name: "Nia New", password: "a-long-password" });
    expect(joined).toEqual({ ok: true, data: { accountId: account.id, email: "new.person@example.test" } });
    const user = await db.user.findUniqueOrThrow({ where: { email: "new.person@example.test" }, include: { memberships: true } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.memberships).toMatchObject([{ accountId: account.id, role: "restricted", scopes: '["api_keys.read","mail.send"]' }]);

    expect(await getInvitation(db, token)).toMatchObject({ status: "used" });
    expect(await acceptInviteAsNewUser(db, token, { name: "Again", password: "a-long-password" })).toMatchObject({ code: "not_found", message: expect.stringMatching(/already been used/) });
    expect(await getInvitation(db, "x".repeat(43))).toEqual({ status: "unknown" });
    const events = await db.auditEvent.findMany({ where: { accountId: account.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.action, e.actorName])).toEqual([
      ["teammate.invited", "Test User"],
      ["teammate.joined", "Nia New"],
    ]);
  });

  it("explains expired and revoked links, and lets an existing user join only as themselves", async () => {
    const { account, ownerCtx } = await accountWithOwner();
    const existing = await createMember(db, (await createAccount(db)).id, "owner");
    const stranger = await createMember(db, (await createAccount(db)).id, "owner");
    const first = await createInvite(ownerCtx, { email: existing.email, role: "read_only", scopes: ["api_keys.read"] });
    if (!first.ok) throw new Error(first.message);
    // Inviting the same address again replaces the first link.
    const second = await createInvite(ownerCtx, { email: existing.email, role: "read_only", scopes: ["api_keys.read"] });
    if (!second.ok) throw new Error(second.message);
    expect(await getInvitation(db, first.data.token)).toMatchObject({ status: "revoked" });
    expect(await getInvitation(db, second.data.token)).toMatchObject({ status: "valid", existingUser: true });
    expect(await acceptInviteAsNewUser(db, second.data.token, { name: "Dup", password: "a-long-password" })).toMatchObject({ code: "invalid" });
    expect(await acceptInviteAsUser({ db, userId: stranger.id }, second.data.token)).toMatchObject({ code: "forbidden" });
    expect((await acceptInviteAsUser({ db, userId: existing.id }, second.data.token)).ok).toBe(true);
    expect(await db.membership.findUnique({ where: { userId_accountId: { userId: existing.id, accountId: account.id } } })).toMatchObject({ role: "read_only" });

    const third = await createInvite(ownerCtx, { email: "late@example.test", role: "read_only", scopes: ["api_keys.read"] });
    if (!third.ok) throw new Error(third.message);
    await db.invite.update({ where: { id: third.data.invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getInvitation(db, third.data.token)).toMatchObject({ status: "expired" });
    expect(await acceptInviteAsNewUser(db, third.data.token, { name: "Late", password: "a-long-password" })).toMatchObject({ message: expect.stringMatching(/expired/) });

    const fourth = await createInvite(ownerCtx, { email: "gone@example.test", role: "read_only", scopes: ["api_keys.read"] });
    if (!fourth.ok) throw new Error(fourth.message);
    expect((await revokeInvite(ownerCtx, fourth.data.invite.id)).ok).toBe(true);
    expect(await acceptInviteAsNewUser(db, fourth.data.token, { name: "Gone", password: "a-long-password" })).toMatchObject({ message: expect.stringMatching(/withdrawn/) });
    expect(await createInvite(ownerCtx, { email: existing.email, role: "read_only", scopes: ["api_keys.read"] })).toMatchObject({ code: "invalid", fieldErrors: { email: [expect.stringMatching(/already a member/)] } });
  });

  it("lets two racing acceptances of one link make exactly one member", async () => {
    const { account, ownerCtx } = await accountWithOwner();
    const created = await createInvite(ownerCtx, { email: "race@example.test", role: "read_only", scopes: ["api_keys.read"] });
    if (!created.ok) throw new Error(created.message);
    const a = await createMember(db, (await createAccount(db)).id, "owner");
    await db.user.update({ where: { id: a.id }, data: { email: "race@example.test" } });
    const results = await Promise.all([1, 2, 3].map(() => acceptInviteAsUser({ db, userId: a.id }, created.data.token)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.membership.count({ where: { accountId: account.id, userId: a.id } })).toBe(1);
  });
});
