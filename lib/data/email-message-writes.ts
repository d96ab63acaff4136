import "server-only";
import { Prisma, type PrismaClient } from "@/lib/db/create-client";
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
    // One multi-row INSERT as raw SQL: Prisma's createMany maps every row through its query
    // interpreter, which cost more CPU than composing the message (bench/mail.ts). Columns left
    // out keep their defaults (status, deliveryAttempts); createdAt is set here as Prisma would.
    const createdAt = new Date();
    const rows = batch.map(({ accountId, keyId, message }) => {
      const key = names.get(keyId);
      const keyName = key && key.accountId === accountId ? key.name : "deleted key";
      return Prisma.sql`(${message.id}, ${accountId}, ${keyId}, ${keyName}, ${message.source}, ${message.fromEmail}, ${message.fromName},
        ${message.recipients.join(", ")}, ${message.subject}, ${Buffer.byteLength(message.raw)}, ${message.textBody}, ${message.htmlBody},
        ${JSON.stringify(message.headers)}, ${JSON.stringify(message.attachments)}, ${JSON.stringify(message.details)}, ${message.raw}, ${createdAt}, ${deliverAfter})`;
    });
    for (const chunk of chunks(rows, INSERT_CHUNK)) {
      await tx.$executeRaw`INSERT INTO "EmailMessage" ("id", "accountId", "keyId", "keyName", "source", "fromEmail", "fromName", "toEmails",
        "subject", "sizeBytes", "textBody", "htmlBody", "headers", "attachments", "details", "raw", "createdAt", "deliverAfter") VALUES ${Prisma.join(chunk)}`;
    }
    if (retention) {
      for (const accountId of new Set(batch.map((entry) => entry.accountId))) await prune(tx, accountId, retention);
    }
  });
}

// Rows per INSERT: 18 parameters each stay far under SQLite's 32,766 and PostgreSQL's 65,535.
const INSERT_CHUNK = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
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
