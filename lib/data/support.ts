import "server-only";
import { categoriesFor, type CategoryLevel, type KeyType } from "@/lib/permissions/catalog";
import { levelsFromScopes } from "@/lib/permissions/levels";
import { apiKeySelect, toApiKeyDTO } from "./api-key-dto";
import { auditActions, recordAuditEvent, type AuditActor } from "./audit";
import { readAuditLog, type AuditLogPage, type AuditLogQuery } from "./audit-log";
import { readEmailActivity, readEmailEnvelope, type EmailActivityPage, type EmailActivityQuery, type EmailEnvelopeDTO } from "./email-activity";
import { creatorSelect, toCreatorDTO, type CreatorDTO } from "./creator";
import type { DataContext } from "./context";
import { catchFailure, DataFailure, fail, ok, type DataResult } from "./result";

// Support staff are not members of the accounts they review: the flag is on the user, read from
// the database on every call, and every review is written to the reviewed account's audit log.
export type SupportContext = DataContext<"person">;

export interface SupportAccountDTO {
  id: string;
  name: string;
  ownerEmails: string[];
  keyCount: number;
}

/** What support sees of a key: never the secret or its hash. */
export interface SupportKeyDTO {
  id: string;
  name: string;
  type: KeyType;
  permissions: { category: string; level: CategoryLevel }[];
  createdAt: string;
  createdBy: CreatorDTO;
}

const notStaff = "Only Keyward support staff can do this";
const accountNotFound = "Account not found";

async function requireSupportStaff(sctx: SupportContext): Promise<{ id: string; name: string }> {
  const user = await sctx.db.user.findUnique({ where: { id: sctx.userId }, select: { id: true, name: true, isSupportStaff: true } });
  if (!user?.isSupportStaff) throw new DataFailure(fail("forbidden", notStaff));
  return user;
}

const accountSelect = {
  id: true,
  name: true,
  keyCount: true,
  memberships: { where: { role: "owner" }, select: { user: { select: { email: true } } } },
} as const;

function toAccountDTO(row: { id: string; name: string; keyCount: number; memberships: { user: { email: string } }[] }): SupportAccountDTO {
  return { id: row.id, name: row.name, keyCount: row.keyCount, ownerEmails: row.memberships.map((m) => m.user.email).sort() };
}

/** By account id (exact), owner e-mail (part of it) or account name (part of it, any case). */
export async function searchAccounts(sctx: SupportContext, rawQuery: string): Promise<DataResult<SupportAccountDTO[]>> {
  return catchFailure(async () => {
    await requireSupportStaff(sctx);
    const query = rawQuery.trim().slice(0, 200);
    if (!query) return ok([]);
    const pattern = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // LOWER … LIKE works the same on SQLite and PostgreSQL (Prisma's `mode: "insensitive"` does not).
    const byName = await sctx.db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Account" WHERE LOWER("name") LIKE ${pattern} ESCAPE '\\' ORDER BY "name" LIMIT 25`;
    const rows = await sctx.db.account.findMany({
      where: {
        OR: [
          { id: query },
          { id: { in: byName.map((row) => row.id) } },
          { memberships: { some: { role: "owner", user: { email: { contains: query.toLowerCase() } } } } },
        ],
      },
      select: accountSelect,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 25,
    });
    return ok(rows.map(toAccountDTO));
  });
}

export interface SupportKeyReview {
  account: SupportAccountDTO;
  keys: SupportKeyDTO[];
}

export type ReviewSection = "api_keys" | "audit_log" | "email_activity";

// A review starts with a POST (startSupportReview), which writes support.viewed to the account's
// log; for a while after, the section can be read (and paged through) without writing again.
// A GET never writes: a link on another site cannot fill an account's log.
export const REVIEW_WINDOW_MS = 30 * 60_000;

/** Records support.viewed for the section; the section can then be read for REVIEW_WINDOW_MS. */
export async function startSupportReview(sctx: SupportContext, accountId: string, section: ReviewSection): Promise<DataResult<{ accountId: string }>> {
  return catchFailure(async () => {
    const staff = await requireSupportStaff(sctx);
    return ok(
      await sctx.db.$transaction(async (tx) => {
        const account = await tx.account.findUnique({ where: { id: accountId.slice(0, 64) }, select: { id: true, name: true } });
        if (!account) throw new DataFailure(fail("not_found", accountNotFound));
        await recordAuditEvent(tx, supportActor(staff, account.id), viewedEvent(account.name, section));
        return { accountId: account.id };
      }),
    );
  });
}

/** Whether this staff member started a review of the section recently (their own support.viewed). */
async function reviewStarted(sctx: SupportContext, accountId: string, section: ReviewSection, now: Date): Promise<boolean> {
  const recent = await sctx.db.auditEvent.findMany({
    where: { accountId, actorUserId: sctx.userId, action: "support.viewed", createdAt: { gte: new Date(now.getTime() - REVIEW_WINDOW_MS) } },
    select: { details: true },
  });
  return recent.some((event) => event.details !== null && (JSON.parse(event.details) as { section?: unknown }).section === section);
}

/** The account's keys, or null until a review of them is started (startSupportReview). */
export async function reviewAccountKeys(sctx: SupportContext, accountId: string, now: Date = new Date()): Promise<DataResult<SupportKeyReview | null>> {
  return catchFailure(async () => {
    await requireSupportStaff(sctx);
    const account = await sctx.db.account.findUnique({ where: { id: accountId.slice(0, 64) }, select: accountSelect });
    if (!account) throw new DataFailure(fail("not_found", accountNotFound));
    if (!(await reviewStarted(sctx, account.id, "api_keys", now))) return ok(null);
    const rows = await sctx.db.apiKey.findMany({
      where: { accountId: account.id },
      select: { ...apiKeySelect, createdBy: { select: creatorSelect(account.id) } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    const keys = rows.map((row) => {
      const key = toApiKeyDTO(row);
      const levels = levelsFromScopes(key.type, key.scopes);
      return {
        id: key.id,
        name: key.name,
        type: key.type,
        permissions: categoriesFor(key.type)
          .filter((category) => levels[category.id] !== "none")
          .map((category) => ({ category: category.label, level: levels[category.id]! })),
        createdAt: key.createdAt,
        createdBy: toCreatorDTO(row.createdBy),
      };
    });
    return ok({ account: toAccountDTO(account), keys });
  });
}

export interface SupportAuditReview {
  account: SupportAccountDTO;
  log: AuditLogPage;
}

/** The account's audit log, or null until a review of it is started (startSupportReview). */
export async function reviewAccountAuditLog(
  sctx: SupportContext,
  accountId: string,
  query: AuditLogQuery = {},
  now: Date = new Date(),
): Promise<DataResult<SupportAuditReview | null>> {
  return catchFailure(async () => {
    await requireSupportStaff(sctx);
    const account = await sctx.db.account.findUnique({ where: { id: accountId.slice(0, 64) }, select: accountSelect });
    if (!account) throw new DataFailure(fail("not_found", accountNotFound));
    if (!(await reviewStarted(sctx, account.id, "audit_log", now))) return ok(null);
    const log = await readAuditLog(reviewContext(sctx, account.id), query, { actions: auditActions, includeBilling: true });
    return ok({ account: toAccountDTO(account), log });
  });
}

export interface SupportEmailActivityReview {
  account: SupportAccountDTO;
  activity: EmailActivityPage;
}

/** The account's Email Activity (the list only, read-only), or null until a review of it is started. */
export async function reviewAccountEmailActivity(
  sctx: SupportContext,
  accountId: string,
  query: EmailActivityQuery = {},
  now: Date = new Date(),
): Promise<DataResult<SupportEmailActivityReview | null>> {
  return catchFailure(async () => {
    await requireSupportStaff(sctx);
    const account = await sctx.db.account.findUnique({ where: { id: accountId.slice(0, 64) }, select: accountSelect });
    if (!account) throw new DataFailure(fail("not_found", accountNotFound));
    if (!(await reviewStarted(sctx, account.id, "email_activity", now))) return ok(null);
    return ok({ account: toAccountDTO(account), activity: await readEmailActivity(reviewContext(sctx, account.id), query) });
  });
}

export interface SupportEmailMessageReview {
  account: SupportAccountDTO;
  message: EmailEnvelopeDTO;
}

/**
 * One message of the account, within a started Email Activity review: its envelope and what the
 * upstream relay answered, never its contents (bodies, headers, attachments, source).
 */
export async function reviewAccountEmailMessage(
  sctx: SupportContext,
  accountId: string,
  messageId: string,
  now: Date = new Date(),
): Promise<DataResult<SupportEmailMessageReview | null>> {
  return catchFailure(async () => {
    await requireSupportStaff(sctx);
    const account = await sctx.db.account.findUnique({ where: { id: accountId.slice(0, 64) }, select: accountSelect });
    if (!account) throw new DataFailure(fail("not_found", accountNotFound));
    if (!(await reviewStarted(sctx, account.id, "email_activity", now))) return ok(null);
    const message = await readEmailEnvelope(sctx.db, account.id, messageId.slice(0, 100));
    if (!message) return fail("not_found", "Message not found");
    return ok({ account: toAccountDTO(account), message });
  });
}

// The staff member reading a reviewed account, for the readers that take an account's context.
// They are no member of it: anything that checked membership (requireActor) would refuse them.
function reviewContext(sctx: SupportContext, accountId: string): DataContext {
  return { db: sctx.db, principal: { kind: "user", userId: sctx.userId }, accountId };
}

function supportActor(staff: { id: string; name: string }, accountId: string): AuditActor {
  return { principal: { kind: "user", userId: staff.id }, accountId, name: `${staff.name} (Keyward support)` };
}

function viewedEvent(accountName: string, section: ReviewSection) {
  return { action: "support.viewed", targetType: "account", targetName: accountName, details: { section } } as const;
}
