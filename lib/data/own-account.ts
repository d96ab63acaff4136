import "server-only";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword } from "@/lib/auth/password";
import { isSignUpOpen } from "@/lib/config/mode";
import { Prisma, type PrismaClient } from "@/lib/db/create-client";
import { newOwnerSchema, type NewOwnerValues } from "@/lib/validation/own-account";
import { catchFailure, DataFailure, fail, invalidForm, ok, type DataResult, type Failure } from "./result";

// How people get an account of their own without an invitation: the first owner at /setup, and
// anyone at /sign-up where it is open. Nobody is signed in yet, so these take the database; what
// authorizes them is the state of the database (no users yet) or the server's mode.

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface NewOwnerDTO {
  userId: string;
  accountId: string;
  email: string;
}

const SETUP_CLAIM_ID = "first-owner";

/** Lets the race test hold two setups between their check and their write; nothing else passes it. */
export interface RaceHooks {
  afterCheck?: () => Promise<void>;
}
const setupClosed = fail("not_found", "Not found");
export const signUpMessages = {
  closed: "Sign-up is closed on this server: ask an account owner for an invitation",
  emailTaken: "An account already uses this e-mail: sign in instead",
} as const;

/** /setup is there only while the database has no users and nobody has used it. */
export async function isSetupOpen(db: PrismaClient): Promise<boolean> {
  const [users, claim] = await Promise.all([db.user.count(), db.setupClaim.findUnique({ where: { id: SETUP_CLAIM_ID } })]);
  return users === 0 && !claim;
}

/**
 * The first owner and their account. Race-safe: the transaction inserts the one SetupClaim row, so
 * of two setups at the same moment the second fails on its primary key and changes nothing.
 */
export async function createFirstOwner(db: PrismaClient, input: unknown, race: RaceHooks = {}): Promise<DataResult<NewOwnerDTO>> {
  return catchFailure(async () => {
    const parsed = parseNewOwner(input);
    if (!parsed.ok) return parsed;
    if (!(await isSetupOpen(db))) return setupClosed;
    const passwordHash = await hashPassword(parsed.data.password);
    try {
      return ok(
        await db.$transaction(async (tx) => {
          if ((await tx.user.count()) > 0) throw new DataFailure(setupClosed);
          await race.afterCheck?.();
          await tx.setupClaim.create({ data: { id: SETUP_CLAIM_ID } });
          return createOwner(tx, parsed.data, passwordHash);
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error) || isWriteConflict(error)) return setupClosed;
      throw error;
    }
  });
}

/** /sign-up: a new user and a new account they own. Refused while sign-up is closed. */
export async function signUpOwner(db: PrismaClient, input: unknown): Promise<DataResult<NewOwnerDTO>> {
  return catchFailure(async () => {
    if (!isSignUpOpen()) return fail("not_found", signUpMessages.closed);
    const parsed = parseNewOwner(input);
    if (!parsed.ok) return parsed;
    const passwordHash = await hashPassword(parsed.data.password);
    try {
      return ok(await db.$transaction((tx) => createOwner(tx, parsed.data, passwordHash)));
    } catch (error) {
      if (isUniqueViolation(error)) return fail("invalid", signUpMessages.emailTaken, { email: [signUpMessages.emailTaken] });
      throw error;
    }
  });
}

async function createOwner(tx: Tx, values: NewOwnerValues, passwordHash: string): Promise<NewOwnerDTO> {
  const user = await tx.user.create({ data: { email: values.email, name: values.name, passwordHash }, select: { id: true, email: true } });
  const account = await tx.account.create({ data: { name: values.accountName }, select: { id: true } });
  await tx.membership.create({ data: { userId: user.id, accountId: account.id, role: "owner" } });
  return { userId: user.id, accountId: account.id, email: user.email };
}

function parseNewOwner(input: unknown): { ok: true; data: NewOwnerValues } | Failure {
  const parsed = newOwnerSchema.safeParse(input);
  if (parsed.success) {
    // Server side only: the list is too large for the form's JavaScript.
    if (isCommonPassword(parsed.data.password)) return fail("invalid", COMMON_PASSWORD_MESSAGE, { password: [COMMON_PASSWORD_MESSAGE] });
    return ok(parsed.data);
  }
  return invalidForm(parsed.error.issues);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// PostgreSQL may also abort the loser of a race as a serialization failure or deadlock.
function isWriteConflict(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034";
}
