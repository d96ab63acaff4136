import "server-only";
import { categoriesFor, type CategoryLevel, type KeyType } from "@/lib/permissions/catalog";
import { levelsFromScopes } from "@/lib/permissions/levels";
import { apiKeySelect, toApiKeyDTO } from "./api-key-dto";
import { recordAuditEvent, type AuditActor } from "./audit";
import { reviewAuditEvents, type AuditLogPage, type AuditLogQuery } from "./audit-log";
import { reviewEmailEnvelope, reviewEmailMessages, type EmailActivityPage, type EmailActivityQuery, type EmailEnvelopeDTO } from "./email-activity";
import { creatorSelect, toCreatorDTO, type CreatorDTO } from "./creator";
import { catchFailure, DataFailure, fail, ok, type DataResult } from "./result";
import { requireSupportStaff, supportReviewOpen, type ReviewSection, type SupportContext } from "./support-review";

// Support staff are not members of the accounts they review (support-review.ts decides who is
// staff and which reviews are open; the audit log's and Email Activity's readers ask it too).
export { REVIEW_WINDOW_MS, type ReviewSection, type SupportContext } from "./support-review";

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

const accountNotFound = "Account not found";

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

/** The account under review, once the caller is known to be staff (nothing is revealed otherwise). */
async function reviewedAccount(sctx: SupportContext, accountId: string) {
  await requireSupportStaff(sctx);
  const account = await sctx.db.account.findUnique({ where: { id: accountId.slice(0, 64) }, select: accountSelect });
  if (!account) throw new DataFailure(fail("not_found", accountNotFound));
  return account;
}

/**
 * What `read` (a reader that decides through supportReviewOpen) gives for the account under
 * review, beside the account: null until that section's review is started.
 */
async function inReviewedAccount<T, R>(
  sctx: SupportContext,
  accountId: string,
  read: (accountId: string) => Promise<DataResult<T | null>>,
  shape: (account: SupportAccountDTO, data: T) => R,
): Promise<DataResult<R | null>> {
  return catchFailure(async () => {
    const account = await reviewedAccount(sctx, accountId);
    const result = await read(account.id);
    if (!result.ok) return result;
    return ok(result.data === null ? null : shape(toAccountDTO(account), result.data));
  });
}

/** The account's keys, or null until a review of them is started (startSupportReview). */
export async function reviewAccountKeys(sctx: SupportContext, accountId: string, now: Date = new Date()): Promise<DataResult<SupportKeyReview | null>> {
  return catchFailure(async () => {
    const account = await reviewedAccount(sctx, accountId);
    if (!(await supportReviewOpen(sctx, account.id, "api_keys", now))) return ok(null);
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
  return inReviewedAccount(sctx, accountId, (id) => reviewAuditEvents(sctx, id, query, now), (account, log) => ({ account, log }));
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
  return inReviewedAccount(sctx, accountId, (id) => reviewEmailMessages(sctx, id, query, now), (account, activity) => ({ account, activity }));
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
  return inReviewedAccount(sctx, accountId, (id) => reviewEmailEnvelope(sctx, id, messageId, now), (account, message) => ({ account, message }));
}

function supportActor(staff: { id: string; name: string }, accountId: string): AuditActor {
  return { principal: { kind: "user", userId: staff.id }, accountId, name: `${staff.name} (Keyward support)` };
}

function viewedEvent(accountName: string, section: ReviewSection) {
  return { action: "support.viewed", targetType: "account", targetName: accountName, details: { section } } as const;
}
