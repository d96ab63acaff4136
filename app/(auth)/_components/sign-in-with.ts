import "server-only";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import type { AuthFormResult } from "./auth-form";

// Deliberately not 'use server': a helper for actions, not an action anyone may call.
// Signs a person in with the password they just chose. Success "throws" Next's redirect, so this
// returns only when Auth.js refused.
export async function signInWith(email: string, password: string, redirectTo: string, refused: string): Promise<AuthFormResult> {
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: refused };
    throw error;
  }
  return { ok: false, message: refused };
}
