import "server-only";
import type { PrismaClient } from "@/lib/db/create-client";
import { actorFields, type Actor } from "./access";

type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export type AuditAction = "key.created" | "key.updated" | "key.deleted";

// Always called with the transaction of the change it records, so the two commit together.
export async function recordAuditEvent(
  tx: Transaction,
  actor: Actor,
  event: { action: AuditAction; targetKeyId: string; targetName: string; details?: unknown },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      accountId: actor.accountId,
      ...actorFields(actor),
      action: event.action,
      targetKeyId: event.targetKeyId,
      targetName: event.targetName,
      details: event.details === undefined ? null : JSON.stringify(event.details),
    },
  });
}

export type { Transaction };
