import "server-only";
import { randomBytes } from "node:crypto";
import { hashSecret } from "@/lib/keys/hash";
import { isSubset } from "@/lib/permissions/rules";
import { INVITE_VALID_DAYS, teammateEmailSchema, teammateIdSchema } from "@/lib/validation/teammate";
import { reauthorize, requireScope } from "./access";
import { recordAuditEvent } from "./audit";
import type { DataContext } from "./context";
import { inviteSelect, toInviteDTO, type InviteDTO } from "./internal/invite-rows";
import { catchFailure, DataFailure, fail, messages, ok, type DataResult } from "./result";
import { serializeScopes } from "./scopes-column";

export type { InviteDTO } from "./internal/invite-rows";

/** The link's token is in this result and nowhere else: only its SHA-256 is stored. */
export interface CreatedInvite {
  token: string;
  invite: InviteDTO;
}

export interface CreateInviteInput {
  email: string;
  role: "admin" | "restricted" | "read_only";
  scopes: readonly string[];
}

export async function createInvite(ctx: DataContext, input: CreateInviteInput): Promise<DataResult<CreatedInvite>> {
  return catchFailure(async () => {
    const email = teammateEmailSchema.safeParse(input.email);
    if (!email.success) return fail("invalid", "Enter a valid e-mail address", { email: ["Enter a valid e-mail address"] });
    const actor = await requireScope(ctx, "teammates.invite");
    const scopes = [...new Set(input.scopes)].sort();
    if (scopes.length === 0) return fail("invalid", messages.noPermission, { levels: [messages.noPermission] });
    if (!isSubset(scopes, [...actor.scopes])) return fail("unassignable", messages.escalation, { levels: [messages.escalation] });
    const member = await ctx.db.membership.findFirst({ where: { accountId: ctx.accountId, user: { email: email.data } }, select: { id: true } });
    if (member) {
      const message = "This person is already a member of this account";
      return fail("invalid", message, { email: [message] });
    }
    const token = randomBytes(32).toString("base64url");
    const row = await ctx.db.$transaction(async (tx) => {
      const inviter = await reauthorize(tx, ctx, "teammates.invite");
      if (!isSubset(scopes, [...inviter.scopes])) throw new DataFailure(fail("unassignable", messages.escalation, { levels: [messages.escalation] }));
      // A new invitation replaces any pending one for the same address: only the newest link works.
      const replaced = await tx.invite.updateMany({
        where: { accountId: ctx.accountId, email: email.data, acceptedAt: null, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      const created = await tx.invite.create({
        data: {
          accountId: ctx.accountId,
          email: email.data,
          role: input.role,
          scopes: serializeScopes(scopes),
          tokenHash: hashSecret(token),
          invitedById: inviter.principal.kind === "user" ? inviter.principal.userId : null,
          expiresAt: new Date(Date.now() + INVITE_VALID_DAYS * 24 * 60 * 60 * 1000),
        },
        select: inviteSelect,
      });
      await recordAuditEvent(tx, inviter, {
        action: "teammate.invited",
        targetType: "teammate",
        targetName: email.data,
        details: { role: input.role, scopes, ...(replaced.count > 0 ? { replacesEarlierInvite: true } : {}) },
      });
      return created;
    });
    return ok({ token, invite: toInviteDTO(row) });
  });
}

export async function revokeInvite(ctx: DataContext, inviteId: string): Promise<DataResult<{ id: string }>> {
  return catchFailure(async () => {
    await requireScope(ctx, "invites.revoke");
    const id = teammateIdSchema.safeParse(inviteId);
    const notFound = fail("not_found", "Invitation not found");
    if (!id.success) return notFound;
    await ctx.db.$transaction(async (tx) => {
      const actor = await reauthorize(tx, ctx, "invites.revoke");
      const invite = await tx.invite.findFirst({ where: { id: id.data, accountId: ctx.accountId, acceptedAt: null, revokedAt: null }, select: { email: true, role: true } });
      if (!invite) throw new DataFailure(notFound);
      const { count } = await tx.invite.updateMany({ where: { id: id.data, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
      if (count === 0) throw new DataFailure(notFound);
      await recordAuditEvent(tx, actor, {
        action: "teammate.invite_revoked",
        targetType: "teammate",
        targetName: invite.email,
        details: { role: invite.role },
      });
    });
    return ok({ id: id.data });
  });
}
