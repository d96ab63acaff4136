import "server-only";
import type { PrismaClient } from "@/lib/db/create-client";
import { actorFields, type Actor } from "./access";

type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export const auditActions = [
  "key.created",
  "key.updated",
  "key.deleted",
  "key.disabled",
  "key.enabled",
  "key.rolled",
  "teammate.invited",
  "teammate.invite_revoked",
  "teammate.joined",
  "teammate.updated",
  "teammate.removed",
  "support.viewed",
  "billing.updated",
] as const;
export type AuditAction = (typeof auditActions)[number];
export type AuditTargetType = "api_key" | "teammate" | "account";

/** Who acted, as the audit log records them: a member or key (an Actor), or support staff. */
export type AuditActor = Pick<Actor, "principal" | "accountId" | "name">;

export interface AuditEventInput {
  action: AuditAction;
  targetType?: AuditTargetType;
  targetKeyId?: string | null;
  targetName: string;
  details?: Record<string, unknown>;
}

// Always called with the transaction of the change it records, so the two commit together.
// There is deliberately no update or delete anywhere in lib/data: the table is append-only, and
// the database refuses both by trigger as well.
export async function recordAuditEvent(tx: Transaction, actor: AuditActor, event: AuditEventInput): Promise<void> {
  const targetType = event.targetType ?? "api_key";
  let details = event.details;
  // Key events carry the key's type, so the log can hide billing keys' events from members who
  // may not see billing keys. A caller that did not say it is looked up in the same transaction.
  if (targetType === "api_key" && event.targetKeyId && typeof details?.type !== "string") {
    const key = await tx.apiKey.findFirst({ where: { id: event.targetKeyId, accountId: actor.accountId }, select: { type: true } });
    if (key) details = { ...details, type: key.type };
  }
  await tx.auditEvent.create({
    data: {
      accountId: actor.accountId,
      ...actorFields(actor),
      action: event.action,
      targetType,
      targetKeyId: event.targetKeyId ?? null,
      targetName: event.targetName,
      details: details === undefined ? null : JSON.stringify(details),
    },
  });
}

export type { Transaction };
