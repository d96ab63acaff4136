import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { endSession, raiseSessionVersion, takeUpSessionVersion } from "./sessions";
import { createAccount, createMember } from "./test-fixtures";

// getViewer as pages and actions call it, with Auth.js's decoded token stood in for.
const current = vi.hoisted(() => ({ token: null as null | { user: { id: string }; sessionId?: string; sessionVersion?: number }, db: null as unknown }));
vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(async () => current.token) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));
vi.mock("@/lib/data/db", () => ({ getDb: () => current.db }));
const { getViewer } = await import("./session");

const HOUR = 3_600_000;

describe.each(testProviders)("ending sessions on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
    current.db = db;
  });
  afterAll(async () => drop?.());

  async function viewerWith(userId: string, sessionId: string | undefined, sessionVersion: number | undefined) {
    current.token = { user: { id: userId }, sessionId, sessionVersion };
    return getViewer();
  }

  it("refuses a session that was signed out of, and only that one", async () => {
    const account = await createAccount(db);
    const user = await createMember(db, account.id, "owner");
    expect((await viewerWith(user.id, "a", 0))?.user.id).toBe(user.id);
    await endSession(db, { id: "a", userId: user.id, expiresAt: new Date(Date.now() + HOUR) }, new Date());
    await endSession(db, { id: "a", userId: user.id, expiresAt: new Date(Date.now() + HOUR) }, new Date());
    expect(await viewerWith(user.id, "a", 0)).toBeNull();
    expect((await viewerWith(user.id, "b", 0))?.sessionId).toBe("b");
  });

  it("refuses every session issued before the version was raised, but lets the raising one take it up once", async () => {
    const account = await createAccount(db);
    const user = await createMember(db, account.id, "owner");
    const version = await raiseSessionVersion(db, user.id, "mine");
    expect(version).toBe(1);
    expect(await viewerWith(user.id, "other", 0)).toBeNull();
    expect(await viewerWith(user.id, "mine", 0)).toBeNull();
    expect(await takeUpSessionVersion(db, user.id, "other")).toBeNull();
    expect(await takeUpSessionVersion(db, user.id, "mine")).toBe(1);
    expect(await takeUpSessionVersion(db, user.id, "mine")).toBeNull();
    expect((await viewerWith(user.id, "mine", 1))?.user.id).toBe(user.id);
  });

  it("refuses a token without a session id or version", async () => {
    const account = await createAccount(db);
    const user = await createMember(db, account.id, "owner");
    expect(await viewerWith(user.id, undefined, 0)).toBeNull();
    expect(await viewerWith(user.id, "c", undefined)).toBeNull();
  });

  it("forgets ended sessions once their tokens have expired", async () => {
    const account = await createAccount(db);
    const user = await createMember(db, account.id, "owner");
    await endSession(db, { id: "old", userId: user.id, expiresAt: new Date(Date.now() - HOUR) }, new Date(Date.now() - 2 * HOUR));
    await endSession(db, { id: "new", userId: user.id, expiresAt: new Date(Date.now() + HOUR) }, new Date());
    expect(await db.endedSession.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([{ id: "new" }]);
  });
});
