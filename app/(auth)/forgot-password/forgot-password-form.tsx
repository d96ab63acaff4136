"use client";

import { useState } from "react";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/validation/own-account";
import { AuthForm, type AuthField } from "../_components/auth-form";
import { forgotPasswordAction } from "./actions";

const fields: readonly AuthField<ForgotPasswordInput>[] = [{ name: "email", label: "E-mail", type: "email", autoComplete: "username" }];

// The same answer whether or not the address has an account.
export function ForgotPasswordForm() {
  const [sent, setSent] = useState(false);
  if (sent) {
    return (
      <p role="status" className="mt-6 text-sm text-slate-700">
        If an account uses that address, we have sent it a link to choose a new password. The link works once, for 1 hour.
      </p>
    );
  }
  return (
    <AuthForm
      schema={forgotPasswordSchema}
      fields={fields}
      action={forgotPasswordAction}
      submitLabel="Send reset link"
      pendingLabel="Sending…"
      onDone={() => setSent(true)}
    />
  );
}
