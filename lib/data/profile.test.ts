import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { changePassword, signOutOtherSessions, updateProfileName } from "./profile";

const OLD = "old-password-for-tests";
const NEW = "new-password-for-tests";
let sequence = 0;

describe.each(testProviders)("profile on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  let passwordHash: string;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
    passwordHash = await hashPassword(OLD);
  });
  afterAll(async () => drop?.());

  async function me() {
    const user = await db.user.create({ data: { email: `me-${sequence++}-${Date.now()}@example.test`, name: "Me", passwordHash } });
    return { db, userId: user.id, sessionId: "this-session" };
  }
  const stored = (userId: string) => db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, passwordHash: true, sessionVersion: true, sessionReissueId: true } });

  it("renames only the signed-in user", async () => {
    const pctx = await me();
    const other = await me();
    expect(await updateProfileName(pctx, "Renamed")).toMatchObject({ ok: true, data: { name: "Renamed" } });
    expect((await stored(other.userId)).name).toBe("Me");
  });

  it("changes the password only with the current one, and ends the other sessions", async () => {
    const pctx = await me();
    const now = new Date();
    const refused = await changePassword(pctx, { currentPassword: "not-it", newPassword: NEW, address: "10.1.1.1" }, now);
    expect(refused).toMatchObject({ ok: false, code: "invalid", fieldErrors: { currentPassword: ["Your current password is not correct"] } });
    expect((await stored(pctx.userId)).sessionVersion).toBe(0);

    expect(await changePassword(pctx, { currentPassword: OLD, newPassword: NEW, address: "10.1.1.1" }, now)).toEqual({ ok: true, data: { sessionVersion: 1 } });
    const after = await stored(pctx.userId);
    expect(await verifyPassword(after.passwordHash, NEW)).toBe(true);
    expect(after).toMatchObject({ sessionVersion: 1, sessionReissueId: "this-session" });
  });

  it("counts wrong current passwords as failed sign-ins, and then refuses even the right one", async () => {
    const pctx = await me();
    const now = new Date();
    for (let i = 0; i < 5; i++) await changePassword(pctx, { currentPassword: `guess-${i}`, newPassword: NEW, address: "10.2.2.2" }, now);
    expect(await changePassword(pctx, { currentPassword: OLD, newPassword: NEW, address: "10.3.3.3" }, now)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await verifyPassword((await stored(pctx.userId)).passwordHash, OLD)).toBe(true);
  });

  it("signs out the other sessions by raising the version, naming this session as the one kept", async () => {
    const pctx = await me();
    expect(await signOutOtherSessions(pctx)).toEqual({ ok: true, data: { sessionVersion: 1 } });
    expect(await stored(pctx.userId)).toMatchObject({ sessionVersion: 1, sessionReissueId: "this-session" });
  });
});
