import "server-only";
import { Prisma, type PrismaClient } from "@/lib/db/create-client";
import type { Transaction } from "./audit";

// Key writes queue on their account's row (the cap's counter). On PostgreSQL each waiting
// transaction holds a pooled connection, so a burst of creates (150 at once in the race tests)
// leaves later ones waiting for a connection longer than Prisma's default 2 s: Prisma then gives
// up with P2028 "Unable to start a transaction", and the person would see a 500. PostgreSQL may
// also ask for a retry (P2034: write conflict or deadlock). Both mean nothing was written, so
// the transaction is simply started again, a bounded number of times.
const MAX_WAIT_MS = 10_000;
const TIMEOUT_MS = 15_000;
const ATTEMPTS = 3;

export async function writeTransaction<T>(db: PrismaClient, work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { maxWait: MAX_WAIT_MS, timeout: TIMEOUT_MS });
    } catch (error) {
      if (attempt >= ATTEMPTS || !askedToRetry(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

function askedToRetry(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2034") return true;
  return error.code === "P2028" && /unable to start a transaction/i.test(error.message);
}
