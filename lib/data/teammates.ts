import "server-only";
import { isSubset, ownerScopes } from "@/lib/permissions/rules";
import { pageAbilities } from "@/lib/permissions/policy";
import { scopesForRole, type RoleChoice, type TeammateRole } from "@/lib/permissions/roles";
import { teammateIdSchema } from "@/lib/validation/teammate";
import { reauthorize, requireScope, toMemberRole, type Actor } from "./access";
import { recordAuditEvent, type Transaction } from "./audit";
import type { DataContext } from "./context";
import { listPendingInvites, type InviteDTO } from "./internal/invite-rows";
import { catchFailure, DataFailure, fail, messages, ok, type DataResult } from "./result";
import { parseScopes, serializeScopes } from "./scopes-column";

export interface TeammateDTO {
  userId: string;
  name: string;
  email: string;
  role: TeammateRole;
  scopes: string[];
  joinedAt: string;
  isYou: boolean;
}

export interface TeammateList {
  teammates: TeammateDTO[];
  invites: InviteDTO[];
  /** What the caller may do on the page; the server checks again on every action. */
  abilities: { invite: boolean; update: boolean; remove: boolean; manageOwners: boolean };
  heldScopes: string[];
}

export const teammateMessages = {
  notFound: "Teammate not found",
  lastOwner: "An account needs an owner: make someone else an owner first",
  ownerOnly: "Only an owner can change an owner",
  superior: "You cannot change a teammate who has permissions you do not have",
} as const;

export async function listTeammates(ctx: DataContext): Promise<DataResult<TeammateList>> {
  return catchFailure(async () => {
    const actor = await requireScope(ctx, "teammates.list");
    const rows = await ctx.db.membership.findMany({
      where: { accountId: ctx.accountId },
      select: { role: true, scopes: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const invites = await listPendingInvites(ctx, actor);
    return ok({
      teammates: rows.map((row) => ({
        userId: row.user.id,
        name: row.user.name,
        email: row.user.email,
        role: toMemberRole(row.role),
        scopes: parseScopes(row.scopes),
        joinedAt: row.createdAt.toISOString(),
        isYou: actor.principal.kind === "user" && actor.principal.userId === row.user.id,
      })),
      invites,
      abilities: { ...pageAbilities("teammates", actor.scopes), manageOwners: actor.role === "owner" },
      heldScopes: [...actor.scopes].sort(),
    });
  });
}

/** Either the scopes themselves, or the form's choice (a Restricted member's Custom categories keep theirs). */
export type UpdateTeammateInput = { role: TeammateRole; scopes: readonly string[] } | { choice: RoleChoice };

export async function updateTeammate(ctx: DataContext, userId: string, input: UpdateTeammateInput): Promise<DataResult<{ userId: string }>> {
  return catchFailure(async () => {
    const actor = await requireScope(ctx, "teammates.edit");
    const target = await findTeammate(ctx, userId);
    const role = "choice" in input ? input.choice.role : input.role;
    const requested = "choice" in input ? scopesForRole(input.choice, target.scopes) : input.scopes;
    const scopes = role === "owner" ? [] : [...new Set(requested)].sort();
    assertMayChange(actor, target, role, scopes);
    await ctx.db.$transaction(async (tx) => {
      // The account row is locked: the editor's standing is read again under the lock, so a
      // teammate removed or reduced at this instant cannot complete the change.
      const editor = await reauthorize(tx, ctx, "teammates.edit");
      assertMayChange(editor, target, role, scopes);
      await tx.membership.update({
        where: { userId_accountId: { userId: target.userId, accountId: ctx.accountId } },
        data: { role, scopes: serializeScopes(scopes) },
      });
      if (target.role === "owner" && role !== "owner") await assertAnOwnerRemains(tx, ctx.accountId);
      // What the teammate holds now against before: an owner holds every scope whatever is stored.
      const held = role === "owner" ? ownerScopes() : scopes;
      const added = held.filter((scope) => !target.scopes.includes(scope));
      const removed = target.scopes.filter((scope) => !held.includes(scope));
      await recordAuditEvent(tx, editor, {
        action: "teammate.updated",
        targetType: "teammate",
        targetName: target.name,
        details: {
          email: target.email,
          ...(target.role !== role ? { role: { from: target.role, to: role } } : {}),
          ...(added.length || removed.length ? { scopes: { added, removed } } : {}),
        },
      });
    });
    return ok({ userId: target.userId });
  });
}

/** Removes the membership, not the person: keys they created stay, shown as by a removed teammate. */
export async function removeTeammate(ctx: DataContext, userId: string): Promise<DataResult<{ userId: string }>> {
  return catchFailure(async () => {
    const actor = await requireScope(ctx, "teammates.remove");
    const target = await findTeammate(ctx, userId);
    assertMayManage(actor, target);
    await ctx.db.$transaction(async (tx) => {
      const remover = await reauthorize(tx, ctx, "teammates.remove");
      assertMayManage(remover, target);
      const { count } = await tx.membership.deleteMany({ where: { userId: target.userId, accountId: ctx.accountId } });
      if (count === 0) throw new DataFailure(fail("not_found", teammateMessages.notFound));
      if (target.role === "owner") await assertAnOwnerRemains(tx, ctx.accountId);
      await recordAuditEvent(tx, remover, {
        action: "teammate.removed",
        targetType: "teammate",
        targetName: target.name,
        details: { email: target.email, role: target.role },
      });
    });
    return ok({ userId: target.userId });
  });
}

interface Target {
  userId: string;
  name: string;
  email: string;
  role: TeammateRole;
  scopes: string[];
}

async function findTeammate(ctx: DataContext, userId: string): Promise<Target> {
  const id = teammateIdSchema.safeParse(userId);
  const row = id.success
    ? await ctx.db.membership.findUnique({
        where: { userId_accountId: { userId: id.data, accountId: ctx.accountId } },
        select: { role: true, scopes: true, user: { select: { id: true, name: true, email: true } } },
      })
    : null;
  if (!row) throw new DataFailure(fail("not_found", teammateMessages.notFound));
  const role = toMemberRole(row.role);
  // An owner's stored scopes mean nothing (they hold every scope): the audit diff needs what they hold.
  const scopes = role === "owner" ? ownerScopes() : parseScopes(row.scopes);
  return { userId: row.user.id, name: row.user.name, email: row.user.email, role, scopes };
}

// Nobody manages someone above them: owners are changed only by owners, and a teammate who holds
// a scope the actor lacks cannot be changed or removed by that actor.
function assertMayManage(actor: Actor, target: Target): void {
  if (target.role === "owner" && actor.role !== "owner") throw new DataFailure(fail("forbidden", teammateMessages.ownerOnly));
  if (target.role !== "owner" && !isSubset(target.scopes, [...actor.scopes])) {
    throw new DataFailure(fail("forbidden", teammateMessages.superior));
  }
}

function assertMayChange(actor: Actor, target: Target, role: TeammateRole, scopes: readonly string[]): void {
  assertMayManage(actor, target);
  if (role === "owner" && actor.role !== "owner") throw new DataFailure(fail("forbidden", teammateMessages.ownerOnly));
  if (role !== "owner") {
    if (scopes.length === 0) throw new DataFailure(fail("invalid", messages.noPermission, { levels: [messages.noPermission] }));
    if (!isSubset(scopes, [...actor.scopes])) throw new DataFailure(fail("unassignable", messages.escalation, { levels: [messages.escalation] }));
  }
}

async function assertAnOwnerRemains(tx: Transaction, accountId: string): Promise<void> {
  const owners = await tx.membership.count({ where: { accountId, role: "owner" } });
  if (owners === 0) throw new DataFailure(fail("forbidden", teammateMessages.lastOwner));
}
