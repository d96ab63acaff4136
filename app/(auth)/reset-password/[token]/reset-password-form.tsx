"use client";

import { PASSWORD_MIN } from "@/lib/validation/teammate";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/validation/own-account";
import { AuthForm, type AuthField } from "../../_components/auth-form";
import { resetPasswordAction } from "./actions";

const fields: readonly AuthField<ResetPasswordInput>[] = [
  { name: "password", label: "New password", type: "password", autoComplete: "new-password", hint: `At least ${PASSWORD_MIN} characters.` },
  { name: "confirmPassword", label: "Confirm new password", type: "password", autoComplete: "new-password" },
];

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <AuthForm
      schema={resetPasswordSchema}
      fields={fields}
      action={(values) => resetPasswordAction(token, values)}
      submitLabel="Set new password"
      pendingLabel="Saving…"
    />
  );
}
