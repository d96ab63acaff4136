// Every data function × every kind of caller, against the rules of issue 3. Each cell builds what
// it acts on, so the cells are independent and a refusal can be checked to have changed nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { scopesForRole } from "@/lib/permissions/roles";
import { createApiKey, updateApiKey } from "./api-key-writes";
import { deleteApiKey, getApiKey, listApiKeys } from "./api-keys";
import { listAuditEvents } from "./audit-log";
import type { DataContext } from "./context";
import { createInvite, revokeInvite } from "./invites";
import type { DataResult } from "./result";
import { reviewAccountAuditLog, reviewAccountKeys, searchAccounts, startSupportReview } from "./support";
import { listTeammates, removeTeammate, updateTeammate } from "./teammates";
import { asUser, createAccount, createMember, createSupportStaff, insertKey } from "./test-fixtures";

const callers = ["owner", "admin", "restricted", "readOnly", "support", "otherAccount"] as const;
type Caller = (typeof callers)[number];
type Outcome = string;

const restrictedScopes = ["api_keys.create", "api_keys.delete", "api_keys.read", "api_keys.update", "mail.send", "stats.read"];

interface World {
  db: PrismaClient;
  accountId: string;
  ctx: Record<Caller, DataContext>;
  userIds: Record<Caller, string>;
}

interface Cell {
  /** Acts as `caller`; returns "ok", "ok:<detail>" or the failure code. */
  run: (world: World, caller: Caller) => Promise<Outcome>;
  expected: Record<Caller, Outcome>;
}

const outcome = (result: DataResult<unknown>) => (result.ok ? "ok" : result.code);
const nf = "not_found";
const forbidden = "forbidden";
const members = (owner: Outcome, admin: Outcome, restricted: Outcome, readOnly: Outcome): Record<Caller, Outcome> => ({
  owner,
  admin,
  restricted,
  readOnly,
  support: nf,
  otherAccount: nf,
});
const staffOnly: Record<Caller, Outcome> = {
  owner: forbidden,
  admin: forbidden,
  restricted: forbidden,
  readOnly: forbidden,
  support: "ok",
  otherAccount: forbidden,
};

async function freshTeammate(world: World) {
  const user = await createMember(world.db, world.accountId, "restricted", ["mail.send"]);
  return user.id;
}

const matrix: Record<string, Cell> = {
  "list keys": {
    run: async ({ db, accountId, ctx }, caller) => {
      await insertKey(db, accountId, "billing", ["billing.read"]);
      const result = await listApiKeys(ctx[caller]);
      if (!result.ok) return result.code;
      return result.data.keys.some((key) => key.type === "billing") ? "ok:with billing keys" : "ok:general keys only";
    },
    expected: members("ok:with billing keys", "ok:general keys only", "ok:general keys only", "ok:general keys only"),
  },
  "get a general key": {
    run: async ({ db, accountId, ctx }, caller) => outcome(await getApiKey(ctx[caller], await insertKey(db, accountId, "general", ["mail.send"]))),
    expected: members("ok", "ok", "ok", "ok"),
  },
  "get a billing key": {
    run: async ({ db, accountId, ctx }, caller) => outcome(await getApiKey(ctx[caller], await insertKey(db, accountId, "billing", ["billing.read"]))),
    expected: members("ok", nf, nf, nf),
  },
  "create a general key": {
    run: async ({ ctx }, caller) => outcome(await createApiKey(ctx[caller], { name: "matrix", type: "general", scopes: ["mail.send"] })),
    expected: members("ok", "ok", "ok", forbidden),
  },
  "create a billing key": {
    run: async ({ ctx }, caller) => outcome(await createApiKey(ctx[caller], { name: "matrix", type: "billing", scopes: ["billing.read"] })),
    expected: members("ok", "unassignable", "unassignable", forbidden),
  },
  "edit a general key": {
    run: async ({ db, accountId, ctx }, caller) => {
      const id = await insertKey(db, accountId, "general", ["mail.send"]);
      return outcome(await updateApiKey(ctx[caller], id, { name: "renamed", permissions: { scopes: ["mail.send"] } }));
    },
    expected: members("ok", "ok", "ok", forbidden),
  },
  "edit a billing key": {
    run: async ({ db, accountId, ctx }, caller) => {
      const id = await insertKey(db, accountId, "billing", ["billing.read"]);
      return outcome(await updateApiKey(ctx[caller], id, { name: "renamed" }));
    },
    expected: members("ok", nf, nf, forbidden),
  },
  "delete a general key": {
    run: async ({ db, accountId, ctx }, caller) => outcome(await deleteApiKey(ctx[caller], await insertKey(db, accountId, "general", ["mail.send"]))),
    expected: members("ok", "ok", "ok", forbidden),
  },
  "delete a billing key": {
    run: async ({ db, accountId, ctx }, caller) => outcome(await deleteApiKey(ctx[caller], await insertKey(db, accountId, "billing", ["billing.read"]))),
    expected: members("ok", nf, nf, forbidden),
  },
  "list teammates": {
    run: async ({ ctx }, caller) => outcome(await listTeammates(ctx[caller])),
    expected: members("ok", "ok", forbidden, "ok"),
  },
  "invite a teammate": {
    run: async ({ ctx }, caller) =>
      outcome(await createInvite(ctx[caller], { email: `new-${caller}-${Math.random()}@example.test`, role: "restricted", scopes: ["mail.send"] })),
    expected: members("ok", "ok", forbidden, forbidden),
  },
  "invite a teammate with billing": {
    run: async ({ ctx }, caller) =>
      outcome(await createInvite(ctx[caller], { email: `bill-${caller}-${Math.random()}@example.test`, role: "admin", scopes: scopesForRole({ role: "admin", includeBilling: true, levels: {} }) })),
    expected: members("ok", "unassignable", forbidden, forbidden),
  },
  "revoke an invitation": {
    run: async (world, caller) => {
      const created = await createInvite(world.ctx.owner, { email: `revoke-${caller}-${Math.random()}@example.test`, role: "restricted", scopes: ["mail.send"] });
      if (!created.ok) throw new Error(created.message);
      return outcome(await revokeInvite(world.ctx[caller], created.data.invite.id));
    },
    expected: members("ok", "ok", forbidden, forbidden),
  },
  "edit a teammate": {
    run: async (world, caller) => outcome(await updateTeammate(world.ctx[caller], await freshTeammate(world), { role: "restricted", scopes: ["stats.read"] })),
    expected: members("ok", "ok", forbidden, forbidden),
  },
  "remove a teammate": {
    run: async (world, caller) => outcome(await removeTeammate(world.ctx[caller], await freshTeammate(world))),
    expected: members("ok", "ok", forbidden, forbidden),
  },
  "demote the owner": {
    run: async (world, caller) => outcome(await updateTeammate(world.ctx[caller], world.userIds.owner, { role: "read_only", scopes: ["api_keys.read"] })),
    // The owner is the only one: refused even to themselves.
    expected: members(forbidden, forbidden, forbidden, forbidden),
  },
  "view the audit log": {
    run: async ({ ctx }, caller) => {
      const result = await listAuditEvents(ctx[caller]);
      if (!result.ok) return result.code;
      const kinds = [...new Set(result.data.actions.map((action) => action.split(".")[0]))].sort().join("+");
      return `ok:${kinds}`;
    },
    expected: members("ok:billing+key+support+teammate", "ok:key+teammate", "ok:key", "ok:key+teammate"),
  },
  "search accounts (support)": {
    run: async ({ db, userIds }, caller) => outcome(await searchAccounts({ db, userId: userIds[caller] }, "matrix")),
    expected: staffOnly,
  },
  "start a review of an account (support)": {
    run: async ({ db, userIds, accountId }, caller) => outcome(await startSupportReview({ db, userId: userIds[caller] }, accountId, "api_keys")),
    expected: staffOnly,
  },
  "review an account's keys (support)": {
    run: async ({ db, userIds, accountId }, caller) => outcome(await reviewAccountKeys({ db, userId: userIds[caller] }, accountId)),
    expected: staffOnly,
  },
  "review an account's audit log (support)": {
    run: async ({ db, userIds, accountId }, caller) => outcome(await reviewAccountAuditLog({ db, userId: userIds[caller] }, accountId)),
    expected: staffOnly,
  },
};

describe.each(testProviders)("permission matrix on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  let world: World;

  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
    const account = await createAccount(db, "Matrix Mail");
    const other = await createAccount(db);
    const users = {
      owner: await createMember(db, account.id, "owner"),
      admin: await createMember(db, account.id, "admin", scopesForRole({ role: "admin", includeBilling: false, levels: {} })),
      restricted: await createMember(db, account.id, "restricted", restrictedScopes),
      readOnly: await createMember(db, account.id, "read_only", scopesForRole({ role: "read_only", includeBilling: false, levels: {} })),
      support: await createSupportStaff(db),
      otherAccount: await createMember(db, other.id, "owner"),
    };
    const userIds = Object.fromEntries(callers.map((caller) => [caller, users[caller].id])) as Record<Caller, string>;
    // Every caller acts on Matrix Mail: the support user and the other account's owner too.
    const ctx = Object.fromEntries(callers.map((caller) => [caller, asUser(db, userIds[caller], account.id)])) as Record<Caller, DataContext>;
    world = { db, accountId: account.id, ctx, userIds };
  });
  afterAll(async () => drop?.());

  for (const [operation, cell] of Object.entries(matrix)) {
    for (const caller of callers) {
      it(`${operation} as ${caller} → ${cell.expected[caller]}`, async () => {
        const eventsBefore = await db.auditEvent.count({ where: { accountId: world.accountId } });
        const result = await cell.run(world, caller);
        expect(result).toBe(cell.expected[caller]);
        // A refusal writes nothing to the audit log (fixtures insert rows directly, without events).
        if (!result.startsWith("ok")) {
          expect(await db.auditEvent.count({ where: { accountId: world.accountId } })).toBe(eventsBefore + (operation === "revoke an invitation" ? 1 : 0));
        }
      });
    }
  }
});
