"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { acceptInviteAsUser } from "@/lib/data/invite-acceptance";
import { publicEntry } from "@/lib/data/public-entry";
import { fail, invalidForm, messages, type Failure } from "@/lib/data/result";
import { ACCOUNT_COOKIE, getPersonContext } from "@/lib/data/session";
import { acceptInviteSchema } from "@/lib/validation/teammate";

// The token is untrusted input like any other: lib/data hashes it and looks the invitation up.

/** A new person sets a name and password, joins, and is signed in. */
export async function acceptInviteAction(token: unknown, input: unknown): Promise<Failure> {
  const form = acceptInviteSchema.safeParse(input);
  if (!form.success) return invalidForm(form.error.issues);
  const result = await publicEntry.acceptInvitation(String(token), { name: form.data.name, password: form.data.password });
  if (!result.ok) return result;
  await rememberAccount(result.data.accountId);
  try {
    await signIn("credentials", { email: result.data.email, password: form.data.password, redirectTo: "/" });
  } catch (error) {
    // A successful sign-in "throws" Next's redirect: only Auth.js's own errors are results.
    if (error instanceof AuthError) return fail("unauthenticated", "You have joined: sign in to continue");
    throw error;
  }
  return fail("unauthenticated", messages.unauthenticated);
}

/** Someone who already has a user joins as themselves, signed in. */
export async function joinInviteAction(token: unknown): Promise<Failure> {
  const person = await getPersonContext();
  if (!person) return fail("unauthenticated", messages.unauthenticated);
  const result = await acceptInviteAsUser(person, String(token));
  if (!result.ok) return result;
  await rememberAccount(result.data.accountId);
  redirect("/");
}

// The joined account becomes the current one; getViewer still checks the membership.
async function rememberAccount(accountId: string): Promise<void> {
  (await cookies()).set(ACCOUNT_COOKIE, accountId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
}
