import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { Prisma, type PrismaClient } from "@/lib/db/create-client";
import { cliNewUserSchema, forgotPasswordSchema, SET_PASSWORD_VALID_MS } from "@/lib/validation/own-account";
import { issuePasswordReset } from "./password-resets";
import { fail, ok, type DataResult } from "./result";

// For `npm run user:create` and `npm run user:reset-password`, run by whoever operates the server:
// shell access to it is the authority. Support staff can be made only here, never through the web.

export interface CliUserLink {
  email: string;
  /** One-time token for /reset-password/<token>: printed once, stored only as its hash. */
  token: string;
  validForMs: number;
  accountName: string | null;
  support: boolean;
}

export async function createUserFromCli(db: PrismaClient, input: unknown): Promise<DataResult<CliUserLink>> {
  const parsed = cliNewUserSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join("; "));
  const { email, support } = parsed.data;
  const name = parsed.data.name ?? email.split("@")[0] ?? email;
  const accountName = parsed.data.account ?? null;
  // Nobody knows this password: the person sets theirs through the link.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  try {
    const token = await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name, passwordHash, isSupportStaff: support }, select: { id: true } });
      if (accountName) {
        const account = await tx.account.create({ data: { name: accountName }, select: { id: true } });
        await tx.membership.create({ data: { userId: user.id, accountId: account.id, role: "owner" } });
      }
      return issuePasswordReset(tx, user.id, SET_PASSWORD_VALID_MS);
    });
    return ok({ email, token, validForMs: SET_PASSWORD_VALID_MS, accountName, support });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return fail("invalid", `A user with the e-mail ${email} already exists: use npm run user:reset-password -- --email ${email}`);
    }
    throw error;
  }
}

export async function resetLinkFromCli(db: PrismaClient, input: unknown): Promise<DataResult<{ email: string; token: string }>> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", "--email: Enter a valid e-mail address");
  const user = await db.user.findUnique({ where: { email: parsed.data.email }, select: { id: true, email: true } });
  if (!user) return fail("not_found", `No user has the e-mail ${parsed.data.email}`);
  return ok({ email: user.email, token: await issuePasswordReset(db, user.id) });
}
