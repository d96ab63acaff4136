import "server-only";
import type { PrismaClient } from "@/lib/db/create-client";

// Sessions are signed tokens in a cookie (Auth.js's JWT strategy, which its credentials sign-in
// requires), so ending one needs a record on the server. Two are kept, both checked by getViewer:
// - a session version on the user, carried in every token: raising it ends all of that user's
//   sessions at once (password change, "sign out of all other sessions");
// - the ids of sessions signed out of, until the token would have expired anyway.

type Db = Pick<PrismaClient, "user" | "endedSession" | "$transaction">;

/** Signing out: this session id is refused from now on, even if its cookie was copied. */
export async function endSession(db: Db, session: { id: string; userId: string; expiresAt: Date }, now: Date): Promise<void> {
  await db.$transaction([
    // An id is ended once; signing out twice (two tabs) changes nothing.
    db.endedSession.deleteMany({ where: { id: session.id } }),
    db.endedSession.create({ data: session }),
    // Tokens past their own expiry are refused anyway: their records are no longer needed.
    db.endedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
}

/**
 * Ends every session of the user but `keepSessionId`, which may take up the new version once
 * (takeUpSessionVersion, from Auth.js's session update). Returns the new version.
 */
export async function raiseSessionVersion(db: Pick<PrismaClient, "user">, userId: string, keepSessionId: string): Promise<number> {
  const user = await db.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 }, sessionReissueId: keepSessionId },
    select: { sessionVersion: true },
  });
  return user.sessionVersion;
}

/**
 * The current version, for the one session allowed to take it up; null for any other. A stale
 * session cannot revive itself by asking for an update: only the session that raised the version
 * is named on the user.
 */
export async function takeUpSessionVersion(db: Db, userId: string, sessionId: string): Promise<number | null> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.user.updateMany({ where: { id: userId, sessionReissueId: sessionId }, data: { sessionReissueId: null } });
    if (claimed.count !== 1) return null;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
    return user?.sessionVersion ?? null;
  });
}
