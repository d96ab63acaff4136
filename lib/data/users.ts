import "server-only";
import { decoyPasswordHash, verifyPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/create-client";
import { clearSignInFailures, findSignInBlock, recordSignInFailure, type SignInBlock } from "./sign-in-throttle";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  /** Carried in the session token: a later change ends the session (lib/data/session.ts). */
  sessionVersion: number;
}

export type SignInAttempt = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" } | { ok: false; reason: "locked"; block: SignInBlock };

export interface SignInRequest {
  email: string;
  password: string;
  /** The client's address, as server.ts found it. */
  address: string;
}

// Both ways in (the sign-in form's action and Auth.js's callback route) end here, in Auth.js's
// authorize. A locked e-mail or address is refused before any password is hashed, even the right
// one; otherwise the answer is the same whether or not the e-mail exists.
export async function attemptSignIn(db: PrismaClient, request: SignInRequest, now: Date): Promise<SignInAttempt> {
  const block = await findSignInBlock(db, request, now);
  if (block) return { ok: false, reason: "locked", block };
  const user = await db.user.findUnique({
    where: { email: request.email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  // The decoy keeps an unknown e-mail as slow as a wrong password.
  const valid = await verifyPassword(user?.passwordHash ?? decoyPasswordHash, request.password);
  if (!user || !valid) {
    await recordSignInFailure(db, request, now);
    return { ok: false, reason: "invalid" };
  }
  await clearSignInFailures(db, request.email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
