"use server";

import { publicEntry } from "@/lib/data/public-entry";
import { isOutgoingMailConfigured } from "@/lib/outgoing-mail/config";
import { passwordResetMessage } from "@/lib/outgoing-mail/messages";
import { sendOutgoingMail } from "@/lib/outgoing-mail/send";
import type { AuthFormResult } from "../_components/auth-form";

export async function forgotPasswordAction(input: unknown): Promise<AuthFormResult> {
  if (!isOutgoingMailConfigured()) return { ok: false, message: "This server cannot send mail: ask an administrator for a reset link." };
  const result = await publicEntry.requestPasswordReset(input);
  if (!result.ok) return result;
  // Not awaited: the answer must not take longer when the address has an account, nor say
  // whether the mail went out. A failure is logged without the link.
  if (result.data) {
    void sendOutgoingMail(passwordResetMessage({ to: result.data.email, token: result.data.token })).catch((error: unknown) => {
      console.error("[mail] password reset not sent:", error instanceof Error ? error.message : "unknown error");
    });
  }
  return { ok: true };
}
