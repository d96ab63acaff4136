import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMON_PASSWORD_MESSAGE } from "@/lib/auth/common-passwords";
import { verifyPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { hashSecret } from "@/lib/keys/hash";
import { getPasswordResetStatus, issuePasswordReset, passwordResetStatusMessage, requestPasswordReset, resetPassword } from "./password-resets";
import { createAccount, createMember } from "./test-fixtures";

const newPassword = { password: "a brand new passphrase", confirmPassword: "a brand new passphrase" };

describe.each(testProviders)("password reset links on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(() => drop?.());

  async function newUser() {
    const account = await createAccount(db);
    return createMember(db, account.id, "owner");
  }

  it("answers an unknown address with no token, and a known one with a token stored only as its hash", async () => {
    expect(await requestPasswordReset(db, { email: "nobody@example.test" })).toEqual({ ok: true, data: null });
    const user = await newUser();
    const result = await requestPasswordReset(db, { email: user.email.toUpperCase() });
    if (!result.ok || !result.data) throw new Error("expected a token");
    const { token } = result.data;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const hour = row.expiresAt.getTime() - row.createdAt.getTime();
    expect(hour).toBeGreaterThan(59 * 60 * 1000);
    expect(hour).toBeLessThanOrEqual(60 * 60 * 1000 + 5_000);
    // A second request within the minute mails nothing more.
    expect(await requestPasswordReset(db, { email: user.email })).toEqual({ ok: true, data: null });
  });

  it("refuses an invalid e-mail with a clear message", async () => {
    expect(await requestPasswordReset(db, { email: "not an address" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { email: ["Enter a valid e-mail address"] } });
  });

  it("sets a new password once; the same link is then refused", async () => {
    const user = await newUser();
    const token = await issuePasswordReset(db, user.id);
    expect(await getPasswordResetStatus(db, token)).toBe("valid");
    expect(await resetPassword(db, token, newPassword)).toEqual({ ok: true, data: { email: user.email } });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, newPassword.password)).toBe(true);
    expect(await getPasswordResetStatus(db, token)).toBe("used");
    expect(await resetPassword(db, token, { password: "yet another passphrase", confirmPassword: "yet another passphrase" })).toEqual({
      ok: false,
      code: "not_found",
      message: passwordResetStatusMessage("used"),
    });
  });

  it("lets only one of two simultaneous uses of a link win", async () => {
    const user = await newUser();
    const token = await issuePasswordReset(db, user.id);
    const results = await Promise.all([resetPassword(db, token, newPassword), resetPassword(db, token, newPassword)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("uses up the user's other links when one is used", async () => {
    const user = await newUser();
    const first = await issuePasswordReset(db, user.id);
    const second = await issuePasswordReset(db, user.id);
    expect((await resetPassword(db, second, newPassword)).ok).toBe(true);
    expect(await getPasswordResetStatus(db, first)).toBe("used");
  });

  it("refuses an expired link and changes nothing", async () => {
    const user = await newUser();
    const token = await issuePasswordReset(db, user.id, -1);
    expect(await getPasswordResetStatus(db, token)).toBe("expired");
    expect(await resetPassword(db, token, newPassword)).toEqual({ ok: false, code: "not_found", message: passwordResetStatusMessage("expired") });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe("not-a-real-hash");
  });

  it("refuses unknown or malformed tokens", async () => {
    expect(await getPasswordResetStatus(db, "x".repeat(43))).toBe("unknown");
    expect(await getPasswordResetStatus(db, "../../etc")).toBe("unknown");
    expect(await resetPassword(db, "nope", newPassword)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("validates the new password: at least 12 characters, typed twice alike", async () => {
    const user = await newUser();
    const token = await issuePasswordReset(db, user.id);
    expect(await resetPassword(db, token, { password: "short", confirmPassword: "short" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { password: ["Use at least 12 characters"] },
    });
    expect(await resetPassword(db, token, { password: "long enough password", confirmPassword: "something else" })).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: ["The passwords do not match"] },
    });
    expect(await resetPassword(db, token, { password: "qwerty123456", confirmPassword: "qwerty123456" })).toMatchObject({
      ok: false,
      fieldErrors: { password: [COMMON_PASSWORD_MESSAGE] },
    });
    expect(await getPasswordResetStatus(db, token)).toBe("valid");
  });

  it("ends every session of the user: whoever knew the old password may hold one", async () => {
    const user = await newUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    expect(await resetPassword(db, await issuePasswordReset(db, user.id), newPassword)).toMatchObject({ ok: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true, sessionReissueId: true } });
    expect(after).toEqual({ sessionVersion: before.sessionVersion + 1, sessionReissueId: null });
  });
});
