import "server-only";
import { may, requireActor, seesBilling, type Actor } from "./access";
import { auditActions, type AuditAction, type AuditTargetType } from "./audit";
import type { DataContext } from "./context";
import { catchFailure, fail, ok, type DataResult } from "./result";
import { supportReviewOpen, type SupportContext } from "./support-review";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEventDTO {
  id: string;
  /** ISO 8601, UTC: pages show it in the viewer's own time zone. */
  createdAt: string;
  actor: { kind: "user" | "key" | "unknown"; name: string };
  action: string;
  targetType: AuditTargetType;
  targetName: string | null;
  targetKeyId: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditActorOption {
  /** "user:<id>" or "key:<id>", the value of the actor filter. */
  value: string;
  name: string;
}

export interface AuditLogPage {
  events: AuditEventDTO[];
  page: number;
  pageCount: number;
  total: number;
  /** The actions this viewer may see, for the action filter. */
  actions: AuditAction[];
  actors: AuditActorOption[];
}

export interface AuditLogQuery {
  action?: string;
  actor?: string;
  page?: number;
}

// Which events a member may read: owners all of them; others the key events with api_keys.read
// the teammate events with teammates.read, billing changes with billing.read. Billing keys' events
// only with a billing scope. An API key none: the policy gives these actions to people only. The
// settings navigation shows the Audit Log link by the same rule (account-access.ts): the link is
// there exactly when this list is not empty.
export function visibleAuditActions(actor: Pick<Actor, "role" | "scopes" | "keyType">): AuditAction[] {
  if (actor.role === "owner") return [...auditActions];
  return auditActions.filter(
    (action) =>
      (action.startsWith("key.") && may(actor, "auditLog.keyEvents")) ||
      (action.startsWith("teammate.") && may(actor, "auditLog.teammateEvents")) ||
      (action.startsWith("billing.") && may(actor, "auditLog.billingEvents")),
  );
}

export async function listAuditEvents(ctx: DataContext, query: AuditLogQuery = {}): Promise<DataResult<AuditLogPage>> {
  return catchFailure(async () => {
    const actor = await requireActor(ctx);
    const actions = visibleAuditActions(actor);
    if (actions.length === 0) return fail("forbidden", "You do not have permission to view the audit log");
    return ok(await readAuditLog(ctx, query, { actions, includeBilling: seesBilling(actor) }));
  });
}

/**
 * A support staff member's read of an account's whole log (billing included): "forbidden" for
 * anyone else, null until they started a review of the audit log (support-review.ts).
 */
export async function reviewAuditEvents(
  sctx: SupportContext,
  accountId: string,
  query: AuditLogQuery = {},
  now: Date = new Date(),
): Promise<DataResult<AuditLogPage | null>> {
  return catchFailure(async () => {
    if (!(await supportReviewOpen(sctx, accountId, "audit_log", now))) return ok(null);
    return ok(await readAuditLog({ db: sctx.db, accountId }, query, { actions: auditActions, includeBilling: true }));
  });
}

/** What the reader's check allows them to see of the account's log. */
interface AuditLogAccess {
  actions: readonly AuditAction[];
  includeBilling: boolean;
}

// One page of the account's log, as far as `access` allows. Not exported: the two readers above
// decide first (a member by the policy, support staff by a started review).
async function readAuditLog({ db, accountId }: Pick<DataContext, "db" | "accountId">, query: AuditLogQuery, { actions, includeBilling }: AuditLogAccess): Promise<AuditLogPage> {
  const visible = {
    accountId,
    action: { in: [...actions] },
    // Key events of billing keys carry "type":"billing" in their details.
    ...(includeBilling ? {} : { OR: [{ details: null }, { NOT: { details: { contains: '"type":"billing"' } } }] }),
  };
  const where = {
    ...visible,
    ...(query.action && actions.includes(query.action as AuditAction) ? { action: query.action } : {}),
    ...actorFilter(query.actor),
  };
  const total = await db.auditEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1) || 1), pageCount);
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: { id: true, createdAt: true, actorUserId: true, actorKeyId: true, actorName: true, action: true, targetType: true, targetName: true, targetKeyId: true, details: true },
  });
  const actorRows = await db.auditEvent.findMany({
    where: visible,
    distinct: ["actorUserId", "actorKeyId"],
    select: { actorUserId: true, actorKeyId: true, actorName: true },
    take: 200,
  });
  return {
    events: rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      actor: row.actorUserId
        ? { kind: "user", name: row.actorName ?? "Unknown person" }
        : row.actorKeyId
          ? { kind: "key", name: row.actorName ?? row.actorKeyId }
          : { kind: "unknown", name: row.actorName ?? "Unknown" },
      action: row.action,
      targetType: toTargetType(row.targetType),
      targetName: row.targetName,
      targetKeyId: row.targetKeyId,
      details: parseDetails(row.details),
    })),
    page,
    pageCount,
    total,
    actions: [...actions],
    actors: actorRows
      .filter((row) => row.actorUserId || row.actorKeyId)
      .map((row) => ({
        value: row.actorUserId ? `user:${row.actorUserId}` : `key:${row.actorKeyId}`,
        name: row.actorName ?? "Unknown",
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function actorFilter(value: string | undefined) {
  const match = /^(user|key):([A-Za-z0-9_-]{1,64})$/.exec(value ?? "");
  if (!match) return {};
  return match[1] === "user" ? { actorUserId: match[2] } : { actorKeyId: match[2] };
}

function toTargetType(value: string): AuditTargetType {
  return value === "teammate" || value === "account" ? value : "api_key";
}

function parseDetails(value: string | null): Record<string, unknown> | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
