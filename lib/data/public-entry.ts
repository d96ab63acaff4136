import "server-only";
import { ruleFor, type PolicyAction } from "@/lib/permissions/policy";
import type { DataContext } from "./context";
import { getDb } from "./db";
import { acceptInviteAsNewUser, getInvitation } from "./invite-acceptance";
import { createFirstOwner, isSetupOpen, signUpOwner } from "./own-account";
import { getPasswordResetStatus, requestPasswordReset, resetPassword } from "./password-resets";

// The ways in for someone who is not signed in: setup, sign-up, a forgotten password, and the
// links (a reset or an invitation) whose token is the authority. Each names its action in the
// policy table, which must give it to "anyone"; this is the only place an anonymous context is
// built, and so app/ never holds the database handle (app-database.test.ts).

function anonymous(action: PolicyAction): DataContext<"anonymous"> {
  if (ruleFor(action).who !== "anyone") throw new Error(`${action} is not open to anyone in the policy table`);
  return { db: getDb(), anonymous: true };
}

export const publicEntry = {
  isSetupOpen: () => isSetupOpen(anonymous("account.setup").db),
  setup: (input: unknown) => createFirstOwner(anonymous("account.setup").db, input),
  signUp: (input: unknown) => signUpOwner(anonymous("account.signUp").db, input),
  requestPasswordReset: (input: unknown) => requestPasswordReset(anonymous("password.forgot").db, input),
  passwordResetStatus: (token: string) => getPasswordResetStatus(anonymous("password.reset").db, token),
  resetPassword: (token: string, input: unknown) => resetPassword(anonymous("password.reset").db, token, input),
  invitation: (token: string) => getInvitation(anonymous("invite.accept").db, token),
  acceptInvitation: (token: string, input: { name: string; password: string }) => acceptInviteAsNewUser(anonymous("invite.accept").db, token, input),
};
