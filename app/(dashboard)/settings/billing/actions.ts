"use server";

import { revalidatePath } from "next/cache";
import { updateBillingProfile, type BillingProfileDTO } from "@/lib/data/billing";
import { fail, messages, type DataResult } from "@/lib/data/result";
import { getSessionContext } from "@/lib/data/session";
import { billingProfileFormSchema } from "@/lib/validation/billing";

// Its own entry point: signs the caller in again; lib/data decides whether they may change billing.
export async function updateBillingProfileAction(input: unknown): Promise<DataResult<BillingProfileDTO>> {
  const ctx = await getSessionContext();
  if (!ctx) return fail("unauthenticated", messages.unauthenticated);
  const form = billingProfileFormSchema.safeParse(input);
  if (!form.success) {
    const message = form.error.issues[0]?.message ?? "Check the form";
    return fail("invalid", message, { billingEmail: [message] });
  }
  const result = await updateBillingProfile(ctx, { billingEmail: form.data.billingEmail });
  if (result.ok) revalidatePath("/settings/billing");
  return result;
}
