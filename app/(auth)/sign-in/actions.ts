"use server";

import { AuthError } from "next-auth";
import { signIn, signOut, SignInLocked } from "@/lib/auth/auth";
import { signInSchema } from "@/lib/validation/sign-in";
import { incorrectMessage, lockedMessage } from "./messages";

export interface SignInState {
  message?: string;
  email?: string;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { message: parsed.error.issues[0]?.message, email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallback(formData.get("callbackUrl")) });
    return {};
  } catch (error) {
    // A successful sign-in "throws" Next's redirect: only Auth.js's own errors are results.
    // Neither message says whether the e-mail has an account: unknown e-mails are locked too.
    if (error instanceof SignInLocked) return { message: lockedMessage, email };
    if (error instanceof AuthError) return { message: incorrectMessage, email };
    throw error;
  }
}

// Auth.js's signOut event also ends the session on the server (lib/auth/auth.ts).
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

// Only same-site paths: an open redirect after sign-in is a phishing aid.
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}
