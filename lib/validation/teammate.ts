import { z } from "zod";
import { offeredLevels } from "@/lib/permissions/catalog";
import { teammateCategories } from "@/lib/permissions/roles";
import { categoryLevelSchema } from "./api-key";
import { CONTROL_CHARACTERS_MESSAGE, hasNoControlCharacters } from "./text";

// Shared by the teammate forms (client), their server actions and lib/data.
export const INVITE_VALID_DAYS = 7;

export const teammateEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .refine(hasNoControlCharacters, CONTROL_CHARACTERS_MESSAGE)
  .pipe(z.email("Enter a valid e-mail address"));
export const invitedRoleSchema = z.enum(["admin", "restricted", "read_only"]);
export const teammateRoleSchema = z.enum(["owner", "admin", "restricted", "read_only"]);
export const teammateIdSchema = z.string().min(1).max(64).refine(hasNoControlCharacters);
// 32 random bytes, base64url: the invite link's only secret.
export const inviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

const permissionsShape = {
  includeBilling: z.boolean(),
  levels: z.record(z.string().max(64), categoryLevelSchema),
};

type PermissionsFields = { role: string; levels: Record<string, string> };

// A restricted member needs a level per category that the category offers, and at least one.
const offeredLevelsOnly = (form: PermissionsFields) =>
  form.role !== "restricted" ||
  teammateCategories.every((category) => {
    const level = form.levels[category.id] ?? "none";
    return level === "custom" || (offeredLevels(category) as string[]).includes(level);
  });
const somePermission = (form: PermissionsFields) =>
  form.role !== "restricted" || Object.values(form.levels).some((level) => level !== "none");
const offeredMessage = { path: ["levels"], message: "Choose one of the offered access levels" };
const someMessage = { path: ["levels"], message: "Choose at least one permission" };

export const inviteFormSchema = z
  .object({ email: teammateEmailSchema, role: invitedRoleSchema, ...permissionsShape })
  .refine(offeredLevelsOnly, offeredMessage)
  .refine(somePermission, someMessage);
export type InviteFormInput = z.input<typeof inviteFormSchema>;
export type InviteFormValues = z.output<typeof inviteFormSchema>;

export const teammateFormSchema = z
  .object({ role: teammateRoleSchema, ...permissionsShape })
  .refine(offeredLevelsOnly, offeredMessage)
  .refine(somePermission, someMessage);
export type TeammateFormInput = z.input<typeof teammateFormSchema>;
export type TeammateFormValues = z.output<typeof teammateFormSchema>;

export const PASSWORD_MIN = 12;
export const accountHolderNameSchema = z
  .string()
  .trim()
  .min(1, "Enter your name")
  .max(100, "Use at most 100 characters")
  .refine(hasNoControlCharacters, CONTROL_CHARACTERS_MESSAGE);
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(200, "Use at most 200 characters");

export const acceptInviteSchema = z
  .object({ name: accountHolderNameSchema, password: newPasswordSchema, confirmPassword: z.string() })
  .refine((form) => form.password === form.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match",
  });
export type AcceptInviteInput = z.input<typeof acceptInviteSchema>;
