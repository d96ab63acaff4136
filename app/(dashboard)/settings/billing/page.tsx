import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getBillingProfile } from "@/lib/data/billing";
import { getSessionContext } from "@/lib/data/session";
import { BillingProfileForm } from "./_components/billing-profile-form";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage() {
  const ctx = await getSessionContext();
  if (!ctx) redirect("/sign-in");
  const result = await getBillingProfile(ctx);

  return (
    <section aria-labelledby="billing-title" className="max-w-xl">
      <h1 id="billing-title" className="text-2xl font-semibold">
        Billing
      </h1>
      {result.ok ? (
        <>
          <dl className="mt-6 text-sm">
            <dt className="font-medium text-slate-600">Plan</dt>
            <dd className="mt-1 text-base">{result.data.plan}</dd>
          </dl>
          <BillingProfileForm billingEmail={result.data.billingEmail ?? ""} />
        </>
      ) : (
        <p className="mt-4 text-slate-700">
          {result.message}
        </p>
      )}
    </section>
  );
}
