import "server-only";
import type { DataContext } from "./context";
import { requireScope } from "./access";
import { catchFailure, fail, ok, type DataResult } from "./result";
import { supportReviewOpen, type SupportContext } from "./support-review";
import { messageStatusSchema } from "@/lib/validation/message-status";
import type { DeliveryAttempt } from "./email-delivery";

export const EMAIL_ACTIVITY_PAGE_SIZE = 25;
export const messageStatuses = messageStatusSchema.options;

export interface EmailMessageSummaryDTO {
  id: string;
  /** ISO 8601, UTC */
  createdAt: string;
  fromEmail: string;
  toEmails: string;
  subject: string;
  keyId: string | null;
  /** The key's name when it sent the message, or "deleted key" once it is gone. */
  keyName: string;
  status: string;
  sizeBytes: number;
  /** Waiting for the upstream relay: its status may still change. */
  queued: boolean;
}

export interface EmailAttachmentDTO {
  filename: string;
  type: string;
  disposition: string;
  contentId: string | null;
  size: number;
}

export interface EmailMessageDTO extends EmailMessageSummaryDTO {
  fromName: string | null;
  source: string;
  textBody: string | null;
  htmlBody: string | null;
  headers: Record<string, string>;
  attachments: EmailAttachmentDTO[];
  details: Record<string, unknown>;
  raw: string;
  /** Each attempt through the upstream relay, oldest first (none without a relay). */
  deliveryAttempts: DeliveryAttempt[];
  /** ISO 8601 time of the next attempt while the message waits for the relay, else null. */
  nextAttemptAt: string | null;
}

export interface EmailActivityQuery {
  /** Matches recipient, sender or subject. */
  search?: string;
  to?: string;
  from?: string;
  subject?: string;
  keyId?: string;
  status?: string;
  /** Any of these statuses (the API's not_delivered is deferred or bounced). */
  statusIn?: string[];
  id?: string;
  page?: number;
  pageSize?: number;
}

export interface EmailActivityPage {
  messages: EmailMessageSummaryDTO[];
  page: number;
  pageCount: number;
  total: number;
  /** Keys that sent messages still kept, for the key filter. */
  keys: { id: string; name: string }[];
}

const summarySelect = {
  id: true, createdAt: true, fromEmail: true, toEmails: true, subject: true, keyId: true, keyName: true, status: true, sizeBytes: true, deliverAfter: true,
} as const;

export async function listEmailMessages(ctx: DataContext, query: EmailActivityQuery = {}): Promise<DataResult<EmailActivityPage>> {
  return catchFailure(async () => {
    await requireScope(ctx, "emailActivity.read");
    return ok(await readEmailActivity(ctx, query));
  });
}

/**
 * A support staff member's read of an account's Email Activity list (never a message's contents):
 * "forbidden" for anyone else, null until they started a review of it (support-review.ts).
 */
export async function reviewEmailMessages(
  sctx: SupportContext,
  accountId: string,
  query: EmailActivityQuery = {},
  now: Date = new Date(),
): Promise<DataResult<EmailActivityPage | null>> {
  return catchFailure(async () => {
    if (!(await supportReviewOpen(sctx, accountId, "email_activity", now))) return ok(null);
    return ok(await readEmailActivity({ db: sctx.db, accountId }, query));
  });
}

// One page of the account's messages. Not exported: the two readers above decide first (a member
// by the policy, support staff by a started review).
async function readEmailActivity({ db, accountId }: Pick<DataContext, "db" | "accountId">, query: EmailActivityQuery = {}): Promise<EmailActivityPage> {
  const pageSize = Math.min(Math.max(query.pageSize ?? EMAIL_ACTIVITY_PAGE_SIZE, 1), 1000);
  const where = whereFor(accountId, query);
  const [total, keyRows] = await Promise.all([
    db.emailMessage.count({ where }),
    db.emailMessage.findMany({ where: { accountId, keyId: { not: null } }, distinct: ["keyId"], select: { keyId: true, keyName: true }, orderBy: { keyId: "asc" } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(query.page ?? 1, 1), pageCount);
  const rows = await db.emailMessage.findMany({
    where,
    select: summarySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  // The key's current name where it still exists, so a renamed key is filtered by its name.
  const live = await db.apiKey.findMany({ where: { accountId, id: { in: keyRows.map((row) => row.keyId!) } }, select: { id: true, name: true } });
  const liveNames = new Map(live.map((key) => [key.id, key.name]));
  return {
    messages: rows.map(({ deliverAfter, ...row }) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      keyName: row.keyId && liveNames.has(row.keyId) ? row.keyName : "deleted key",
      queued: deliverAfter !== null,
    })),
    page,
    pageCount,
    total,
    keys: keyRows.map((row) => ({ id: row.keyId!, name: liveNames.get(row.keyId!) ?? `${row.keyName} (deleted key)` })),
  };
}

export async function getEmailMessage(ctx: DataContext, id: string): Promise<DataResult<EmailMessageDTO>> {
  return catchFailure(async () => {
    await requireScope(ctx, "emailActivity.read");
    const row = await ctx.db.emailMessage.findFirst({ where: { id, accountId: ctx.accountId } });
    if (!row) return fail("not_found", "Message not found");
    const live = row.keyId ? await ctx.db.apiKey.count({ where: { id: row.keyId, accountId: ctx.accountId } }) : 0;
    const attachments = JSON.parse(row.attachments) as (Omit<EmailAttachmentDTO, "size"> & { content: string })[];
    return ok({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      fromEmail: row.fromEmail,
      fromName: row.fromName,
      toEmails: row.toEmails,
      subject: row.subject,
      keyId: row.keyId,
      keyName: live ? row.keyName : "deleted key",
      status: row.status,
      sizeBytes: row.sizeBytes,
      source: row.source,
      textBody: row.textBody,
      htmlBody: row.htmlBody,
      headers: JSON.parse(row.headers) as Record<string, string>,
      attachments: attachments.map(({ content, ...file }) => ({ ...file, size: Buffer.byteLength(content, "base64") })),
      details: JSON.parse(row.details) as Record<string, unknown>,
      raw: row.raw,
      deliveryAttempts: JSON.parse(row.deliveryAttempts) as DeliveryAttempt[],
      queued: row.deliverAfter !== null,
      nextAttemptAt: row.deliverAfter?.toISOString() ?? null,
    });
  });
}

/** A message's HTML part alone (null when it has none), for its preview: nothing else is read. */
export async function getEmailMessageHtml(ctx: DataContext, id: string): Promise<DataResult<string | null>> {
  return catchFailure(async () => {
    await requireScope(ctx, "emailActivity.read");
    const row = await ctx.db.emailMessage.findFirst({ where: { id, accountId: ctx.accountId }, select: { htmlBody: true } });
    return row ? ok(row.htmlBody) : fail("not_found", "Message not found");
  });
}

/** A message's envelope and delivery, without its contents: what a support review may open. */
export interface EmailEnvelopeDTO extends EmailMessageSummaryDTO {
  deliveryAttempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
}

/**
 * One message's envelope for a support staff member: "forbidden" for anyone else, null until they
 * started a review of Email Activity (support-review.ts), "not found" for another account's id.
 */
export async function reviewEmailEnvelope(sctx: SupportContext, accountId: string, id: string, now: Date = new Date()): Promise<DataResult<EmailEnvelopeDTO | null>> {
  return catchFailure(async () => {
    if (!(await supportReviewOpen(sctx, accountId, "email_activity", now))) return ok(null);
    const envelope = await readEmailEnvelope(sctx.db, accountId, id.slice(0, 100));
    return envelope ? ok(envelope) : fail("not_found", "Message not found");
  });
}

// One message's envelope, or null. Not exported: reviewEmailEnvelope decides first.
async function readEmailEnvelope(db: DataContext["db"], accountId: string, id: string): Promise<EmailEnvelopeDTO | null> {
  const row = await db.emailMessage.findFirst({ where: { id, accountId }, select: { ...summarySelect, deliveryAttempts: true } });
  if (!row) return null;
  const live = row.keyId ? await db.apiKey.count({ where: { id: row.keyId, accountId } }) : 0;
  const { deliverAfter, deliveryAttempts, ...summary } = row;
  return {
    ...summary,
    createdAt: row.createdAt.toISOString(),
    keyName: live ? row.keyName : "deleted key",
    queued: deliverAfter !== null,
    deliveryAttempts: JSON.parse(deliveryAttempts) as DeliveryAttempt[],
    nextAttemptAt: deliverAfter?.toISOString() ?? null,
  };
}

/** One attachment's bytes, for download. */
export async function getEmailAttachment(ctx: DataContext, id: string, index: number): Promise<DataResult<{ filename: string; type: string; content: Buffer }>> {
  return catchFailure(async () => {
    await requireScope(ctx, "emailActivity.read");
    const row = await ctx.db.emailMessage.findFirst({ where: { id, accountId: ctx.accountId }, select: { attachments: true } });
    const file = row ? (JSON.parse(row.attachments) as { filename: string; type: string; content: string }[])[index] : undefined;
    if (!file) return fail("not_found", "Attachment not found");
    return ok({ filename: file.filename, type: file.type, content: Buffer.from(file.content, "base64") });
  });
}

function whereFor(accountId: string, query: EmailActivityQuery) {
  const search = query.search?.trim();
  return {
    accountId,
    ...(query.keyId ? { keyId: query.keyId } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.statusIn ? { status: { in: query.statusIn } } : {}),
    ...(query.id ? { id: query.id } : {}),
    ...(query.to ? { toEmails: { contains: query.to.toLowerCase() } } : {}),
    ...(query.from ? { fromEmail: { contains: query.from } } : {}),
    ...(query.subject ? { subject: { contains: query.subject } } : {}),
    ...(search
      ? { OR: [{ toEmails: { contains: search.toLowerCase() } }, { fromEmail: { contains: search } }, { subject: { contains: search } }] }
      : {}),
  };
}

/**
 * The account's newest message id (null with none): the page polls this while it is visible and
 * re-renders only when it changes, so watching the page costs one indexed read every few seconds.
 */
export async function getNewestEmailMessageId(ctx: DataContext): Promise<DataResult<string | null>> {
  return catchFailure(async () => {
    await requireScope(ctx, "emailActivity.read");
    return ok(await newestMessageId(ctx));
  });
}

/** At most this many messages are watched for status changes: a page of the list. */
export const MAX_WATCHED_MESSAGES = EMAIL_ACTIVITY_PAGE_SIZE;
// What a message id can be (Keyward's and SendGrid's): anything else names no message.
const MESSAGE_ID = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * What the open page polls: the newest message id, and the current status of the queued messages
 * it shows (so a delivery, deferral or bounce refreshes it too). Ids of other accounts, pruned
 * messages, malformed ids and anything past MAX_WATCHED_MESSAGES are simply absent from `statuses`.
 */
export async function getEmailActivityChanges(ctx: DataContext, watched: string[]): Promise<DataResult<{ newest: string | null; statuses: Record<string, string> }>> {
  return catchFailure(async () => {
    await requireScope(ctx, "emailActivity.read");
    const ids = watched.filter((id) => MESSAGE_ID.test(id)).slice(0, MAX_WATCHED_MESSAGES);
    const [newest, rows] = await Promise.all([
      newestMessageId(ctx),
      ids.length ? ctx.db.emailMessage.findMany({ where: { accountId: ctx.accountId, id: { in: ids } }, select: { id: true, status: true } }) : [],
    ]);
    return ok({ newest, statuses: Object.fromEntries(rows.map((row) => [row.id, row.status])) });
  });
}

async function newestMessageId(ctx: DataContext): Promise<string | null> {
  const row = await ctx.db.emailMessage.findFirst({ where: { accountId: ctx.accountId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
  return row?.id ?? null;
}
