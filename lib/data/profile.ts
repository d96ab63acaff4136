import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { DataContext } from "./context";
import { fail, ok, type DataResult } from "./result";
import { raiseSessionVersion } from "./sessions";
import { findSignInBlock, recordSignInFailure } from "./sign-in-throttle";

// A person's own profile: no account involved, so the context names only the signed-in user and
// the session they act from (built by getProfileContext from the session, never from input).
export type ProfileContext = DataContext<"person"> & { sessionId: string };

export interface ProfileDTO {
  name: string;
  email: string;
}

export async function getProfile(pctx: ProfileContext): Promise<DataResult<ProfileDTO>> {
  const user = await pctx.db.user.findUnique({ where: { id: pctx.userId }, select: { name: true, email: true } });
  return user ? ok(user) : fail("unauthenticated", "Sign in to continue");
}

export async function updateProfileName(pctx: ProfileContext, name: string): Promise<DataResult<ProfileDTO>> {
  const updated = await pctx.db.user.updateMany({ where: { id: pctx.userId }, data: { name } });
  if (updated.count !== 1) return fail("unauthenticated", "Sign in to continue");
  return getProfile(pctx);
}

export interface PasswordChange {
  currentPassword: string;
  /** Already checked against the length rule and the common-password list. */
  newPassword: string;
  /** The client's address: a wrong current password counts as a failed sign-in. */
  address: string;
}

const wrongCurrent = "Your current password is not correct";

/**
 * Sets a new password and ends every other session of the user (the version is raised; this
 * session may take it up). A wrong current password is a failed sign-in for the throttle, so a
 * stolen session cannot guess the password here either.
 */
export async function changePassword(pctx: ProfileContext, change: PasswordChange, now: Date): Promise<DataResult<{ sessionVersion: number }>> {
  const user = await pctx.db.user.findUnique({ where: { id: pctx.userId }, select: { email: true, passwordHash: true } });
  if (!user) return fail("unauthenticated", "Sign in to continue");
  const who = { email: user.email, address: change.address };
  if (await findSignInBlock(pctx.db, who, now)) {
    return fail("forbidden", "Too many wrong passwords. Wait 15 minutes, then try again.");
  }
  if (!(await verifyPassword(user.passwordHash, change.currentPassword))) {
    await recordSignInFailure(pctx.db, who, now);
    return fail("invalid", wrongCurrent, { currentPassword: [wrongCurrent] });
  }
  const passwordHash = await hashPassword(change.newPassword);
  // One statement: the new hash and the raised version are written together or not at all.
  const updated = await pctx.db.user.update({
    where: { id: pctx.userId },
    data: { passwordHash, sessionVersion: { increment: 1 }, sessionReissueId: pctx.sessionId },
    select: { sessionVersion: true },
  });
  return ok({ sessionVersion: updated.sessionVersion });
}

/** "Sign out of all other sessions": every session but this one is refused from its next request. */
export async function signOutOtherSessions(pctx: ProfileContext): Promise<DataResult<{ sessionVersion: number }>> {
  return ok({ sessionVersion: await raiseSessionVersion(pctx.db, pctx.userId, pctx.sessionId) });
}
