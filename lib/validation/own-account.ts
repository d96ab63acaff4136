import { z } from "zod";
import { accountHolderNameSchema, newPasswordSchema, teammateEmailSchema } from "./teammate";
import { CONTROL_CHARACTERS_MESSAGE, hasNoControlCharacters } from "./text";

// The forms by which people get their own account and password: /setup, /sign-up, "Forgot
// password?" and the reset link. Shared by the forms (client), their actions and the CLI.

export const accountNameSchema = z
  .string()
  .trim()
  .min(1, "Enter the account's name")
  .max(100, "Use at most 100 characters")
  .refine(hasNoControlCharacters, CONTROL_CHARACTERS_MESSAGE);

const matchingPasswords = (form: { password: string; confirmPassword: string }) => form.password === form.confirmPassword;
const mismatch = { path: ["confirmPassword"], message: "The passwords do not match" };

/** /setup and /sign-up: a person and the account they will own. */
export const newOwnerSchema = z
  .object({
    name: accountHolderNameSchema,
    email: teammateEmailSchema,
    accountName: accountNameSchema,
    password: newPasswordSchema,
    confirmPassword: z.string().max(200),
  })
  .refine(matchingPasswords, mismatch);
export type NewOwnerInput = z.input<typeof newOwnerSchema>;
export type NewOwnerValues = z.output<typeof newOwnerSchema>;

export const forgotPasswordSchema = z.object({ email: teammateEmailSchema });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z
  .object({ password: newPasswordSchema, confirmPassword: z.string().max(200) })
  .refine(matchingPasswords, mismatch);
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

// 32 random bytes, base64url: the reset link's only secret.
export const passwordResetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** How long a link from "Forgot password?" (or `npm run user:reset-password`) works. */
export const PASSWORD_RESET_VALID_MS = 60 * 60 * 1000;
/** A user made by `npm run user:create` gets a day to choose their password. */
export const SET_PASSWORD_VALID_MS = 24 * 60 * 60 * 1000;

/** `npm run user:create`: support staff belong to no account; anyone else may be given one they own. */
export const cliNewUserSchema = z
  .object({
    email: teammateEmailSchema,
    name: accountHolderNameSchema.optional(),
    support: z.boolean(),
    account: accountNameSchema.optional(),
  })
  .refine((input) => !(input.support && input.account), {
    path: ["account"],
    message: "Support staff belong to no account: leave out --account",
  });
export type CliNewUserInput = z.input<typeof cliNewUserSchema>;
