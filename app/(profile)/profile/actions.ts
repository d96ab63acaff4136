"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { updateSession } from "@/lib/auth/auth";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/auth/common-passwords";
import { changePassword, signOutOtherSessions, updateProfileName, type ProfileDTO } from "@/lib/data/profile";
import { fail, invalidForm, messages, type DataResult, type Failure } from "@/lib/data/result";
import { getProfileContext } from "@/lib/data/session";
import { clientAddressFrom } from "@/lib/server/client-address";
import { changePasswordSchema, profileNameSchema, type ProfileNotice } from "@/lib/validation/profile";

// Each action signs the caller in again (getProfileContext): only their own profile, from the
// session they act in. Input is untrusted and parsed with the forms' own schemas.

export async function updateNameAction(input: unknown): Promise<DataResult<ProfileDTO>> {
  const pctx = await getProfileContext();
  if (!pctx) return fail("unauthenticated", messages.unauthenticated);
  const form = profileNameSchema.safeParse(input);
  if (!form.success) return invalidForm(form.error.issues);
  const result = await updateProfileName(pctx, form.data.name);
  // The header on every page shows the name.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function changePasswordAction(input: unknown): Promise<Failure> {
  const pctx = await getProfileContext();
  if (!pctx) return fail("unauthenticated", messages.unauthenticated);
  const form = changePasswordSchema.safeParse(input);
  if (!form.success) return invalidForm(form.error.issues);
  if (isCommonPassword(form.data.newPassword)) return fail("invalid", COMMON_PASSWORD_MESSAGE, { newPassword: [COMMON_PASSWORD_MESSAGE] });
  const address = clientAddressFrom(await headers());
  const result = await changePassword(pctx, { currentPassword: form.data.currentPassword, newPassword: form.data.newPassword, address }, new Date());
  if (!result.ok) return result;
  return keepThisSession("password");
}

export async function signOutOtherSessionsAction(): Promise<Failure> {
  const pctx = await getProfileContext();
  if (!pctx) return fail("unauthenticated", messages.unauthenticated);
  const result = await signOutOtherSessions(pctx);
  if (!result.ok) return result;
  return keepThisSession("sessions");
}

// The version was just raised, ending every session of the user; this one re-issues its own
// token with the new version (Auth.js's session update; lib/auth/auth.ts lets only this session
// take it up). Then a redirect, not a re-render of this request: that would still read the old
// token from the request's headers, and find it ended.
async function keepThisSession(done: ProfileNotice): Promise<never> {
  await updateSession({});
  redirect(`/profile?done=${done}`);
}
