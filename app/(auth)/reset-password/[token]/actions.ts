"use server";

import { publicEntry } from "@/lib/data/public-entry";
import { resetPasswordSchema } from "@/lib/validation/own-account";
import type { AuthFormResult } from "../../_components/auth-form";
import { signInWith } from "../../_components/sign-in-with";

// The token is untrusted input like any other: lib/data hashes it, checks it and uses it up.
export async function resetPasswordAction(token: unknown, input: unknown): Promise<AuthFormResult> {
  const result = await publicEntry.resetPassword(String(token), input);
  if (!result.ok) return result;
  const { password } = resetPasswordSchema.parse(input);
  return signInWith(result.data.email, password, "/", "Your password is changed: sign in with it");
}
