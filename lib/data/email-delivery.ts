import "server-only";
import type { PrismaClient } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";

// The upstream relay's queue lives in EmailMessage itself: a row waits while deliverAfter is set.
// A worker claims due rows with a lease (leaseOwner, leaseUntil), so several processes on one
// database never attempt the same message at once, and a process that dies mid-attempt only
// delays its messages until the lease runs out. These functions are the system's (no person or
// key acts here): they are called by the delivery worker only.

export interface DeliveryAttempt {
  /** ISO 8601, UTC */
  at: string;
  outcome: "delivered" | "deferred" | "bounced";
  /** The upstream's answer (e.g. "250 2.0.0 Ok: queued as …"), or the connection error. */
  response: string;
}

export interface ClaimedMessage {
  id: string;
  fromEmail: string;
  recipients: string[];
  raw: string;
  createdAt: Date;
  attempts: DeliveryAttempt[];
}

export interface ClaimOptions {
  provider: DatabaseProvider;
  owner: string;
  now: Date;
  leaseMs: number;
  limit: number;
}

/** Claims up to `limit` due messages for `owner` until now + leaseMs, and returns them. */
export async function claimDueMessages(db: PrismaClient, options: ClaimOptions): Promise<ClaimedMessage[]> {
  const { now, owner, limit } = options;
  const leaseUntil = new Date(now.getTime() + options.leaseMs);
  const due = { deliverAfter: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] };
  // A cheap indexed read first: an idle queue costs no write transaction (on SQLite, no write lock).
  if ((await db.emailMessage.findFirst({ where: due, select: { id: true } })) === null) return [];
  let ids: string[];
  if (options.provider === "postgresql") {
    // SKIP LOCKED: concurrent claimers take different rows instead of waiting for each other; the
    // outer conditions are checked again on the locked row.
    const rows = await db.$queryRaw<{ id: string }[]>`
      UPDATE "EmailMessage" SET "leaseOwner" = ${owner}, "leaseUntil" = ${leaseUntil}
      WHERE "id" IN (
        SELECT "id" FROM "EmailMessage"
        WHERE "deliverAfter" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
        ORDER BY "deliverAfter" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      AND "deliverAfter" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
      RETURNING "id"`;
    ids = rows.map((row) => row.id);
  } else {
    // SQLite: the adapter starts every transaction with BEGIN IMMEDIATE, which takes the file's
    // write lock first, so the read and the update below cannot interleave with another claimer,
    // in this process or another.
    ids = await db.$transaction(async (tx) => {
      const rows = await tx.emailMessage.findMany({ where: due, orderBy: { deliverAfter: "asc" }, take: limit, select: { id: true } });
      const chosen = rows.map((row) => row.id);
      if (chosen.length > 0) await tx.emailMessage.updateMany({ where: { id: { in: chosen } }, data: { leaseOwner: owner, leaseUntil } });
      return chosen;
    });
  }
  if (ids.length === 0) return [];
  const rows = await db.emailMessage.findMany({
    where: { id: { in: ids }, leaseOwner: owner },
    select: { id: true, fromEmail: true, toEmails: true, raw: true, createdAt: true, deliveryAttempts: true },
  });
  return rows.map((row) => ({
    id: row.id,
    fromEmail: row.fromEmail,
    recipients: row.toEmails.split(", ").filter((address) => address.length > 0),
    raw: row.raw,
    createdAt: row.createdAt,
    attempts: JSON.parse(row.deliveryAttempts) as DeliveryAttempt[],
  }));
}

export interface DeliveryOutcome {
  id: string;
  owner: string;
  attempts: DeliveryAttempt[];
  status: DeliveryAttempt["outcome"];
  /** The next attempt's time, or null when the message is done (delivered or bounced). */
  deliverAfter: Date | null;
}

/**
 * Records a batch of attempts in one transaction and releases their leases. A row whose lease
 * passed to another owner meanwhile is left alone: that owner's record wins.
 */
export async function recordDeliveryOutcomes(db: PrismaClient, outcomes: readonly DeliveryOutcome[]): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const outcome of outcomes) {
      await tx.emailMessage.updateMany({
        where: { id: outcome.id, leaseOwner: outcome.owner },
        data: {
          status: outcome.status,
          deliverAfter: outcome.deliverAfter,
          deliveryAttempts: JSON.stringify(outcome.attempts),
          leaseOwner: null,
          leaseUntil: null,
        },
      });
    }
  });
}
