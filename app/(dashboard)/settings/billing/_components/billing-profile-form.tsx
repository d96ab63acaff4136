"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useRenderedAccountId } from "@/components/account/current-account";
import { Button } from "@/components/ui/button";
import { billingProfileFormSchema, type BillingProfileFormInput } from "@/lib/validation/billing";
import { updateBillingProfileAction } from "../actions";

export function BillingProfileForm({ billingEmail }: { billingEmail: string }) {
  const accountId = useRenderedAccountId();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<BillingProfileFormInput>({
    resolver: zodResolver(billingProfileFormSchema),
    defaultValues: { billingEmail },
  });

  const submit = handleSubmit(async (values) => {
    setSaved(false);
    const result = await updateBillingProfileAction(accountId, values);
    if (result.ok) setSaved(true);
    else setError("billingEmail", { message: result.fieldErrors?.billingEmail?.[0] ?? result.message });
  });

  const error = formState.errors.billingEmail;
  return (
    <form onSubmit={submit} noValidate className="mt-6 space-y-3">
      <label className="block text-sm font-medium">
        Billing e-mail
        <input
          {...register("billingEmail", { onChange: () => setSaved(false) })}
          type="email"
          autoComplete="email"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "billing-email-error" : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-normal"
        />
      </label>
      {error ? (
        <p id="billing-email-error" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save"}
        </Button>
        <p role="status" className="text-sm text-slate-700">
          {saved ? "Billing e-mail saved." : ""}
        </p>
      </div>
    </form>
  );
}
