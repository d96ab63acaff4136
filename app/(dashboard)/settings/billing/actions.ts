"use server";

import { revalidatePath } from "next/cache";
import { updateBillingProfile, type BillingProfileDTO } from "@/lib/data/billing";
import { fail, type DataResult } from "@/lib/data/result";
import { getActionContext } from "@/lib/data/session";
import { billingProfileFormSchema } from "@/lib/validation/billing";

// Its own entry point: signs the caller in again, refuses if another tab has switched account since
// the page was rendered (accountId), and lets lib/data decide whether they may change billing.
export async function updateBillingProfileAction(accountId: unknown, input: unknown): Promise<DataResult<BillingProfileDTO>> {
  const session = await getActionContext(accountId);
  if (!session.ok) return session;
  const ctx = session.data;
  const form = billingProfileFormSchema.safeParse(input);
  if (!form.success) {
    const message = form.error.issues[0]?.message ?? "Check the form";
    return fail("invalid", message, { billingEmail: [message] });
  }
  const result = await updateBillingProfile(ctx, { billingEmail: form.data.billingEmail });
  if (result.ok) revalidatePath("/settings/billing");
  return result;
}
