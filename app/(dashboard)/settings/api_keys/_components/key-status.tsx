import type { ApiKeyRowDTO } from "@/lib/data/api-key-usage-queries";

const badge = "ml-2 rounded px-1.5 py-0.5 text-xs font-medium";

/**
 * "Expired", "Disabled" or "Unused" beside the name, and the link between a rolled key and its
 * replacement. "Unused" (no use in 30 days, lib/usage/series.ts) is left off an expired key: that
 * badge already says the key is dead.
 */
export function KeyStatus({ apiKey }: { apiKey: ApiKeyRowDTO }) {
  return (
    <>
      {apiKey.status === "expired" ? <span className={`${badge} bg-red-100 text-red-800`}>Expired</span> : null}
      {apiKey.status === "disabled" ? <span className={`${badge} bg-slate-200 text-slate-800`}>Disabled</span> : null}
      {apiKey.unused && apiKey.status !== "expired" ? (
        <span className={`${badge} bg-amber-100 text-amber-900`} title="No use in the last 30 days">
          Unused
        </span>
      ) : null}
      {apiKey.rolledToId ? (
        <span className="mt-1 block text-xs text-slate-600">
          Replaced by <code className="font-mono break-all">{apiKey.rolledToId}</code>
        </span>
      ) : null}
      {apiKey.rolledFromId ? (
        <span className="mt-1 block text-xs text-slate-600">
          Replaces <code className="font-mono break-all">{apiKey.rolledFromId}</code>
        </span>
      ) : null}
      {apiKey.status !== "expired" && apiKey.expiresAt ? (
        <span className="mt-1 block text-xs text-slate-600">Expires {formatInstant(apiKey.expiresAt)}</span>
      ) : null}
    </>
  );
}

// UTC and a fixed format: the same text on the server and in the browser.
function formatInstant(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
