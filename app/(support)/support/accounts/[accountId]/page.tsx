import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LocalTime } from "@/components/ui/local-time";
import { getSupportContext } from "@/lib/data/session";
import { reviewAccountKeys } from "@/lib/data/support";
import { KeyPermissions } from "./key-permissions";
import { ReviewNav } from "./review-nav";
import { ReviewNotStarted } from "./review-not-started";

export const metadata: Metadata = { title: "Support review" };
// Reads the review's state on every request: never served from a cache.
export const dynamic = "force-dynamic";

export default async function SupportKeysPage({ params }: { params: Promise<{ accountId: string }> }) {
  const sctx = await getSupportContext();
  if (!sctx) redirect("/sign-in?callbackUrl=/support");
  const { accountId } = await params;
  const result = await reviewAccountKeys(sctx, accountId);
  if (!result.ok) return <p className="text-slate-700">{result.message}</p>;
  if (!result.data) return <ReviewNotStarted accountId={accountId} section="api_keys" />;
  const { account, keys } = result.data;
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title" className="text-2xl font-semibold">
        {account.name}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        Account <code className="font-mono">{account.id}</code> · owners {account.ownerEmails.join(", ") || "none"} · read only
      </p>
      <ReviewNav accountId={account.id} current="keys" />
      <h2 className="mt-6 text-lg font-semibold">API Keys ({keys.length})</h2>
      {keys.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">This account has no API keys.</p>
      ) : (
        // Six columns do not fit a phone: the table scrolls inside a focusable region, not the page.
        <div role="region" aria-label="API keys of this account" tabIndex={0} className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600">
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Name</th>
                <th scope="col" className="px-4 py-3 font-medium">API Key ID</th>
                <th scope="col" className="px-4 py-3 font-medium">Type</th>
                <th scope="col" className="px-4 py-3 font-medium">Permissions</th>
                <th scope="col" className="px-4 py-3 font-medium">Created</th>
                <th scope="col" className="px-4 py-3 font-medium">Created by</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {keys.map((key) => (
                <tr key={key.id}>
                  <td className="max-w-56 px-4 py-3 font-medium [overflow-wrap:anywhere]">{key.name}</td>
                  <td className="px-4 py-3 font-mono text-[13px]">{key.id}</td>
                  <td className="px-4 py-3">{key.type === "billing" ? "Billing" : "General"}</td>
                  <td className="px-4 py-3">
                    <KeyPermissions type={key.type} permissions={key.permissions} />
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    <LocalTime iso={key.createdAt} />
                  </td>
                  <td className="px-4 py-3">
                    {key.createdBy ? `${key.createdBy.name}${key.createdBy.removed ? " (removed)" : ""}` : "API"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
