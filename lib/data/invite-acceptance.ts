import "server-only";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword } from "@/lib/auth/password";
import { Prisma, type PrismaClient } from "@/lib/db/create-client";
import { hashSecret } from "@/lib/keys/hash";
import type { TeammateRole } from "@/lib/permissions/roles";
import { isSubset, ownerScopes } from "@/lib/permissions/rules";
import { inviteTokenSchema } from "@/lib/validation/teammate";
import { toMemberRole } from "./access";
import { recordAuditEvent } from "./audit";
import type { DataContext } from "./context";
import { catchFailure, DataFailure, fail, messages, ok, type DataResult, type Failure } from "./result";
import { parseScopes } from "./scopes-column";

// Opening and accepting an invitation link. The caller is not a member yet, so these take the
// database and, for a signed-in person, their user id; the link's token is the authority, and
// only its hash is looked up.

export type InvitationStatus = "valid" | "used" | "expired" | "revoked" | "unknown" | "inviter_lost";

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
  // Checked again, in its transaction, at acceptance; here it only spares filling in the form.
  if (!(await inviterStillGrants(db, row))) return { status: "inviter_lost", accountName: row.account.name };
  const user = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  return { status, accountName: row.account.name, email: row.email, role: toMemberRole(row.role), existingUser: Boolean(user) };
}

const statusMessages: Record<Exclude<InvitationStatus, "valid">, string> = {
  unknown: "This invitation link is not valid. Ask for a new invitation.",
  used: "This invitation has already been used. Sign in instead.",
  expired: "This invitation has expired. Ask for a new invitation.",
  revoked: "This invitation was withdrawn. Ask for a new invitation.",
  inviter_lost: "This invitation is no longer valid: whoever sent it can no longer grant these permissions. Ask for a new invitation.",
};

export const acceptanceMessages = {
  emailTaken: "An account already uses this e-mail: sign in to accept the invitation",
  supportStaff: "Support staff cannot join an account: support reviews accounts from the Support page",
} as const;
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
    if (isCommonPassword(input.password)) return fail("invalid", COMMON_PASSWORD_MESSAGE, { password: [COMMON_PASSWORD_MESSAGE] });
    const row = await usableInvite(db, token);
    if (await db.user.findUnique({ where: { email: row.email }, select: { id: true } })) {
      return fail("invalid", acceptanceMessages.emailTaken);
    }
    const passwordHash = await hashPassword(input.password);
    try {
      const refused = await db.$transaction(async (tx) => {
        const lost = await refuseIfInviterLost(tx, row);
        if (lost) return lost;
        await consume(tx, row.id);
        const user = await tx.user.create({ data: { email: row.email, name: input.name, passwordHash }, select: { id: true } });
        await join(tx, row, user.id, input.name);
        return null;
      });
      if (refused) return refused;
    } catch (error) {
      // The e-mail got a user after the check above (another invitation accepted at the same
      // moment): the unique index refused the second, and the transaction rolled back.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return fail("invalid", acceptanceMessages.emailTaken);
      throw error;
    }
    return ok({ accountId: row.accountId, email: row.email });
  });
}

/** A signed-in person whose e-mail is the invited one. */
export async function acceptInviteAsUser({ db, userId }: DataContext<"person">, token: string): Promise<DataResult<JoinedAccount>> {
  return catchFailure(async () => {
    const row = await usableInvite(db, token);
    const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, isSupportStaff: true } });
    if (!user) return fail("unauthenticated", messages.unauthenticated);
    if (user.email !== row.email) return fail("forbidden", `This invitation is for ${row.email}: sign in with that address to accept it`);
    // Support staff see accounts only through /support, read only and audited: a membership
    // would give them an account's settings.
    if (user.isSupportStaff) return fail("forbidden", acceptanceMessages.supportStaff);
    const member = await db.membership.findUnique({ where: { userId_accountId: { userId, accountId: row.accountId } }, select: { id: true } });
    if (member) return fail("invalid", "You are already a member of this account");
    const refused = await db.$transaction(async (tx) => {
      const lost = await refuseIfInviterLost(tx, row);
      if (lost) return lost;
      await consume(tx, row.id);
      await join(tx, row, user.id, user.name);
      return null;
    });
    if (refused) return refused;
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
    select: { id: true, accountId: true, email: true, role: true, scopes: true, invitedById: true, expiresAt: true, acceptedAt: true, revokedAt: true, account: { select: { name: true } } },
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

// An invitation grants what its sender could grant when sending it; it stays valid only while
// they still could: still a member, holding every scope it grants (an owner holds all).
async function inviterStillGrants(db: PrismaClient | Tx, invite: Pick<FoundInvite, "accountId" | "invitedById" | "scopes">): Promise<boolean> {
  if (!invite.invitedById) return false;
  const inviter = await db.membership.findUnique({
    where: { userId_accountId: { userId: invite.invitedById, accountId: invite.accountId } },
    select: { role: true, scopes: true },
  });
  if (!inviter) return false;
  const held = toMemberRole(inviter.role) === "owner" ? ownerScopes() : parseScopes(inviter.scopes);
  return isSubset(parseScopes(invite.scopes), held);
}

// Inside the acceptance transaction. The account row is written first, as teammate changes do
// (teammates.ts, lockAccount): on PostgreSQL a demotion or removal of the inviter then commits
// either before this check or after the new member is in. A lost inviter's link is revoked, and
// the revocation commits: the failure is returned, not thrown.
async function refuseIfInviterLost(tx: Tx, invite: FoundInvite): Promise<Failure | null> {
  await tx.account.updateMany({ where: { id: invite.accountId }, data: { keyCount: { increment: 0 } } });
  if (await inviterStillGrants(tx, invite)) return null;
  await tx.invite.updateMany({ where: { id: invite.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  return fail("not_found", invitationStatusMessage("inviter_lost"));
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
