import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSupportContext } from "@/lib/data/session";
import { searchAccounts } from "@/lib/data/support";

export const metadata: Metadata = { title: "Support" };

export default async function SupportSearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const sctx = await getSupportContext();
  if (!sctx) redirect("/sign-in?callbackUrl=/support");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const result = q ? await searchAccounts(sctx, q) : null;
  return (
    <section aria-labelledby="support-title">
      <h1 id="support-title" className="text-2xl font-semibold">
        Support: find an account
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        Reviews are read only, and each one is recorded in the account&apos;s audit log under your name.
      </p>
      <form method="get" role="search" className="mt-4 flex flex-wrap gap-2 sm:flex-nowrap">
        <label className="sr-only" htmlFor="support-q">
          Account name, owner e-mail or account id
        </label>
        <input
          id="support-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Account name, owner e-mail or account id"
          className="block w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Search
        </button>
      </form>
      {result && !result.ok ? <p className="mt-4 text-slate-700">{result.message}</p> : null}
      {result?.ok ? (
        result.data.length === 0 ? (
          <p className="mt-6 text-sm text-slate-600">No account matches “{q}”.</p>
        ) : (
          <div role="region" aria-label="Matching accounts" tabIndex={0} className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <caption className="sr-only">Matching accounts</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">Account</th>
                  <th scope="col" className="px-4 py-3 font-medium">Account ID</th>
                  <th scope="col" className="px-4 py-3 font-medium">Owners</th>
                  <th scope="col" className="px-4 py-3 font-medium">Keys</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.data.map((account) => (
                  <tr key={account.id}>
                    <td className="px-4 py-3">
                      {/* No prefetch: opening a review writes to the account's audit log. */}
                      <Link prefetch={false} href={`/support/accounts/${account.id}`} className="font-medium text-brand-700 underline">
                        {account.name}
                      </Link>
                    </td>
                    <td className="px-4 py-3 font-mono text-xs">{account.id}</td>
                    <td className="px-4 py-3">{account.ownerEmails.join(", ")}</td>
                    <td className="px-4 py-3">{account.keyCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
