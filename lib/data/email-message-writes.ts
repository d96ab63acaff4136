import "server-only";
import type { PrismaClient } from "@/lib/db/create-client";
import type { AcceptedMessage } from "@/lib/mail/message";
import { allows, keyTypeAllowed } from "@/lib/permissions/policy";
import type { Retention } from "@/lib/mail/retention";
import type { ApiCaller } from "./api-auth";

/** A message with who sent it, waiting for its batch. */
export interface MessageToStore {
  accountId: string;
  keyId: string;
  message: AcceptedMessage;
}

// Sending needs what the policy says of "mail.send" (its scope, on a general key). The caller was
// read from the database on this very request (or SMTP command), so a deleted key or a withdrawn
// scope is refused from then on.
export function maySendMail(caller: ApiCaller): boolean {
  return keyTypeAllowed(caller.type, "messages.send") && allows(caller.scopes, "messages.send");
}

/**
 * Stores one batch of messages in one transaction (on SQLite, the adapter's lock-waiting
 * BEGIN IMMEDIATE). Each message keeps its key's name as it is now: "deleted key" if the key is
 * already gone, so the page can still say which key sent it.
 */
export async function storeMessageBatch(db: PrismaClient, batch: readonly MessageToStore[], retention?: Retention, options: { queueForDelivery?: boolean } = {}): Promise<void> {
  // With an upstream relay, each message enters its queue in the same write (lib/data/email-delivery.ts).
  const deliverAfter = options.queueForDelivery ? new Date() : null;
  await db.$transaction(async (tx) => {
    const keyIds = [...new Set(batch.map((entry) => entry.keyId))];
    const keys = await tx.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true, accountId: true } });
    const names = new Map(keys.map((key) => [key.id, key]));
    await tx.emailMessage.createMany({
      data: batch.map(({ accountId, keyId, message }) => {
        const key = names.get(keyId);
        return {
          id: message.id,
          accountId,
          keyId,
          keyName: key && key.accountId === accountId ? key.name : "deleted key",
          source: message.source,
          fromEmail: message.fromEmail,
          fromName: message.fromName,
          toEmails: message.recipients.join(", "),
          subject: message.subject,
          sizeBytes: Buffer.byteLength(message.raw),
          textBody: message.textBody,
          htmlBody: message.htmlBody,
          headers: JSON.stringify(message.headers),
          attachments: JSON.stringify(message.attachments),
          details: JSON.stringify(message.details),
          raw: message.raw,
          deliverAfter,
        };
      }),
    });
    if (retention) {
      for (const accountId of new Set(batch.map((entry) => entry.accountId))) await prune(tx, accountId, retention);
    }
  });
}

// At most this many rows go per account per batch: a lowered limit is caught up over a few
// batches instead of one long transaction holding the write lock.
const PRUNE_CHUNK = 500;

type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// A message still waiting for the upstream relay is never pruned: the relay bounces it after its
// maximum age (72 hours by default), and it can go after that.
async function prune(tx: Transaction, accountId: string, retention: Retention): Promise<void> {
  const cutoff = new Date(Date.now() - retention.maxAgeDays * 24 * 60 * 60 * 1000);
  const surplus = await tx.emailMessage.findMany({
    where: { accountId, deliverAfter: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: retention.maxMessages,
    take: PRUNE_CHUNK,
    select: { id: true },
  });
  const old = await tx.emailMessage.findMany({ where: { accountId, deliverAfter: null, createdAt: { lt: cutoff } }, take: PRUNE_CHUNK, select: { id: true } });
  const ids = [...new Set([...surplus, ...old].map((row) => row.id))];
  if (ids.length > 0) await tx.emailMessage.deleteMany({ where: { accountId, id: { in: ids } } });
}
