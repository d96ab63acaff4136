import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { rollApiKey, setApiKeyDisabled } from "./api-key-lifecycle";
import { createApiKey, updateApiKey } from "./api-key-writes";
import { deleteApiKey } from "./api-keys";
import type { DataContext } from "./context";
import { createInvite, revokeInvite } from "./invites";
import { removeTeammate, updateTeammate } from "./teammates";
import { asUser, createAccount, createMember, insertKey } from "./test-fixtures";

// The permission check runs twice: before the write (a clear answer without a transaction) and
// again inside the write transaction, after the account row is locked. These tests put a change
// of the actor's standing exactly between the two: the acting context's client runs `meanwhile`
// just before its first transaction starts, so the first check has passed and the second has
// not yet run. The write must be refused and leave nothing behind.
function between(db: PrismaClient, meanwhile: () => Promise<unknown>): PrismaClient {
  let pending: (() => Promise<unknown>) | null = meanwhile;
  return new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === "$transaction" && typeof value === "function") {
        return async (...args: unknown[]) => {
          const run = pending;
          pending = null;
          if (run) await run();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const keyScopes = ["api_keys.create", "api_keys.delete", "api_keys.read", "api_keys.update", "mail.send"];
const teamScopes = ["teammates.create", "teammates.delete", "teammates.read", "teammates.update", "mail.send"];

describe.each(testProviders)("permission checks inside the write transaction on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(async () => drop?.());

  async function setup(scopes: string[]) {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const member = await createMember(db, account.id, "restricted", scopes);
    const ownerCtx = asUser(db, owner.id, account.id);
    const key = await insertKey(db, account.id, "general", ["mail.send"]);
    // The member acting, with the owner's change run between their two checks.
    const acting = (change: () => Promise<unknown>): DataContext => ({ ...asUser(db, member.id, account.id), db: between(db, change) });
    const removeMember = () => removeTeammate(ownerCtx, member.id).then(assertOk);
    const reduceMember = (to: string[]) => () => updateTeammate(ownerCtx, member.id, { role: "restricted", scopes: to }).then(assertOk);
    const state = async () => ({
      keys: await db.apiKey.findMany({ where: { accountId: account.id }, select: { id: true, name: true, scopes: true, disabledAt: true, expiresAt: true }, orderBy: { id: "asc" } }),
      keyCount: (await db.account.findUniqueOrThrow({ where: { id: account.id }, select: { keyCount: true } })).keyCount,
      members: await db.membership.findMany({ where: { accountId: account.id }, select: { userId: true, role: true, scopes: true }, orderBy: { userId: "asc" } }),
      invites: await db.invite.findMany({ where: { accountId: account.id }, select: { id: true, revokedAt: true } }),
      memberEvents: await db.auditEvent.count({ where: { accountId: account.id, actorUserId: member.id } }),
    });
    return { account, owner, member, ownerCtx, key, acting, removeMember, reduceMember, state };
  }

  it("writes when nothing changes between the checks (the interleaving itself refuses nothing)", async () => {
    const s = await setup(keyScopes);
    const result = await createApiKey(s.acting(async () => {}), { name: "fine", type: "general", scopes: ["mail.send"] });
    expect(result.ok).toBe(true);
  });

  const keyWrites: [string, (ctx: DataContext, keyId: string) => Promise<{ ok: boolean; code?: string }>][] = [
    ["create", (ctx) => createApiKey(ctx, { name: "late", type: "general", scopes: ["mail.send"] })],
    ["edit", (ctx, id) => updateApiKey(ctx, id, { name: "renamed late" })],
    ["edit of scopes", (ctx, id) => updateApiKey(ctx, id, { name: "renamed late", permissions: { scopes: ["mail.send", "api_keys.read"] } })],
    ["delete", (ctx, id) => deleteApiKey(ctx, id)],
    ["disable", (ctx, id) => setApiKeyDisabled(ctx, id, true)],
    ["roll", (ctx, id) => rollApiKey(ctx, id, "now")],
  ];

  for (const [name, write] of keyWrites) {
    it(`refuses a key ${name} by a teammate removed between the checks, writing nothing`, async () => {
      const s = await setup(keyScopes);
      const before = await s.state();
      const result = await write(s.acting(s.removeMember), s.key);
      expect(result).toMatchObject({ ok: false, code: "not_found" });
      const after = await s.state();
      expect(after.keys).toEqual(before.keys);
      expect(after.keyCount).toBe(before.keyCount);
      expect(after.memberEvents).toBe(0);
    });

    it(`refuses a key ${name} by a teammate whose role was reduced between the checks`, async () => {
      const s = await setup(keyScopes);
      const before = await s.state();
      const result = await write(s.acting(s.reduceMember(["api_keys.read"])), s.key);
      expect(result).toMatchObject({ ok: false, code: "forbidden" });
      const after = await s.state();
      expect(after.keys).toEqual(before.keys);
      expect(after.keyCount).toBe(before.keyCount);
      expect(after.memberEvents).toBe(0);
    });
  }

  it("refuses granting a scope the teammate lost between the checks", async () => {
    const s = await setup(keyScopes);
    const before = await s.state();
    const result = await createApiKey(s.acting(s.reduceMember(["api_keys.create", "api_keys.read"])), { name: "late", type: "general", scopes: ["mail.send"] });
    expect(result).toMatchObject({ ok: false, code: "unassignable" });
    expect((await s.state()).keys).toEqual(before.keys);
  });

  it("refuses a /v3 key's create when the key is deleted between the checks", async () => {
    const s = await setup(keyScopes);
    const caller = await insertKey(db, s.account.id, "general", keyScopes);
    const keyCtx: DataContext = { db: between(db, () => deleteApiKey(s.ownerCtx, caller).then(assertOk)), principal: { kind: "key", keyId: caller }, accountId: s.account.id };
    const before = await s.state();
    expect(await createApiKey(keyCtx, { name: "late", type: "general", scopes: ["mail.send"] })).toMatchObject({ ok: false, code: "not_found" });
    const after = await s.state();
    expect(after.keys.map((key) => key.name)).not.toContain("late");
    // One fewer: the deletion, and no create.
    expect(after.keyCount).toBe(before.keyCount - 1);
  });

  describe("teammate writes", () => {
    async function withTarget(s: Awaited<ReturnType<typeof setup>>) {
      const target = await createMember(db, s.account.id, "restricted", ["mail.send"]);
      const invite = await createInvite(s.ownerCtx, { email: `late-${target.id}@example.test`, role: "restricted", scopes: ["mail.send"] });
      if (!invite.ok) throw new Error(invite.message);
      return { target, inviteId: invite.data.invite.id };
    }
    const teamWrites: [string, (ctx: DataContext, t: { target: { id: string }; inviteId: string }) => Promise<{ ok: boolean; code?: string }>][] = [
      ["edit", (ctx, t) => updateTeammate(ctx, t.target.id, { role: "read_only", scopes: ["mail.send"] })],
      ["removal", (ctx, t) => removeTeammate(ctx, t.target.id)],
      ["invitation", (ctx, t) => createInvite(ctx, { email: `new-${t.target.id}@example.test`, role: "restricted", scopes: ["mail.send"] })],
      ["revocation", (ctx, t) => revokeInvite(ctx, t.inviteId)],
    ];
    for (const [name, write] of teamWrites) {
      it(`refuses a teammate ${name} by a teammate removed between the checks`, async () => {
        const s = await setup(teamScopes);
        const t = await withTarget(s);
        const before = await s.state();
        expect(await write(s.acting(s.removeMember), t)).toMatchObject({ ok: false, code: "not_found" });
        const after = await s.state();
        expect(after.members).toEqual(before.members.filter((m) => m.userId !== s.member.id));
        expect(after.invites).toEqual(before.invites);
        expect(after.memberEvents).toBe(0);
      });

      it(`refuses a teammate ${name} by a teammate whose role was reduced between the checks`, async () => {
        const s = await setup(teamScopes);
        const t = await withTarget(s);
        const before = await s.state();
        expect(await write(s.acting(s.reduceMember(["teammates.read", "mail.send"])), t)).toMatchObject({ ok: false, code: "forbidden" });
        const after = await s.state();
        expect(after.members.filter((m) => m.userId !== s.member.id)).toEqual(before.members.filter((m) => m.userId !== s.member.id));
        expect(after.invites).toEqual(before.invites);
        expect(after.memberEvents).toBe(0);
      });
    }
  });
});

function assertOk(result: { ok: boolean; message?: string }): void {
  if (!result.ok) throw new Error(result.message);
}
