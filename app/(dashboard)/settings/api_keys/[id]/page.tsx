import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getApiKeyDetails } from "@/lib/data/api-key-history";
import { getApiKeyUsage } from "@/lib/data/api-key-usage-queries";
import { getSessionContext } from "@/lib/data/session";
import { keyStatus } from "@/lib/keys/expiry";
import { permissionSummary } from "@/lib/permissions/summary";
import { exactTime } from "@/lib/time/relative";
import { KeyHistory } from "./_components/key-history";
import { KeyPermissions } from "./_components/key-permissions";
import { KeyUsage } from "./_components/key-usage";
import { TryThisKey } from "./_components/try-this-key";

export const metadata: Metadata = { title: "API Key" };

export default async function ApiKeyPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await getSessionContext();
  if (!ctx) redirect("/sign-in");
  const { id } = await params;
  const result = await getApiKeyDetails(ctx, id);
  // Another account's key, and a key this member may not see, are simply not there.
  if (!result.ok && result.code === "not_found") notFound();
  if (!result.ok) return <p className="text-slate-700">{result.message}</p>;
  const { apiKey, history } = result.data;
  const now = new Date();
  const usage = await getApiKeyUsage(ctx, apiKey.id, now);
  const status = keyStatus(apiKey, now);
  const host = (await headers()).get("host") ?? "localhost";

  return (
    <section aria-labelledby="api-key-title" className="space-y-8">
      <div>
        <Link href="/settings/api_keys" className="text-sm text-brand-700 underline underline-offset-2">
          ← API Keys
        </Link>
        <h1 id="api-key-title" className="mt-2 text-2xl font-semibold break-words [overflow-wrap:anywhere]">
          {apiKey.name}
        </h1>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">API Key ID</dt>
          <dd>
            <code className="font-mono break-all">{apiKey.id}</code>
          </dd>
          <dt className="text-slate-600">Type</dt>
          <dd>{apiKey.type === "billing" ? "Billing" : "General"}</dd>
          <dt className="text-slate-600">Permissions</dt>
          <dd>{permissionSummary(apiKey.type, apiKey.scopes)}</dd>
          <dt className="text-slate-600">Status</dt>
          <dd>
            {status === "expired" ? "Expired" : status === "disabled" ? "Disabled" : "Active"}
            {usage.ok && usage.data.unused && status !== "expired" ? " · Unused (no use in the last 30 days)" : null}
          </dd>
          <dt className="text-slate-600">Expires</dt>
          <dd>{apiKey.expiresAt ? exactTime(apiKey.expiresAt) : "Never"}</dd>
          <dt className="text-slate-600">Last used</dt>
          <dd>{apiKey.lastUsedAt ? exactTime(apiKey.lastUsedAt) : "Never"}</dd>
        </dl>
      </div>
      {usage.ok ? <KeyUsage days={usage.data.days} /> : null}
      <KeyPermissions type={apiKey.type} scopes={apiKey.scopes} />
      <TryThisKey keyId={apiKey.id} origin={`http://${host}`} />
      <KeyHistory history={history} />
    </section>
  );
}
