// Every dashboard server action (and the two page reads, as the pages make them) × every kind of
// caller, through the real session code: only Auth.js's auth(), the cookie jar and the database
// handle are replaced. Each cell builds what it acts on in Matrix Mail and sends the id of the
// page it would be on — Matrix Mail's, the account under test; a refusal must change nothing.
// The rules are lib/data/permission-matrix.test.ts's; where this layer answers differently the
// cell says why (see `members`).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { scopesForRole } from "@/lib/permissions/roles";
import { auditQueryFrom } from "@/lib/validation/audit-log";
import { accountSwitchedMessage, getSessionContext } from "@/lib/data/session";
import { listApiKeys } from "@/lib/data/api-keys";
import { listAuditEvents } from "@/lib/data/audit-log";
import type { DataResult } from "@/lib/data/result";
import { createAccount, createMember, createSupportStaff, insertKey } from "@/lib/data/test-fixtures";

const session = vi.hoisted(() => ({ userId: "", cookie: "", db: null as unknown }));
vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(async () => (session.userId ? { user: { id: session.userId }, sessionId: "test-session", sessionVersion: 0 } : null)), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => (session.cookie ? { value: session.cookie } : undefined), set: vi.fn() }) }));
vi.mock("@/lib/data/db", () => ({ getDb: () => session.db }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { createApiKeyAction, updateApiKeyAction, deleteApiKeyAction } = await import("./(dashboard)/settings/api_keys/actions");
const { inviteTeammateAction, updateTeammateAction, removeTeammateAction, revokeInviteAction } = await import("./(dashboard)/settings/teammates/actions");

const callers = ["owner", "admin", "restricted", "restrictedBilling", "readOnly", "support", "otherAccount", "anonymous"] as const;
type Caller = (typeof callers)[number];
type Outcome = string;

interface World {
  db: PrismaClient;
  /** Matrix Mail: the account every caller acts on. */
  accountId: string;
  /** The other account's own account, where its owner's pages are. */
  otherAccountId: string;
  /** The member who wrote the seeded audit events. */
  seederId: string;
}

interface Cell {
  /** Builds what the cell acts on (in Matrix Mail, directly, without audit events); returns ids. */
  arrange?: (world: World) => Promise<string[]>;
  /** Acts as the signed-in caller on what was arranged (`id`: the first of it); returns "ok",
   * "ok:<what was seen>", "switched" or the failure code. */
  act: (world: World, id: string, arranged: readonly string[]) => Promise<Outcome>;
  expected: Record<Caller, Outcome>;
  /** A write: when it succeeds, something in the database must have changed. */
  writes?: boolean;
}

// "switched" is getActionContext's refusal of a page account that is not the session's current one.
const outcome = (result: DataResult<unknown>) => (result.ok ? "ok" : result.message === accountSwitchedMessage ? "switched" : result.code);
const nf = "not_found";
const forbidden = "forbidden";
const unauthenticated = "unauthenticated";

// Outsiders: support staff belong to no account and another account's member is not a member
// of Matrix Mail, so every action naming it answers not_found, as in the data-layer matrix. Page
// reads take the account from the session instead: support staff have none (the pages redirect
// them to /support) and the other member reads their own account, with nothing of Matrix Mail's.
type Outsiders = Pick<Record<Caller, Outcome>, "support" | "otherAccount">;
const actionOutsiders: Outsiders = { support: nf, otherAccount: nf };
const pageOutsiders: Outsiders = { support: unauthenticated, otherAccount: "ok:none" };
const members = (owner: Outcome, admin: Outcome, restricted: Outcome, restrictedBilling: Outcome, readOnly: Outcome, outsiders = actionOutsiders): Record<Caller, Outcome> => ({
  owner,
  admin,
  restricted,
  restrictedBilling,
  readOnly,
  ...outsiders,
  anonymous: unauthenticated,
});

const keyForm = (type: "general" | "billing", levels: Record<string, string>) => ({ name: "matrix", type, access: "restricted", levels });
const teammateForm = (levels: Record<string, string>) => ({ role: "restricted", includeBilling: false, levels });
const email = () => `invitee-${Math.random().toString(36).slice(2)}@example.test`;

async function insertInvite(db: PrismaClient, accountId: string) {
  const expiresAt = new Date(Date.now() + 86_400_000);
  const invite = await db.invite.create({ data: { accountId, email: email(), role: "restricted", scopes: '["api_keys.read"]', tokenHash: Math.random().toString(36).padEnd(64, "x"), expiresAt } });
  return invite.id;
}

const general = (world: World) => insertKey(world.db, world.accountId, "general", ["api_keys.read"]);
const billing = (world: World) => insertKey(world.db, world.accountId, "billing", ["billing.read"]);
const teammate = async (world: World) => (await createMember(world.db, world.accountId, "restricted", ["api_keys.read"])).id;

const matrix: Record<string, Cell> = {
  "list keys (page)": {
    arrange: async (world) => [await general(world), await billing(world)],
    act: async (_world, _id, arranged) => {
      const ctx = await getSessionContext();
      if (!ctx) return unauthenticated;
      const result = await listApiKeys(ctx);
      if (!result.ok) return result.code;
      const seen = result.data.keys.filter((key) => arranged.includes(key.id)).map((key): string => key.type);
      return `ok:${["general", "billing"].filter((type) => seen.includes(type)).join("+") || "none"}`;
    },
    expected: members("ok:general+billing", "ok:general", "ok:general", "ok:general+billing", "ok:general", pageOutsiders),
  },
  "create a general key": {
    act: async ({ accountId }) => outcome(await createApiKeyAction(accountId, keyForm("general", { api_keys: "read" }))),
    expected: members("ok", "ok", "ok", "ok", forbidden),
    writes: true,
  },
  "create a billing key": {
    act: async ({ accountId }) => outcome(await createApiKeyAction(accountId, keyForm("billing", { billing: "read" }))),
    expected: members("ok", "unassignable", "unassignable", "ok", forbidden),
    writes: true,
  },
  "edit a general key": {
    arrange: async (world) => [await general(world)],
    act: async ({ accountId }, id) => outcome(await updateApiKeyAction(accountId, id, { ...keyForm("general", { api_keys: "read" }), name: "renamed" })),
    expected: members("ok", "ok", "ok", "ok", forbidden),
    writes: true,
  },
  "edit a billing key": {
    arrange: async (world) => [await billing(world)],
    act: async ({ accountId }, id) => outcome(await updateApiKeyAction(accountId, id, { ...keyForm("billing", { billing: "read" }), name: "renamed" })),
    expected: members("ok", nf, nf, "ok", forbidden),
    writes: true,
  },
  "delete a general key": {
    arrange: async (world) => [await general(world)],
    act: async ({ accountId }, id) => outcome(await deleteApiKeyAction(accountId, id)),
    expected: members("ok", "ok", "ok", "ok", forbidden),
    writes: true,
  },
  "delete a billing key": {
    arrange: async (world) => [await billing(world)],
    act: async ({ accountId }, id) => outcome(await deleteApiKeyAction(accountId, id)),
    expected: members("ok", nf, nf, "ok", forbidden),
    writes: true,
  },
  "invite a teammate": {
    act: async ({ accountId }) => outcome(await inviteTeammateAction(accountId, { email: email(), ...teammateForm({ api_keys: "read" }) })),
    expected: members("ok", "ok", forbidden, forbidden, forbidden),
    writes: true,
  },
  "revoke an invitation": {
    arrange: async ({ db, accountId }) => [await insertInvite(db, accountId)],
    act: async ({ accountId }, id) => outcome(await revokeInviteAction(accountId, id)),
    expected: members("ok", "ok", forbidden, forbidden, forbidden),
    writes: true,
  },
  "edit a teammate": {
    arrange: async (world) => [await teammate(world)],
    act: async ({ accountId }, id) => outcome(await updateTeammateAction(accountId, id, teammateForm({ stats: "read" }))),
    expected: members("ok", "ok", forbidden, forbidden, forbidden),
    writes: true,
  },
  "remove a teammate": {
    arrange: async (world) => [await teammate(world)],
    act: async ({ accountId }, id) => outcome(await removeTeammateAction(accountId, id)),
    expected: members("ok", "ok", forbidden, forbidden, forbidden),
    writes: true,
  },
  "view the audit log (page)": {
    // Filtered to the seeded events (one of each kind) with the page's actor filter: the cells
    // before this one add events of their own.
    act: async ({ seederId }) => {
      const ctx = await getSessionContext();
      if (!ctx) return unauthenticated;
      const result = await listAuditEvents(ctx, auditQueryFrom({ actor: `user:${seederId}` }));
      if (!result.ok) return result.code;
      const kinds = result.data.events.map((event) => (event.details?.type === "billing" ? "billingKey" : event.action.split(".")[0]));
      return `ok:${[...new Set(kinds)].sort().join("+") || "none"}`;
    },
    expected: members("ok:billing+billingKey+key+support+teammate", "ok:key+teammate", "ok:key", "ok:billing+billingKey+key", "ok:key+teammate", pageOutsiders),
  },
};

const restrictedScopes = ["api_keys.create", "api_keys.delete", "api_keys.read", "api_keys.update", "mail.send", "stats.read"];

describe.each(testProviders)("server action permission matrix on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  let world: World;
  let userIds: Record<Caller, string>;

  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
    session.db = db;
    const account = await createAccount(db, "Matrix Mail");
    const other = await createAccount(db);
    const users = {
      owner: await createMember(db, account.id, "owner"),
      admin: await createMember(db, account.id, "admin", scopesForRole({ role: "admin", includeBilling: false, levels: {} })),
      restricted: await createMember(db, account.id, "restricted", restrictedScopes),
      restrictedBilling: await createMember(db, account.id, "restricted", [...restrictedScopes, "billing.read"]),
      readOnly: await createMember(db, account.id, "read_only", scopesForRole({ role: "read_only", includeBilling: false, levels: {} })),
      support: await createSupportStaff(db),
      otherAccount: await createMember(db, other.id, "owner"),
    };
    userIds = { ...Object.fromEntries(Object.entries(users).map(([caller, user]) => [caller, user.id])), anonymous: "" } as Record<Caller, string>;
    const seeder = await createMember(db, account.id, "restricted", ["mail.send"]);
    const seeded = [
      { action: "key.created", details: '{"type":"general"}' },
      { action: "key.created", details: '{"type":"billing"}' },
      { action: "teammate.invited", targetType: "teammate" },
      { action: "support.viewed", targetType: "account" },
      { action: "billing.updated", targetType: "account" },
    ];
    await db.auditEvent.createMany({ data: seeded.map((event) => ({ accountId: account.id, actorUserId: seeder.id, actorName: "Seeder", targetName: "seeded", ...event })) });
    world = { db, accountId: account.id, otherAccountId: other.id, seederId: seeder.id };
  });
  afterAll(async () => drop?.());

  // Everything a cell could change, in every account.
  const snapshot = async () => ({
    keys: await db.apiKey.findMany({ orderBy: { id: "asc" }, select: { id: true, accountId: true, name: true, scopes: true } }),
    members: await db.membership.findMany({ orderBy: { id: "asc" }, select: { userId: true, accountId: true, role: true, scopes: true } }),
    invites: await db.invite.findMany({ orderBy: { id: "asc" }, select: { id: true, accountId: true, revokedAt: true } }),
    events: await db.auditEvent.count(),
  });

  for (const [operation, cell] of Object.entries(matrix)) {
    for (const caller of callers) {
      it(`${operation} as ${caller} → ${cell.expected[caller]}`, async () => {
        session.userId = userIds[caller];
        // Each caller's cookie names Matrix Mail; it only counts for its members.
        session.cookie = world.accountId;
        const arranged = (await cell.arrange?.(world)) ?? [];
        const before = await snapshot();
        const result = await cell.act(world, arranged[0] ?? "", arranged);
        expect(result).toBe(cell.expected[caller]);
        if (!result.startsWith("ok")) expect(await snapshot()).toEqual(before);
        else if (cell.writes) expect(await snapshot()).not.toEqual(before);
      });
    }
  }

  // The other way in for another account's member: their own, current, account's page, with
  // Matrix Mail's ids in the arguments. Every lookup is scoped by account, so nothing is there.
  it.each([
    ["edit a key", general, (id: string) => updateApiKeyAction(world.otherAccountId, id, { ...keyForm("general", { api_keys: "read" }), name: "renamed" })],
    ["delete a key", general, (id: string) => deleteApiKeyAction(world.otherAccountId, id)],
    ["edit a teammate", teammate, (id: string) => updateTeammateAction(world.otherAccountId, id, teammateForm({ stats: "read" }))],
    ["remove a teammate", teammate, (id: string) => removeTeammateAction(world.otherAccountId, id)],
    ["revoke an invitation", (w: World) => insertInvite(w.db, w.accountId), (id: string) => revokeInviteAction(world.otherAccountId, id)],
  ])("%s of Matrix Mail from another account's own page → not_found", async (_name, arrange, act) => {
    session.userId = userIds.otherAccount;
    session.cookie = world.otherAccountId;
    const id = await arrange(world);
    const before = await snapshot();
    expect(outcome(await act(id))).toBe(nf);
    expect(await snapshot()).toEqual(before);
  });
});
