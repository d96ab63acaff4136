import "server-only";
import type { KeyType } from "@/lib/permissions/catalog";
import { allows, keyTypeAllowed, ruleFor, type PolicyAction } from "@/lib/permissions/policy";
import { ownerScopes } from "@/lib/permissions/rules";
import type { Transaction } from "./audit";
import type { DataContext, Principal } from "./context";
import { DataFailure, fail } from "./result";
import { parseScopes } from "./scopes-column";

export type MemberRole = "owner" | "admin" | "restricted" | "read_only";

export interface Actor {
  principal: Principal;
  accountId: string;
  /** A member's role, or "key" for an API key calling /v3. */
  role: MemberRole | "key";
  /** How the audit log names this actor: the person's name, or the key's. */
  name: string;
  scopes: ReadonlySet<string>;
  /** For an API key: its type, which the policy also checks. */
  keyType?: KeyType;
}

export function toMemberRole(stored: string): MemberRole {
  // "teammate" predates roles: such members hold exactly the scopes stored, as a restricted one does.
  return stored === "owner" || stored === "admin" || stored === "read_only" ? stored : "restricted";
}

/** Where an actor is read from: the context's client, or a write transaction's. */
type ActorSource = Pick<DataContext, "principal" | "accountId"> & { db: Pick<Transaction, "membership" | "apiKey"> };

// Reads the caller's standing in the account from the database, on every call, unless this very
// request has read it already (a key's lookup, a page's session lookup) and the call is not fresh;
// a write's reauthorize is always fresh. A caller with no standing there (not a member, removed, a
// key of another account, support staff) gets null, which callers turn into "not found" so that
// nothing reveals the account exists.
export async function loadActor({ db, principal, accountId }: ActorSource, { fresh = false } = {}): Promise<Actor | null> {
  if (principal.kind === "user") {
    // Read by this request's session lookup (session.ts); a write's reauthorize reads it again.
    const known = principal.standing;
    const membership =
      known && !fresh && known.accountId === accountId
        ? known
        : await db.membership
            .findUnique({
              where: { userId_accountId: { userId: principal.userId, accountId } },
              select: { role: true, scopes: true, user: { select: { name: true } } },
            })
            .then((found) => found && { role: found.role, scopes: found.scopes, name: found.user.name });
    if (!membership) return null;
    const role = toMemberRole(membership.role);
    return {
      principal,
      accountId,
      role,
      name: membership.name,
      scopes: new Set(role === "owner" ? ownerScopes() : parseScopes(membership.scopes)),
    };
  }
  const known = principal.authenticated;
  if (known && !fresh) {
    // Read by this request's lookup; another account's key is simply not there.
    if (known.keyId !== principal.keyId || known.accountId !== accountId) return null;
    return { principal, accountId, role: "key", name: "", scopes: new Set(known.scopes), keyType: known.type };
  }
  const key = await db.apiKey.findFirst({
    where: { id: principal.keyId, accountId },
    select: { scopes: true, name: true, type: true },
  });
  if (!key) return null;
  const keyType = key.type === "billing" ? "billing" : "general";
  return { principal, accountId, role: "key", name: key.name, scopes: new Set(parseScopes(key.scopes)), keyType };
}

/** Loads the actor or throws "not found" (caught by catchFailure). */
export async function requireActor(ctx: DataContext): Promise<Actor> {
  const actor = await loadActor(ctx);
  if (!actor) throw new DataFailure(fail("not_found", "Account not found"));
  return actor;
}

// Loads the actor and checks the policy's rule for the action (lib/permissions/policy.ts): its
// scopes, and for an API key its type. Throws a DataFailure (caught by catchFailure) otherwise.
export async function requireScope(ctx: DataContext, action: PolicyAction): Promise<Actor> {
  const actor = await requireActor(ctx);
  if (!may(actor, action)) throw new DataFailure(fail("forbidden", ruleFor(action).denial));
  return actor;
}

/**
 * The check again, inside a write transaction: locks the account row first (a no-op write; on
 * PostgreSQL the lock is held until commit, and every membership or key write of the account
 * takes it; SQLite runs one write transaction at a time), then reads the actor's standing and
 * checks the action. A teammate removed, a role reduced or a key deleted after the check before
 * the transaction cannot complete the write: removal is "not found", a lost scope "forbidden".
 * Callers check what depends on the actor's scopes (subset rules) against the actor returned.
 */
export async function reauthorize(tx: Transaction, ctx: DataContext, action: PolicyAction, { locked = false } = {}): Promise<Actor> {
  if (!locked) await lockAccountRow(tx, ctx.accountId);
  const actor = await loadActor({ db: tx, principal: ctx.principal, accountId: ctx.accountId }, { fresh: true });
  if (!actor) throw new DataFailure(fail("not_found", "Account not found"));
  if (!may(actor, action)) throw new DataFailure(fail("forbidden", ruleFor(action).denial));
  return actor;
}

/** A write to the account row that changes nothing: it takes the row's lock until commit. */
async function lockAccountRow(tx: Transaction, accountId: string): Promise<void> {
  await tx.account.updateMany({ where: { id: accountId }, data: { keyCount: { increment: 0 } } });
}

/** Whether this actor may perform the action, by the policy: scopes, and a key's type. */
export function may(actor: Pick<Actor, "scopes" | "keyType">, action: PolicyAction): boolean {
  if (actor.keyType !== undefined && !keyTypeAllowed(actor.keyType, action)) return false;
  return allows(actor.scopes, action);
}

/** Billing keys (and their audit events) exist only for those who hold a billing scope. */
export function seesBilling(actor: Pick<Actor, "scopes">): boolean {
  return allows(actor.scopes, "billingKeys.see");
}

export function actorFields(actor: Pick<Actor, "principal" | "name">): { actorUserId: string | null; actorKeyId: string | null; actorName: string } {
  // A key's actor from the request's authentication has no name: audit events take the actor
  // reauthorize read inside the write transaction, which has it.
  if (actor.principal.kind === "key" && actor.name === "") throw new Error("an audit event needs the key actor read in its transaction");
  return actor.principal.kind === "user"
    ? { actorUserId: actor.principal.userId, actorKeyId: null, actorName: actor.name }
    : { actorUserId: null, actorKeyId: actor.principal.keyId, actorName: actor.name };
}
