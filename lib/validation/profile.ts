import { z } from "zod";
import { accountHolderNameSchema, newPasswordSchema } from "./teammate";

// Shared by the profile page's forms (client) and their server actions. The common-password
// check is the server's alone (lib/auth/common-passwords.ts: too large for the browser).

export const profileNameSchema = z.object({ name: accountHolderNameSchema });
export type ProfileNameInput = z.input<typeof profileNameSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200, "Use at most 200 characters"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((form) => form.newPassword === form.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" })
  .refine((form) => form.newPassword !== form.currentPassword, { path: ["newPassword"], message: "Choose a password other than your current one" });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** What /profile?done=… confirms after an action that re-issued the session. */
export const profileNotices = {
  password: "Password changed. Your other sessions are signed out.",
  sessions: "Every other session is signed out.",
} as const;
export type ProfileNotice = keyof typeof profileNotices;
