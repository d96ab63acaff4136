import "server-only";
import { ruleFor } from "@/lib/permissions/policy";
import type { TeammateRole } from "@/lib/permissions/roles";
import { may, toMemberRole, type Actor } from "../access";
import type { DataContext } from "../context";
import { DataFailure, fail } from "../result";
import { parseScopes } from "../scopes-column";

// lib/data/internal (see visible-keys.ts): invitations as stored, and the pending ones for an
// actor the caller already checked (listTeammates). Only lib/data imports this module.

export interface InviteDTO {
  id: string;
  email: string;
  role: TeammateRole;
  scopes: string[];
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
}

export const inviteSelect = {
  id: true,
  email: true,
  role: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  invitedBy: { select: { name: true } },
} as const;

type InviteRow = { id: string; email: string; role: string; scopes: string; createdAt: Date; expiresAt: Date; invitedBy: { name: string } | null };

export function toInviteDTO(row: InviteRow): InviteDTO {
  return {
    id: row.id,
    email: row.email,
    role: toMemberRole(row.role),
    scopes: parseScopes(row.scopes),
    invitedBy: row.invitedBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** Invitations that can still be accepted, for an actor the policy lets see teammates. */
export async function listPendingInvites(ctx: DataContext, actor: Actor): Promise<InviteDTO[]> {
  if (actor.accountId !== ctx.accountId || !may(actor, "teammates.list")) throw new DataFailure(fail("forbidden", ruleFor("teammates.list").denial));
  const rows = await ctx.db.invite.findMany({
    where: { accountId: ctx.accountId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: inviteSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toInviteDTO);
}
