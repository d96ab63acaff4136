"use server";

import { publicEntry } from "@/lib/data/public-entry";
import { newOwnerSchema } from "@/lib/validation/own-account";
import type { AuthFormResult } from "../_components/auth-form";
import { signInWith } from "../_components/sign-in-with";

/** The first owner: lib/data refuses once anyone exists, however the action is reached. */
export async function setupAction(input: unknown): Promise<AuthFormResult> {
  const result = await publicEntry.setup(input);
  if (!result.ok) return result;
  // Valid, or lib/data would have refused it: the password the person just chose.
  const { password } = newOwnerSchema.parse(input);
  return signInWith(result.data.email, password, "/settings/api_keys", "Your account is ready: sign in to continue");
}
