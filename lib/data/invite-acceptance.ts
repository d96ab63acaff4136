import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/create-client";
import { hashSecret } from "@/lib/keys/hash";
import type { TeammateRole } from "@/lib/permissions/roles";
import { inviteTokenSchema } from "@/lib/validation/teammate";
import { toMemberRole } from "./access";
import { recordAuditEvent } from "./audit";
import { catchFailure, DataFailure, fail, messages, ok, type DataResult } from "./result";

// Opening and accepting an invitation link. The caller is not a member yet, so these take the
// database and, for a signed-in person, their user id; the link's token is the authority, and
// only its hash is looked up.

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
