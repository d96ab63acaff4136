import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/create-client";
import { hashSecret } from "@/lib/keys/hash";
import { isSubset } from "@/lib/permissions/rules";
import type { TeammateRole } from "@/lib/permissions/roles";
import { INVITE_VALID_DAYS, inviteTokenSchema, teammateEmailSchema, teammateIdSchema } from "@/lib/validation/teammate";
import { requireScope, toMemberRole } from "./access";
import { recordAuditEvent } from "./audit";
import type { DataContext } from "./context";
import { catchFailure, DataFailure, fail, messages, ok, type DataResult } from "./result";
import { parseScopes, serializeScopes } from "./scopes-column";

export interface InviteDTO {
  id: string;
  email: string;
  role: TeammateRole;
  scopes: string[];
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
}

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

const inviteSelect = {
  id: true,
  email: true,
  role: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  invitedBy: { select: { name: true } },
} as const;

type InviteRow = { id: string; email: string; role: string; scopes: string; createdAt: Date; expiresAt: Date; invitedBy: { name: string } | null };

function toInviteDTO(row: InviteRow): InviteDTO {
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

/** Invitations that can still be accepted. Authorization is the caller's (listTeammates). */
export async function listPendingInvites(db: PrismaClient, accountId: string): Promise<InviteDTO[]> {
  const rows = await db.invite.findMany({
    where: { accountId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: inviteSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toInviteDTO);
}

export async function createInvite(ctx: DataContext, input: CreateInviteInput): Promise<DataResult<CreatedInvite>> {
  return catchFailure(async () => {
    const email = teammateEmailSchema.safeParse(input.email);
    if (!email.success) return fail("invalid", "Enter a valid e-mail address", { email: ["Enter a valid e-mail address"] });
    const actor = await requireScope(ctx, "teammates.create", "You do not have permission to invite teammates");
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
          invitedById: actor.principal.kind === "user" ? actor.principal.userId : null,
          expiresAt: new Date(Date.now() + INVITE_VALID_DAYS * 24 * 60 * 60 * 1000),
        },
        select: inviteSelect,
      });
      await recordAuditEvent(tx, actor, {
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
    const actor = await requireScope(ctx, "teammates.delete", "You do not have permission to revoke invitations");
    const id = teammateIdSchema.safeParse(inviteId);
    const notFound = fail("not_found", "Invitation not found");
    if (!id.success) return notFound;
    await ctx.db.$transaction(async (tx) => {
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

export type InvitationStatus = "valid" | "used" | "expired" | "revoked" | "unknown";

/** What the invite page shows. Anyone holding the link may see this much, and only they. */
export interface InvitationDTO {
  status: InvitationStatus;
  accountName?: string;
  email?: string;
  role?: TeammateRole;
  /** Whether a user with the invited e-mail exists: they join after signing in. */
  existingUser?: boolean;
}

export async function getInvitation(db: PrismaClient, token: string): Promise<InvitationDTO> {
  const row = await findByToken(db, token);
  if (!row) return { status: "unknown" };
  const status = statusOf(row);
  if (status !== "valid") return { status, accountName: row.account.name };
  const user = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  return { status, accountName: row.account.name, email: row.email, role: toMemberRole(row.role), existingUser: Boolean(user) };
}

const statusMessages: Record<Exclude<InvitationStatus, "valid">, string> = {
  unknown: "This invitation link is not valid. Ask for a new invitation.",
  used: "This invitation has already been used. Sign in instead.",
  expired: "This invitation has expired. Ask for a new invitation.",
  revoked: "This invitation was withdrawn. Ask for a new invitation.",
};
export function invitationStatusMessage(status: Exclude<InvitationStatus, "valid">): string {
  return statusMessages[status];
}

export interface JoinedAccount {
  accountId: string;
  email: string;
}

/** A new person: creates the user and the membership, and consumes the link, all at once. */
export async function acceptInviteAsNewUser(
  db: PrismaClient,
  token: string,
  input: { name: string; password: string },
): Promise<DataResult<JoinedAccount>> {
  return catchFailure(async () => {
    const row = await usableInvite(db, token);
    if (await db.user.findUnique({ where: { email: row.email }, select: { id: true } })) {
      return fail("invalid", "An account already uses this e-mail: sign in to accept the invitation");
    }
    const passwordHash = await hashPassword(input.password);
    await db.$transaction(async (tx) => {
      await consume(tx, row.id);
      const user = await tx.user.create({ data: { email: row.email, name: input.name, passwordHash }, select: { id: true } });
      await join(tx, row, user.id, input.name);
    });
    return ok({ accountId: row.accountId, email: row.email });
  });
}

/** A signed-in person whose e-mail is the invited one. */
export async function acceptInviteAsUser(db: PrismaClient, userId: string, token: string): Promise<DataResult<JoinedAccount>> {
  return catchFailure(async () => {
    const row = await usableInvite(db, token);
    const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
    if (!user) return fail("unauthenticated", messages.unauthenticated);
    if (user.email !== row.email) return fail("forbidden", `This invitation is for ${row.email}: sign in with that address to accept it`);
    const member = await db.membership.findUnique({ where: { userId_accountId: { userId, accountId: row.accountId } }, select: { id: true } });
    if (member) return fail("invalid", "You are already a member of this account");
    await db.$transaction(async (tx) => {
      await consume(tx, row.id);
      await join(tx, row, user.id, user.name);
    });
    return ok({ accountId: row.accountId, email: row.email });
  });
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
type FoundInvite = NonNullable<Awaited<ReturnType<typeof findByToken>>>;

async function findByToken(db: PrismaClient | Tx, token: string) {
  const parsed = inviteTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  return db.invite.findUnique({
    where: { tokenHash: hashSecret(parsed.data) },
    select: { id: true, accountId: true, email: true, role: true, scopes: true, expiresAt: true, acceptedAt: true, revokedAt: true, account: { select: { name: true } } },
  });
}

function statusOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): InvitationStatus {
  if (row.acceptedAt) return "used";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt.getTime() <= Date.now()) return "expired";
  return "valid";
}

async function usableInvite(db: PrismaClient, token: string): Promise<FoundInvite> {
  const row = await findByToken(db, token);
  const status = row ? statusOf(row) : "unknown";
  if (!row || status !== "valid") throw new DataFailure(fail("not_found", invitationStatusMessage(status as Exclude<InvitationStatus, "valid">)));
  return row;
}

// The conditional update is what makes a link single-use: of two acceptances racing, one
// updates the row and the other updates nothing and rolls back.
async function consume(tx: Tx, inviteId: string): Promise<void> {
  const { count } = await tx.invite.updateMany({
    where: { id: inviteId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date() },
  });
  if (count === 0) throw new DataFailure(fail("not_found", invitationStatusMessage("used")));
}

async function join(tx: Tx, invite: FoundInvite, userId: string, name: string): Promise<void> {
  await tx.membership.create({ data: { userId, accountId: invite.accountId, role: invite.role, scopes: invite.scopes } });
  await recordAuditEvent(tx, { principal: { kind: "user", userId }, accountId: invite.accountId, name }, {
    action: "teammate.joined",
    targetType: "teammate",
    targetName: name,
    details: { email: invite.email, role: invite.role },
  });
}
