import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { loadActor } from "./access";
import { createAccount, createMember } from "./test-fixtures";

// A page's context carries the membership its session lookup read (session.ts): loading the actor
// for the layout and the page then reads nothing more, and a write's fresh check still does.
const current = vi.hoisted(() => ({ token: null as null | { user: { id: string }; sessionId: string; sessionVersion: number }, db: null as unknown }));
vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(async () => current.token) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));
vi.mock("@/lib/data/db", () => ({ getDb: () => current.db }));
const { getSessionContext } = await import("./session");

describe.each(testProviders)("the member's standing read with the session, on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  let membershipReads = 0;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
    current.db = new Proxy(db, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (property === "membership") membershipReads++;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  });
  afterAll(async () => drop?.());

  it("gives the page's actor without reading the membership again; a fresh check reads it", async () => {
    const account = await createAccount(db);
    const member = await createMember(db, account.id, "restricted", ["mail.send", "api_keys.read"]);
    current.token = { user: { id: member.id }, sessionId: "s", sessionVersion: 0 };
    const ctx = await getSessionContext();
    if (!ctx) throw new Error("no context");
    expect(ctx.accountId).toBe(account.id);

    membershipReads = 0;
    const actor = await loadActor(ctx);
    expect(membershipReads).toBe(0);
    expect(actor).toMatchObject({ accountId: account.id, role: "restricted", name: member.name });
    expect([...actor!.scopes].sort()).toEqual(["api_keys.read", "mail.send"]);

    // Removed meanwhile: a write's check (fresh, as reauthorize asks) finds nobody.
    await db.membership.delete({ where: { userId_accountId: { userId: member.id, accountId: account.id } } });
    expect(await loadActor(ctx, { fresh: true })).toBeNull();
    expect(membershipReads).toBe(1);
  });

  it("reads the membership for another account than the one the standing is for", async () => {
    const [first, second] = [await createAccount(db), await createAccount(db)];
    const member = await createMember(db, first.id, "owner");
    await db.membership.create({ data: { userId: member.id, accountId: second.id, role: "read_only", scopes: "[]" } });
    current.token = { user: { id: member.id }, sessionId: "s", sessionVersion: 0 };
    const ctx = await getSessionContext();
    if (!ctx) throw new Error("no context");
    const other = ctx.accountId === first.id ? second : first;
    membershipReads = 0;
    const actor = await loadActor({ ...ctx, accountId: other.id });
    expect(membershipReads).toBe(1);
    expect(actor?.role).toBe(other.id === second.id ? "read_only" : "owner");
  });
});
