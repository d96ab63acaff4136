import "server-only";
import { randomBytes } from "node:crypto";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/create-client";
import { hashSecret } from "@/lib/keys/hash";
import {
  forgotPasswordSchema,
  PASSWORD_RESET_VALID_MS,
  passwordResetTokenSchema,
  resetPasswordSchema,
} from "@/lib/validation/own-account";
import { catchFailure, DataFailure, fail, invalidForm, ok, type DataResult } from "./result";

// One-time links that set a password: "Forgot password?", `npm run user:reset-password` and the
// set-password link of `npm run user:create`. The token is the authority (nobody is signed in),
// and only its SHA-256 is stored; the token itself is returned once, to be mailed or printed.

export type PasswordResetStatus = "valid" | "used" | "expired" | "unknown";

const statusMessages: Record<Exclude<PasswordResetStatus, "valid">, string> = {
  unknown: "This password link is not valid. Ask for a new one.",
  used: "This password link has already been used. Ask for a new one if you need to.",
  expired: "This password link has expired. Ask for a new one.",
};

export function passwordResetStatusMessage(status: Exclude<PasswordResetStatus, "valid">): string {
  return statusMessages[status];
}

// However often "Forgot password?" is pressed, one address gets at most one message a minute.
const RESEND_AFTER_MS = 60 * 1000;

/** A new link for a user; earlier unused links keep working until they expire or one is used. */
export async function issuePasswordReset(db: Pick<PrismaClient, "passwordReset">, userId: string, validForMs = PASSWORD_RESET_VALID_MS): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.passwordReset.create({ data: { userId, tokenHash: hashSecret(token), expiresAt: new Date(Date.now() + validForMs) } });
  return token;
}

/**
 * "Forgot password?": a token for the address if a user has it, else null. The caller answers the
 * same either way, so the page never tells whether an address has an account.
 */
export async function requestPasswordReset(db: PrismaClient, input: unknown): Promise<DataResult<{ email: string; token: string } | null>> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", "Enter a valid e-mail address", { email: ["Enter a valid e-mail address"] });
  const user = await db.user.findUnique({ where: { email: parsed.data.email }, select: { id: true, email: true } });
  if (!user) return ok(null);
  const recent = await db.passwordReset.count({ where: { userId: user.id, createdAt: { gt: new Date(Date.now() - RESEND_AFTER_MS) } } });
  if (recent > 0) return ok(null);
  return ok({ email: user.email, token: await issuePasswordReset(db, user.id) });
}

export async function getPasswordResetStatus(db: PrismaClient, token: string): Promise<PasswordResetStatus> {
  const parsed = passwordResetTokenSchema.safeParse(token);
  if (!parsed.success) return "unknown";
  const row = await db.passwordReset.findUnique({ where: { tokenHash: hashSecret(parsed.data) }, select: { usedAt: true, expiresAt: true } });
  if (!row) return "unknown";
  if (row.usedAt) return "used";
  return row.expiresAt.getTime() <= Date.now() ? "expired" : "valid";
}

/** Sets the new password and uses up the link, at once: a link works exactly once, even when raced. */
export async function resetPassword(db: PrismaClient, token: string, input: unknown): Promise<DataResult<{ email: string }>> {
  return catchFailure(async () => {
    const parsed = resetPasswordSchema.safeParse(input);
    if (!parsed.success) return invalidForm(parsed.error.issues);
    if (isCommonPassword(parsed.data.password)) return fail("invalid", COMMON_PASSWORD_MESSAGE, { password: [COMMON_PASSWORD_MESSAGE] });
    const status = await getPasswordResetStatus(db, token);
    if (status !== "valid") return fail("not_found", statusMessages[status]);
    const passwordHash = await hashPassword(parsed.data.password);
    const tokenHash = hashSecret(token);
    const email = await db.$transaction(async (tx) => {
      const now = new Date();
      const { count } = await tx.passwordReset.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (count === 0) throw new DataFailure(fail("not_found", statusMessages.used));
      const reset = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
      // Whoever knew the old password may hold a session: every session of the user ends.
      const user = await tx.user.update({
        where: { id: reset.userId },
        data: { passwordHash, sessionVersion: { increment: 1 }, sessionReissueId: null },
        select: { email: true },
      });
      // Any other link for this user would undo the change: they are used up with this one.
      await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
      return user.email;
    });
    return ok({ email });
  });
}
