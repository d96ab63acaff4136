import "server-only";
import { createHash } from "node:crypto";
import { LOCK_MEMORY_MS, lockDurationMs, throttleRules, type ThrottleKind } from "@/lib/auth/throttle-policy";
import type { PrismaClient } from "@/lib/db/create-client";

// Failed sign-ins counted in the database, so that every instance behind a load balancer sees
// the same counts. `now` is a parameter so tests can move the clock.

export interface SignInSubjects {
  /** The e-mail as typed (normalized by the form's schema); absent for the address-only check. */
  email?: string;
  /** The client's address (lib/server/client-address.ts). */
  address: string;
}

export interface SignInBlock {
  kind: ThrottleKind;
  until: Date;
}

// Stored hashed: what someone typed as an e-mail may be a password typed in the wrong field.
function subjectOf(kind: ThrottleKind, value: string): string {
  return createHash("sha256").update(`${kind}:${value}`, "utf8").digest("hex");
}

function subjectsOf({ email, address }: SignInSubjects): { kind: ThrottleKind; subject: string }[] {
  const subjects = [{ kind: "address" as const, subject: subjectOf("address", address) }];
  return email === undefined ? subjects : [{ kind: "email" as const, subject: subjectOf("email", email) }, ...subjects];
}

/** The lock in force on this e-mail or address, if any (the later-ending one). */
export async function findSignInBlock(db: PrismaClient, who: SignInSubjects, now: Date): Promise<SignInBlock | null> {
  const subjects = subjectsOf(who);
  const lock = await db.signInLock.findFirst({
    where: { subject: { in: subjects.map((s) => s.subject) }, lockedUntil: { gt: now } },
    orderBy: { lockedUntil: "desc" },
    select: { subject: true, lockedUntil: true },
  });
  if (!lock) return null;
  const kind = subjects.find((s) => s.subject === lock.subject)?.kind ?? "address";
  return { kind, until: lock.lockedUntil };
}

/** Counts a failure for the e-mail and the address; locks either once it reaches its limit. */
export async function recordSignInFailure(db: PrismaClient, who: SignInSubjects, now: Date): Promise<void> {
  const subjects = subjectsOf(who);
  // One row per failure, committed on its own before counting: of failures arriving at once (on
  // one instance or several), the last to commit then counts them all, so the limit cannot be
  // slipped past. Counting in the insert's own transaction would let each of them see only
  // itself on PostgreSQL (a test sends five at once through two clients).
  await db.signInFailure.createMany({ data: subjects.map(({ subject }) => ({ subject, createdAt: now })) });
  await db.$transaction(async (tx) => {
    for (const { kind, subject } of subjects) {
      const rule = throttleRules[kind];
      const lastLock = await tx.signInLock.findFirst({ where: { subject }, orderBy: { createdAt: "desc" }, select: { createdAt: true, lockedUntil: true } });
      if (lastLock && lastLock.lockedUntil > now) continue; // already locked
      // Failures that already led to a lock do not count towards the next one.
      const windowStart = new Date(Math.max(now.getTime() - rule.windowMs, lastLock ? lastLock.createdAt.getTime() + 1 : 0));
      const failures = await tx.signInFailure.count({ where: { subject, createdAt: { gte: windowStart } } });
      if (failures >= rule.failures) {
        const recentLocks = await tx.signInLock.count({ where: { subject, createdAt: { gt: new Date(now.getTime() - LOCK_MEMORY_MS) } } });
        await tx.signInLock.create({ data: { subject, createdAt: now, lockedUntil: new Date(now.getTime() + lockDurationMs(recentLocks)) } });
      }
      // Keep the tables small: old failures count for nothing, old locks only until forgotten.
      await tx.signInFailure.deleteMany({ where: { subject, createdAt: { lt: new Date(now.getTime() - rule.windowMs) } } });
      await tx.signInLock.deleteMany({ where: { subject, createdAt: { lt: new Date(now.getTime() - LOCK_MEMORY_MS) }, lockedUntil: { lt: now } } });
    }
  });
}

/** After a successful sign-in: the e-mail's earlier failures no longer count. */
export async function clearSignInFailures(db: PrismaClient, email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { subject: subjectOf("email", email) } });
}
