import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { hashSecret } from "@/lib/keys/hash";
import { createUserFromCli, resetLinkFromCli } from "./cli-users";
import { getPasswordResetStatus } from "./password-resets";

describe.each(testProviders)("users made from the command line on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(() => drop?.());

  it("creates an owner with their account and a set-password link valid for a day", async () => {
    const result = await createUserFromCli(db, { email: "Owner@Team.test", name: "Olu", account: "Team Mail", support: false });
    if (!result.ok) throw new Error(result.message);
    expect(result.data).toMatchObject({ email: "owner@team.test", accountName: "Team Mail", support: false, validForMs: 24 * 3_600_000 });
    const user = await db.user.findUniqueOrThrow({ where: { email: "owner@team.test" }, include: { memberships: { include: { account: true } }, passwordResets: true } });
    expect(user).toMatchObject({ name: "Olu", isSupportStaff: false, memberships: [{ role: "owner", account: { name: "Team Mail" } }] });
    expect(user.passwordResets).toEqual([expect.objectContaining({ tokenHash: hashSecret(result.data.token), usedAt: null })]);
    expect(await getPasswordResetStatus(db, result.data.token)).toBe("valid");
  });

  it("creates support staff with no account, and refuses --support with --account", async () => {
    const result = await createUserFromCli(db, { email: "help@team.test", support: true });
    expect(result).toMatchObject({ ok: true, data: { support: true, accountName: null } });
    const user = await db.user.findUniqueOrThrow({ where: { email: "help@team.test" }, include: { memberships: true } });
    expect(user).toMatchObject({ isSupportStaff: true, name: "help", memberships: [] });
    expect(await createUserFromCli(db, { email: "both@team.test", support: true, account: "X" })).toMatchObject({ ok: false, message: expect.stringContaining("--account") });
  });

  it("refuses an existing e-mail and an invalid one, creating nothing", async () => {
    const before = await db.user.count();
    expect(await createUserFromCli(db, { email: "owner@team.test", support: false })).toMatchObject({ ok: false, message: expect.stringContaining("already exists") });
    expect(await createUserFromCli(db, { email: "nope", support: false })).toMatchObject({ ok: false, code: "invalid" });
    expect(await db.user.count()).toBe(before);
  });

  it("prints reset links only for existing users", async () => {
    const result = await resetLinkFromCli(db, { email: "OWNER@team.test" });
    if (!result.ok) throw new Error(result.message);
    expect(await getPasswordResetStatus(db, result.data.token)).toBe("valid");
    expect(await resetLinkFromCli(db, { email: "ghost@team.test" })).toMatchObject({ ok: false, code: "not_found" });
  });
});
