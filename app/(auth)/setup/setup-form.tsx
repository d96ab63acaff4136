"use client";

import { NewOwnerForm } from "../_components/new-owner-form";
import { setupAction } from "./actions";

export function SetupForm() {
  return <NewOwnerForm action={setupAction} submitLabel="Create owner account" />;
}
