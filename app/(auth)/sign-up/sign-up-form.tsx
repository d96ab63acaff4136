"use client";

import { NewOwnerForm } from "../_components/new-owner-form";
import { signUpAction } from "./actions";

export function SignUpForm() {
  return <NewOwnerForm action={signUpAction} submitLabel="Create account" />;
}
