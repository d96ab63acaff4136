"use client";

import { PASSWORD_MIN } from "@/lib/validation/teammate";
import { newOwnerSchema, type NewOwnerValues } from "@/lib/validation/own-account";
import { AuthForm, type AuthField, type AuthFormResult } from "./auth-form";

const fields: readonly AuthField<NewOwnerValues>[] = [
  { name: "name", label: "Your name", type: "text", autoComplete: "name" },
  { name: "email", label: "E-mail", type: "email", autoComplete: "username" },
  { name: "accountName", label: "Account name", type: "text", autoComplete: "organization", hint: "Your team or company: the account that holds its API keys." },
  { name: "password", label: "Password", type: "password", autoComplete: "new-password", hint: `At least ${PASSWORD_MIN} characters.` },
  { name: "confirmPassword", label: "Confirm password", type: "password", autoComplete: "new-password" },
];

// /setup and /sign-up ask the same: a person and the account they will own. On success the
// action signs them in and redirects; it answers only when something went wrong.
export function NewOwnerForm({ action, submitLabel }: { action: (values: NewOwnerValues) => Promise<AuthFormResult>; submitLabel: string }) {
  return <AuthForm schema={newOwnerSchema} fields={fields} action={action} submitLabel={submitLabel} pendingLabel="Creating…" />;
}
