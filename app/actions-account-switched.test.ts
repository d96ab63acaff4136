// A tab left open on one account must not act on another: the account cookie is shared by every
// tab, so each dashboard action names the account its page was rendered for and is refused once
// another tab has switched. Gus owns Globex and Acme; his page shows Globex, his cookie now says Acme.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase } from "@/lib/db/test-database";
import { accountSwitchedMessage } from "@/lib/data/session";
import { createAccount, createMember, insertKey } from "@/lib/data/test-fixtures";

const session = vi.hoisted(() => ({ userId: "", cookie: "", db: null as unknown }));
vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(async () => ({ user: { id: session.userId }, sessionId: "test-session", sessionVersion: 0 })), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => ({ value: session.cookie }), set: vi.fn() }) }));
vi.mock("@/lib/data/db", () => ({ getDb: () => session.db }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { createApiKeyAction, updateApiKeyAction, deleteApiKeyAction } = await import("./(dashboard)/settings/api_keys/actions");
const { inviteTeammateAction, updateTeammateAction, removeTeammateAction, revokeInviteAction } = await import("./(dashboard)/settings/teammates/actions");
const { updateBillingProfileAction } = await import("./(dashboard)/settings/billing/actions");

const keyForm = { name: "from a stale tab", type: "general", access: "full", levels: {} };

describe("a dashboard action from a tab rendered for another account", () => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  let globex: string;
  let acme: string;
  // Things in Acme, the account the cookie now names: without the check each call would change them.
  let acmeKey: string;
  let acmeTeammate: string;
  let acmeInvite: string;

  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase("sqlite"));
    session.db = db;
    globex = (await createAccount(db, "Globex")).id;
    acme = (await createAccount(db, "Acme")).id;
    const gus = await createMember(db, globex, "owner");
    await db.membership.create({ data: { userId: gus.id, accountId: acme, role: "owner" } });
    session.userId = gus.id;
    session.cookie = acme;
    acmeKey = await insertKey(db, acme, "general", ["mail.send"]);
    acmeTeammate = (await createMember(db, acme, "restricted", ["mail.send"])).id;
    acmeInvite = (await db.invite.create({
      data: { accountId: acme, email: "pending@example.test", role: "restricted", scopes: '["mail.send"]', tokenHash: "x".repeat(64), expiresAt: new Date(Date.now() + 86_400_000) },
    })).id;
  });
  afterAll(async () => drop?.());

  // Everything an action could change, in both accounts.
  const snapshot = async () => ({
    keys: await db.apiKey.findMany({ orderBy: { id: "asc" }, select: { id: true, accountId: true, name: true, scopes: true } }),
    members: await db.membership.findMany({ orderBy: { id: "asc" }, select: { userId: true, accountId: true, role: true, scopes: true } }),
    invites: await db.invite.findMany({ orderBy: { id: "asc" }, select: { id: true, accountId: true, revokedAt: true } }),
    accounts: await db.account.findMany({ orderBy: { id: "asc" }, select: { id: true, billingEmail: true, keyCount: true } }),
    events: await db.auditEvent.count(),
  });

  it.each([
    ["create a key", () => createApiKeyAction(globex, keyForm)],
    ["edit a key", () => updateApiKeyAction(globex, acmeKey, { ...keyForm, name: "renamed" })],
    ["delete a key", () => deleteApiKeyAction(globex, acmeKey)],
    ["invite a teammate", () => inviteTeammateAction(globex, { email: "new@example.test", role: "admin", includeBilling: false, levels: {} })],
    ["edit a teammate", () => updateTeammateAction(globex, acmeTeammate, { role: "admin", includeBilling: false, levels: {} })],
    ["remove a teammate", () => removeTeammateAction(globex, acmeTeammate)],
    ["revoke an invitation", () => revokeInviteAction(globex, acmeInvite)],
    ["change the billing e-mail", () => updateBillingProfileAction(globex, { billingEmail: "billing@example.test" })],
  ])("%s → refused, nothing written in either account", async (_name, call) => {
    const before = await snapshot();
    expect(await call()).toEqual({ ok: false, code: "forbidden", message: accountSwitchedMessage });
    expect(await snapshot()).toEqual(before);
  });

  it("answers not found for an account that is not the caller's, or none at all", async () => {
    const before = await snapshot();
    for (const account of [undefined, "not-an-account-of-theirs"]) {
      expect(await createApiKeyAction(account, keyForm)).toEqual({ ok: false, code: "not_found", message: "Account not found" });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("works once the page is the current account's", async () => {
    const result = await createApiKeyAction(acme, keyForm);
    expect(result.ok).toBe(true);
    expect(await db.apiKey.count({ where: { accountId: acme, name: keyForm.name } })).toBe(1);
    expect(await db.apiKey.count({ where: { accountId: globex } })).toBe(0);
  });
});
